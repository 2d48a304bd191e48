using System.Threading.Tasks;
using ProductionAnalyzers.Tests.Verifiers;
using ProductionAnalyzers.Exceptions;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer>;

namespace ProductionAnalyzers.Tests.Exceptions
{
    public class EmptyCatchBlockAnalyzerTests
    {
        private static string InMethod(string catchClause) => $$"""
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Importer
            {
                public void Import(string path)
                {
                    try
                    {
                        File.Delete(path);
                    }
                    {{catchClause}}
                }

                private static bool IsTransient(Exception ex) => ex is IOException;
            }
            """;

        [Theory]
        [InlineData("[|catch|] { }")]
        [InlineData("[|catch (Exception)|] { }")]
        [InlineData("[|catch (Exception ex)|] { }")]
        [InlineData("[|catch (System.Exception)|]\n{\n}")]
        [InlineData("[|catch (IOException)|] { }")]
        [InlineData("[|catch (HttpRequestException)|] { }")]
        [InlineData("[|catch (UnauthorizedAccessException)|] { ; }")]
        public async Task EmptyCatch_Reports(string catchClause)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(catchClause));
        }

        [Fact]
        public async Task Message_NamesTheCaughtType_Reports()
        {
            await Verify.VerifyAnalyzerAsync(
                InMethod("{|#0:catch (IOException)|} { }"),
                Verify.Diagnostic(DiagnosticIds.EmptyCatchBlock).WithLocation(0).WithArguments("IOException"));
        }

        [Fact]
        public async Task UntypedCatch_MessageSaysException_Reports()
        {
            await Verify.VerifyAnalyzerAsync(
                InMethod("{|#0:catch|} { }"),
                Verify.Diagnostic(DiagnosticIds.EmptyCatchBlock).WithLocation(0).WithArguments("Exception"));
        }

        [Theory]
        [InlineData("catch (IOException) { /* the file may already be gone */ }")]
        [InlineData("catch (Exception)\n{\n    // Best effort: the temp file is cleaned up by the OS anyway.\n}")]
        [InlineData("catch\n{\n    // ignored\n    ;\n}")]
        [InlineData("catch (Exception ex) when (ex is IOException) { }")]
        [InlineData("catch (Exception ex) when (IsTransient(ex)) { }")]
        [InlineData("catch (OperationCanceledException) { }")]
        [InlineData("catch (TaskCanceledException) { }")]
        [InlineData("catch (IOException)\n{\n#if DEBUG\n    throw;\n#endif\n}")]
        public async Task IntentOrCancellation_DoesNotReport(string catchClause)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(catchClause));
        }

        [Fact]
        public async Task SubclassOfOperationCanceledException_DoesNotReport()
        {
            const string source = """
                using System;

                public sealed class JobCanceledException : OperationCanceledException { }

                public sealed class Job
                {
                    public void Run(Action step)
                    {
                        try
                        {
                            step();
                        }
                        catch (JobCanceledException)
                        {
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AsyncMethodLambdaAndLocalFunction_Report()
        {
            const string source = """
                using System;
                using System.Threading.Tasks;

                public sealed class Worker
                {
                    public async Task RunAsync(Func<Task> step)
                    {
                        try
                        {
                            await step();
                        }
                        [|catch (Exception)|]
                        {
                        }

                        Func<Task> wrapped = async () =>
                        {
                            try { await step(); }
                            [|catch|] { }
                        };
                        await wrapped();

                        void Local()
                        {
                            try { step().Wait(); }
                            [|catch (AggregateException)|] { }
                        }

                        Local();
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        /// <summary>
        /// Catch clauses in every kind of executable code the rule sees (it starts from each catch clause's operation):
        /// accessors, constructors, operators, field and property initializers (lambdas), and top-level statements, for
        /// both PA3001 and PA3002.
        /// </summary>
        [Fact]
        public async Task CatchesInAccessorsConstructorsInitializersAndTopLevelStatements_Report()
        {
            await new Verify.Test
            {
                TestState =
                {
                    OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                    Sources =
                    {
                        """
                        using System;
                        using System.IO;

                        try { File.Delete("stale.lock"); }
                        [|catch (IOException)|] { }

                        try { File.Delete("stale.tmp"); }
                        {|PA3002:catch (Exception)|} { Console.Out.Flush(); }

                        public sealed class Settings
                        {
                            private static readonly Func<string, string> Reader = path =>
                            {
                                try { return File.ReadAllText(path); }
                                [|catch (IOException)|] { }
                                return string.Empty;
                            };

                            private string _value = string.Empty;

                            public Settings(string path)
                            {
                                try { _value = Reader(path); }
                                [|catch (ArgumentException)|] { }
                            }

                            public string Value
                            {
                                get
                                {
                                    try { return _value.Trim(); }
                                    {|PA3002:catch (Exception)|} { return string.Empty; }
                                }
                                set
                                {
                                    try { _value = value.Trim(); }
                                    [|catch (NullReferenceException)|] { }
                                }
                            }

                            public Func<int> Length { get; } = () =>
                            {
                                try { return Environment.ProcessorCount; }
                                [|catch (InvalidOperationException)|] { }
                                return 0;
                            };

                            public static Settings operator +(Settings left, Settings right)
                            {
                                try { left._value += right._value; }
                                [|catch (OutOfMemoryException)|] { }
                                return left;
                            }
                        }
                        """,
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task NestedEmptyCatchInsideCatch_Reports()
        {
            const string source = """
                using System;
                using System.IO;

                public sealed class Uploader
                {
                    public void Upload(Stream stream, Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch (IOException)
                        {
                            try
                            {
                                stream.Dispose();
                            }
                            [|catch (ObjectDisposedException)|]
                            {
                            }

                            throw;
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AllowCommentFalse_CommentedCatch_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod("[|catch (IOException)|] { /* the file may already be gone */ }") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA3001.allow_comment = false\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task FamilyWideAllowCommentFalse_CommentedCatch_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod("[|catch|]\n{\n    // ignored\n}") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\nproduction_analyzers.allow_comment = false\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task AllowCommentTrue_CommentedCatch_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod("catch (IOException) { /* the file may already be gone */ }") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA3001.allow_comment = true\n") },
                },
            }.RunAsync();
        }

        [Theory]
        [InlineData("System.IO.IOException", "catch (IOException) { }")]
        [InlineData("IOException", "catch (IOException) { }")]
        [InlineData("T:System.IO.IOException", "catch (IOException) { }")]
        [InlineData("System.IO.IOException", "catch (FileNotFoundException) { }")]
        [InlineData("ObjectDisposedException, System.IO.IOException", "catch (IOException) { }")]
        [InlineData("System.Exception", "catch { }")]
        public async Task AllowedExceptionTypes_DoesNotReport(string allowed, string catchClause)
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod(catchClause) },
                    AnalyzerConfigFiles = { ("/.editorconfig", $"root = true\n[*.cs]\ndotnet_code_quality.PA3001.allowed_exception_types = {allowed}\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task AllowedExceptionTypes_OtherType_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod("[|catch (UnauthorizedAccessException)|] { }") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA3001.allowed_exception_types = System.IO.IOException\n") },
                },
            }.RunAsync();
        }

        [Theory]
        [InlineData("[|catch ({|CS0246:StripeException|})|] { }")]
        [InlineData("[|catch ({|CS0246:StripeException|} ex)|] { }")]
        [InlineData("[|catch ({|CS0246:Exceptio|})|] { }")]
        public async Task UnresolvedCaughtType_Reports(string catchClause)
        {
            // The variable of a catch clause is an exception whatever its type binds to (a missing reference, code being typed).
            await Verify.VerifyAnalyzerAsync(InMethod(catchClause));
        }

        [Theory]
        [InlineData("catch ({|CS0246:RetryCanceledException|}) { }", "RetryCanceledException")]
        [InlineData("catch ({|CS0246:StripeException|}) { }", "StripeException")]
        public async Task UnresolvedCaughtType_Allowed_DoesNotReport(string catchClause, string allowed)
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod(catchClause) },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA3001.allowed_exception_types = " + allowed + "\n") },
                },
            }.RunAsync();
        }

        [Theory]
        [InlineData("catch { } // best effort: the file may already be gone")]
        [InlineData("catch (IOException) { } /* already deleted */")]
        [InlineData("catch (IOException) // the next run retries\n{\n}")]
        [InlineData("catch (IOException ex) /* ignored */ { }")]
        public async Task CommentOnCatchLine_DoesNotReport(string catchClause)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(catchClause));
        }

        [Fact]
        public async Task CommentOnCatchLine_AllowCommentFalse_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { InMethod("[|catch (IOException)|] { } // best effort") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA3001.allow_comment = false\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task CommentOnNextLine_Reports()
        {
            // A comment on the line after the catch belongs to the next statement, not to the catch.
            await Verify.VerifyAnalyzerAsync(InMethod("[|catch (IOException)|] { }\n// cleanup done\n"));
        }

        [Theory]
        [InlineData("catch (Exception ex) {")]
        [InlineData("catch (")]
        [InlineData("catch (Exception ex) when () { }")]
        [InlineData("catch (Exception ex) when (ex is ) { }")]
        public async Task HalfTypedCode_DoesNotReport(string catchClause)
        {
            await new Verify.Test
            {
                TestState = { Sources = { InMethod(catchClause) } },
                CompilerDiagnostics = CompilerDiagnostics.None,
            }.RunAsync();
        }
    }
}
