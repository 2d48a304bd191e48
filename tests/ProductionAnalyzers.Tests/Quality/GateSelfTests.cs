using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

// Test-only analyzers: never loaded by a compiler, so no export attribute and no release tracking.
#pragma warning disable RS1001, RS2008

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// The gates must fail when they should: each is run against small deliberately faulty analyzers and fixers
    /// (defined below, test-only) and against correct ones.
    /// </summary>
    public class GateSelfTests
    {
        private const string Source = @"
using System;
using System.IO;

namespace Shop.Orders
{
    public sealed class OrderImporter
    {
        public int Import(string path)
        {
            try
            {
                return File.ReadAllLines(path).Length;
            }
            catch (IOException)
            {
            }

            return 0;
        }

        public void Touch(string path)
        {
            try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); }
            catch (UnauthorizedAccessException) { }
        }
    }
}
";

        private static readonly IReadOnlyList<(string, string)> Files = new[] { ("Shop/OrderImporter.cs", Source) };

        [Fact]
        public async Task CrashGate_ThrowingAnalyzer_Reports()
        {
            var variants = CrashGate.Prefixes("Shop/OrderImporter.cs", Source);
            var failures = (await CrashGate.RunAsync(variants, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowsOnHalfTypedCodeAnalyzer()), ImmutableArray<CodeFixProvider>.Empty)).Failures;
            Assert.Contains(failures, f => f.Contains(nameof(ThrowsOnHalfTypedCodeAnalyzer), StringComparison.Ordinal));
        }

        [Fact]
        public async Task CrashGate_AnalyzerAssumingCoreTypes_Reports()
        {
            var failures = (await CrashGate.RunWithReferencesAsync(Files, QualityReferences.None, ImmutableArray.Create<DiagnosticAnalyzer>(new AssumesStringExistsAnalyzer()), ImmutableArray<CodeFixProvider>.Empty)).Failures;
            Assert.Contains(failures, f => f.Contains(nameof(AssumesStringExistsAnalyzer), StringComparison.Ordinal));
        }

        [Fact]
        public async Task CrashGate_ThrowingFixer_Reports()
        {
            var variants = CrashGate.TokenDeletions("Shop/OrderImporter.cs", Source);
            var failures = (await CrashGate.RunAsync(variants, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new ThrowingFixer()))).Failures;
            Assert.Contains(failures, f => f.StartsWith("fixer: ", StringComparison.Ordinal) && f.Contains("NotSupportedException", StringComparison.Ordinal));
        }

        [Fact]
        public async Task CrashGate_CorrectAnalyzerAndFixer_DoesNotReport()
        {
            var variants = CrashGate.Prefixes("Shop/OrderImporter.cs", Source).Concat(CrashGate.TokenDeletions("Shop/OrderImporter.cs", Source)).ToList();
            var failures = (await CrashGate.RunAsync(variants, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new RethrowFixer()))).Failures;
            Assert.Empty(failures);
            Assert.True(variants.Count > 20, "the prefixes and deletions of a 30-line file are many");
        }

        [Fact]
        public void Prefixes_AreDeterministicAndCutTheText()
        {
            var first = CrashGate.Prefixes("a.cs", Source);
            var second = CrashGate.Prefixes("a.cs", Source);
            Assert.Equal(first.Select(v => v.Text), second.Select(v => v.Text));
            Assert.All(first, v => Assert.True(v.Text.Length < Source.Length + v.NamespaceShift));
            Assert.Contains(first, v => v.Text.TrimEnd().EndsWith("try", StringComparison.Ordinal));
            Assert.Equal(CrashGate.TokenDeletions("a.cs", Source).Select(v => v.Text), CrashGate.TokenDeletions("a.cs", Source).Select(v => v.Text));
        }

        [Fact]
        public async Task FixGate_CorrectFixer_DoesNotReport()
        {
            var result = await FixGate.RunAsync(Files, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new RethrowFixer()));
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
            Assert.Equal(2, result.Diagnostics);
            Assert.Equal(2, result.FixesApplied);
            Assert.Equal(1, result.FixAllApplied);
        }

        [Fact]
        public async Task FixGate_FixThatDoesNotCompile_Reports()
        {
            var result = await FixGate.RunAsync(Files, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new NonCompilingFixer()));
            Assert.Contains(result.Failures, f => f.Contains("new compiler error CS0246", StringComparison.Ordinal) && !f.StartsWith("Fix All", StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.StartsWith("Fix All", StringComparison.Ordinal) && f.Contains("new compiler error", StringComparison.Ordinal));
        }

        [Fact]
        public async Task FixGate_FixThatLeavesTheDiagnostic_Reports()
        {
            var result = await FixGate.RunAsync(Files, QualityReferences.Full, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new CommentOnlyFixer()));
            Assert.Contains(result.Failures, f => f.Contains("still reported", StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.StartsWith("Fix All", StringComparison.Ordinal) && f.Contains("2 diagnostics before, 2 after", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ConcurrencyGate_StatelessAnalyzer_DoesNotReport()
        {
            var result = await ConcurrencyGate.RunAsync(Files, QualityReferences.Full, () => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCatchTestAnalyzer()));
            Assert.Empty(result.Failures);
            Assert.Equal(2, result.SingleCount);
        }

        [Fact]
        public async Task ConcurrencyGate_AnalyzerWithSharedState_Reports()
        {
            var result = await ConcurrencyGate.RunAsync(Files, QualityReferences.Full, () => ImmutableArray.Create<DiagnosticAnalyzer>(new FirstCatchOnlyAnalyzer()));
            Assert.NotEmpty(result.Failures);
        }

        [Fact]
        public void CrashBudget_ShrinksPerFileAsCorporaGrowButNeverVanishes()
        {
            Assert.Equal((CrashGate.MaxStatementCuts, CrashGate.MaxTokenCuts), CrashGate.CutsPerFile(1));
            var previous = int.MaxValue;
            foreach (var files in new[] { 10, 40, 80, 200, 1000 })
            {
                var (statements, tokens) = CrashGate.CutsPerFile(files);
                Assert.InRange(statements, 5, previous);
                Assert.InRange(tokens, 5, CrashGate.MaxTokenCuts);
                Assert.InRange(CrashGate.DeletionsPerFile(files), 4, 12);
                previous = statements;
            }

            Assert.True(CrashGate.CutsPerFile(80).Statements * 80 * 2 <= CrashGate.PrefixBudget * 1.1);
        }

        [Fact]
        public void DocumentedOptions_ParsesTheConfigurationLinesOfARulePage()
        {
            const string page = "## Configuration\n\n```ini\n[*.cs]\ndotnet_code_quality.PA1001.strict = true\nproduction_analyzers.sanitizers = M:A.B(System.String)|Escape\n```\n\n| `dotnet_code_quality.PA1001.strict` | `false` | text |\n";
            var options = DocumentedOptions.Parse(page).ToList();
            Assert.Equal(new[] { ("dotnet_code_quality.PA1001.strict", "true"), ("production_analyzers.sanitizers", "M:A.B(System.String)|Escape") }, options);
        }

        [Fact]
        public async Task CrashGate_AnalyzerParsingOptionsCarelessly_ReportsOnlyWithMalformedValues()
        {
            var examples = System.Collections.Immutable.ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase).Add("dotnet_code_quality.QT0002.max_catches", "3");
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ParsesOptionAnalyzer());
            var good = await CrashGate.RunWithReferencesAsync(Files, QualityReferences.Full, analyzers, ImmutableArray<CodeFixProvider>.Empty, DocumentedOptions.AsAnalyzerOptions(examples));
            var bad = await CrashGate.RunWithReferencesAsync(Files, QualityReferences.Full, analyzers, ImmutableArray<CodeFixProvider>.Empty, DocumentedOptions.AsAnalyzerOptions(DocumentedOptions.Malformed(examples)));
            Assert.Empty(good.Failures);
            Assert.Contains(bad.Failures, f => f.Contains("FormatException", StringComparison.Ordinal));
        }

        [Fact]
        public void FixGate_MapSpan_FollowsInsertionsAndDeletions()
        {
            var changes = new[]
            {
                new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(2, 0), "abc"),
                new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(10, 4), "x"),
            };
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(8, 1), FixGate.MapSpan(new Microsoft.CodeAnalysis.Text.TextSpan(5, 1), changes));
            Assert.Equal(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(13, 14), FixGate.MapSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(11, 12), changes));
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(20, 2), FixGate.MapSpan(new Microsoft.CodeAnalysis.Text.TextSpan(20, 2), changes));
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(15, 0), FixGate.MapSpan(new Microsoft.CodeAnalysis.Text.TextSpan(12, 0), new[] { new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(2, 0), "abc") }));
        }

        // ------------------------------------------------------------------ test doubles

        private static readonly DiagnosticDescriptor EmptyCatchRule = new DiagnosticDescriptor(
            "QT0002", "Empty catch", "Empty catch block", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Correct: reports empty catch blocks on the catch keyword.</summary>
        private sealed class EmptyCatchTestAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyCatchRule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        var clause = (CatchClauseSyntax)c.Node;
                        if (clause.Block.Statements.Count == 0 && !clause.Block.CloseBraceToken.IsMissing && clause.Filter is null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(EmptyCatchRule, clause.CatchKeyword.GetLocation()));
                        }
                    },
                    SyntaxKind.CatchClause);
            }
        }

        /// <summary>Faulty: keeps "already reported" state in the instance, so results depend on scheduling and reruns.</summary>
        private sealed class FirstCatchOnlyAnalyzer : DiagnosticAnalyzer
        {
            private int _reported;

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyCatchRule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (Interlocked.Increment(ref _reported) == 1)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(EmptyCatchRule, ((CatchClauseSyntax)c.Node).CatchKeyword.GetLocation()));
                        }
                    },
                    SyntaxKind.CatchClause);
            }
        }

        /// <summary>Faulty: parses its option with int.Parse.</summary>
        private sealed class ParsesOptionAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyCatchRule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(c =>
                {
                    if (c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Tree).TryGetValue("dotnet_code_quality.QT0002.max_catches", out var value))
                    {
                        GC.KeepAlive(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                });
            }
        }

        /// <summary>Faulty: assumes every identifier is complete.</summary>
        private sealed class ThrowsOnHalfTypedCodeAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyCatchRule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (((IdentifierNameSyntax)c.Node).Identifier.IsMissing)
                        {
                            throw new InvalidOperationException("identifier expected");
                        }
                    },
                    SyntaxKind.IdentifierName);
            }
        }

        /// <summary>Faulty: assumes System.String always resolves.</summary>
        private sealed class AssumesStringExistsAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyCatchRule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(c =>
                {
                    var format = c.Compilation.GetTypeByMetadataName("System.String")!.GetMembers("Format");
                    c.RegisterSyntaxNodeAction(_ => GC.KeepAlive(format), SyntaxKind.InvocationExpression);
                });
            }
        }

        private abstract class CatchBlockFixer : CodeFixProvider
        {
            public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(EmptyCatchRule.Id);

            public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            protected abstract string Key { get; }

            protected abstract BlockSyntax NewBlock(BlockSyntax block, Document document);

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var clause = root.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<CatchClauseSyntax>();
                if (clause is null)
                {
                    return;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Key, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(clause.Block, NewBlock(clause.Block, context.Document)))), Key),
                    context.Diagnostics);
            }
        }

        /// <summary>Correct: rethrows.</summary>
        private sealed class RethrowFixer : CatchBlockFixer
        {
            protected override string Key => "QT0002_Rethrow";

            protected override BlockSyntax NewBlock(BlockSyntax block, Document document) =>
                block.WithStatements(SyntaxFactory.SingletonList<StatementSyntax>(SyntaxFactory.ThrowStatement()));
        }

        /// <summary>Faulty: throws a type that does not exist.</summary>
        private sealed class NonCompilingFixer : CatchBlockFixer
        {
            protected override string Key => "QT0002_ThrowMissingType";

            protected override BlockSyntax NewBlock(BlockSyntax block, Document document) =>
                block.WithStatements(SyntaxFactory.SingletonList(SyntaxFactory.ParseStatement("throw new OrderImportFailedException();")));
        }

        /// <summary>Faulty: only adds a comment, the catch stays empty.</summary>
        private sealed class CommentOnlyFixer : CatchBlockFixer
        {
            protected override string Key => "QT0002_Comment";

            protected override BlockSyntax NewBlock(BlockSyntax block, Document document) =>
                block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Comment(" /* TODO */")));
        }

        /// <summary>Faulty: throws on broken code.</summary>
        private sealed class ThrowingFixer : CatchBlockFixer
        {
            protected override string Key => "QT0002_Throws";

            protected override BlockSyntax NewBlock(BlockSyntax block, Document document) => block;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                if (root.ContainsDiagnostics)
                {
                    throw new NotSupportedException("broken code");
                }

                await base.RegisterCodeFixesAsync(context);
            }
        }
    }
}
