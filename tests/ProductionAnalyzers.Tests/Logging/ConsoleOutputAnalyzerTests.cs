using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Logging.ConsoleOutputAnalyzer>;

namespace ProductionAnalyzers.Tests.Logging;

public class ConsoleOutputAnalyzerTests
{
    private const string ServiceUsings = """
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task EveryOutputApi_InServiceCode_Reports() =>
        await Verify.VerifyAnalyzerAsync(ServiceUsings + """
            public class ImportService
            {
                public async Task Run(int count, string name)
                {
                    [|Console.WriteLine($"Imported {count}")|];
                    [|Console.Write("x")|];
                    [|Console.Error.WriteLine("failed")|];
                    [|Console.Out.Write(count)|];
                    await [|Console.Out.WriteLineAsync("async")|];
                    [|Debug.WriteLine("debug")|];
                    [|Debug.Write(name)|];
                    [|Debug.WriteLineIf(count > 1, "many")|];
                    [|Debug.Print("p {0}", count)|];
                    [|Trace.WriteLine("trace")|];
                    [|Trace.Write(count)|];
                    [|Trace.WriteIf(count > 1, "many")|];
                    [|Trace.WriteLineIf(count > 1, "many", "category")|];
                }
            }
            """);

    [Fact]
    public async Task TraceErrorInCatch_NeitherPA3002NorPA4003() =>
        await new MultiAnalyzerTest(new ProductionAnalyzers.Logging.ConsoleOutputAnalyzer(), new ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer())
        {
            TestCode = ServiceUsings + """
                public class ImportService
                {
                    public void Run(string name)
                    {
                        try
                        {
                            Console.Beep();
                        }
                        catch (Exception ex)
                        {
                            Trace.TraceError("Import of {0} failed: {1}", name, ex);
                        }

                        try
                        {
                            Console.Beep();
                        }
                        catch (Exception ex)
                        {
                            Trace.TraceWarning("Import of {0} failed: {1}", name, ex.Message);
                        }
                    }
                }
                """,
        }.RunAsync();

    [Fact]
    public async Task TraceEventMethods_CountAsLoggingForPA3002_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(ServiceUsings + """
            public class ImportService
            {
                public void Run(string name)
                {
                    try
                    {
                        Console.Beep();
                    }
                    catch (Exception ex)
                    {
                        Trace.TraceError("Import of {0} failed: {1}", name, ex);
                    }

                    Trace.TraceInformation("info");
                    Trace.TraceWarning("warn");
                    Trace.TraceError("error {0}", name);
                }
            }
            """);

    [Fact]
    public async Task Message_NamesTheCall() =>
        await Verify.VerifyAnalyzerAsync(
            ServiceUsings + """
                public class ImportService
                {
                    public void Run() => {|#0:Console.Error.WriteLine("failed")|};
                }
                """,
            Verify.Diagnostic().WithLocation(0).WithArguments("Console.Error.WriteLine"));

    [Fact]
    public async Task EntryPointAndProgramClass_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(ServiceUsings + """
            public static class Program
            {
                public static int Main(string[] args)
                {
                    Console.WriteLine("Starting");
                    Action report = () => Console.Error.WriteLine("lambda in Main");
                    report();
                    PrintUsage();
                    return 0;
                }

                private static void PrintUsage() => Console.WriteLine("usage: tool <file>");
            }
            """);

    [Fact]
    public async Task TopLevelStatements_DoNotReport() =>
        await new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    ServiceUsings + """
                Console.WriteLine("Starting");
                Local();
                void Local() => Debug.WriteLine("local function of the entry point");

                public class Worker
                {
                    public void Run() => [|Console.WriteLine("in service code")|];
                }
                """,
                },
            },
        }.RunAsync();

    [Fact]
    public async Task OtherConsoleAndDebugApis_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(ServiceUsings + """
            public class ImportService
            {
                public string? Run(System.IO.TextWriter writer)
                {
                    Debug.Assert(writer is not null);
                    Console.ForegroundColor = ConsoleColor.Red;
                    writer.WriteLine("report line");
                    Console.Out.Flush();
                    return Console.ReadLine();
                }
            }
            """);

    [Fact]
    public async Task PlainConsoleTool_WithoutLoggingOrHost_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public class CsvSplitter
            {
                public void Split(string path)
                {
                    foreach (var line in File.ReadLines(path))
                    {
                        Console.WriteLine(line);
                    }
                }
            }
            """);

    [Fact]
    public async Task AnotherFileImportsHostingOrSerilog_MakesItServiceCode_Reports()
    {
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Tool.cs", """
                        using System;
                        public class CsvSplitter
                        {
                            public void Split(string line) => [|Console.WriteLine(line)|];
                        }
                        """),
                    ("Host.cs", """
                        using Microsoft.Extensions.Hosting;
                        public static class HostSetup
                        {
                            public static IHostBuilder Create() => Host.CreateDefaultBuilder();
                        }
                        """),
                },
            },
        }.RunAsync();

        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Tool.cs", """
                        namespace Tools
                        {
                            using System;
                            using global::Serilog;
                            public class CsvSplitter
                            {
                                public void Split(string line) => [|Console.WriteLine(line)|];
                            }
                        }
                        """),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task ServiceCodeOption_Overrides_BothWays()
    {
        await new Verify.Test
        {
            TestState =
            {
                Sources = { ServiceUsings + "public class A { public void Run() => Console.WriteLine(\"x\"); }" },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA4003.service_code = false\n") },
            },
        }.RunAsync();

        await new Verify.Test
        {
            TestState =
            {
                Sources = { "using System; public class A { public void Run() => [|Console.WriteLine(\"x\")|]; }" },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA4003.service_code = true\n") },
            },
        }.RunAsync();
    }

    private static string ProjectProperties(string properties) => "is_global = true\n" + properties;

    [Theory]
    [InlineData("build_property.OutputType = Exe\n")]
    [InlineData("build_property.OutputType = WinExe\n")]
    [InlineData("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = false\n")]
    public async Task ConsoleProgram_ThatReferencesLogging_DoesNotReport(string properties) =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { ServiceUsings + "public class Migrator { public void Run(ILogger logger) => Console.WriteLine(\"Applying migrations\"); }" },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties(properties)) },
            },
        }.RunAsync();

    [Theory]
    [InlineData("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = true\n", "")]
    [InlineData("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWorker = true\n", "")]
    [InlineData("build_property.OutputType = Exe\n", "using Microsoft.Extensions.Hosting;\npublic class Poller : BackgroundService { protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken t) => System.Threading.Tasks.Task.CompletedTask; }\n")]
    [InlineData("build_property.OutputType = Exe\n", "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Hosting;\npublic static class Setup { public static void Add(HostApplicationBuilder b) => b.Services.AddHostedService<Poller>(); }\npublic class Poller : IHostedService { public System.Threading.Tasks.Task StartAsync(System.Threading.CancellationToken t) => System.Threading.Tasks.Task.CompletedTask; public System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken t) => System.Threading.Tasks.Task.CompletedTask; }\n")]
    [InlineData("build_property.OutputType = Exe\n", "using Microsoft.AspNetCore.Builder;\npublic static class Site { public static WebApplication Build(string[] args) => WebApplication.CreateBuilder(args).Build(); }\n")]
    [InlineData("build_property.OutputType = Library\n", "using Microsoft.Extensions.Logging;\n")]
    [InlineData("build_property.OutputType = Library\n", "using Serilog;\n")]
    [InlineData("build_property.OutputType = Library\n", "using NLog;\n")]
    [InlineData("build_property.OutputType = Library\n", "using log4net;\n")]
    public async Task ServiceProject_Reports(string properties, string usings) =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { "using System;\n" + usings + "public class Worker { public void Run() => [|Console.WriteLine(\"tick\")|]; }" },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties(properties)) },
            },
        }.RunAsync();

    /// <summary>
    /// A seeding or admin CLI that builds a host only to read configuration and fill a service collection does not
    /// become a service by importing Microsoft.Extensions.Hosting (41 findings in one real tool were this).
    /// </summary>
    [Fact]
    public async Task ConsoleProgram_UsingHostBuilderForConfigurationOnly_DoesNotReport() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System;
                    using Microsoft.Extensions.Configuration;
                    using Microsoft.Extensions.Hosting;

                    public static class SettingsFactory
                    {
                        public static IConfiguration Load(string environment)
                        {
                            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
                            return builder.Configuration;
                        }
                    }

                    public class SeedCommand
                    {
                        public void Run(IConfiguration configuration)
                        {
                            Console.WriteLine($"Seeding {configuration["Database:Name"]}");
                        }
                    }
                    """,
                },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties("build_property.OutputType = Exe\n")) },
            },
        }.RunAsync();

    [Fact]
    public async Task LibraryWithoutLoggingOrHosting_DoesNotReport() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { "using System;\npublic class Formatter { public void Run() => Console.WriteLine(\"x\"); }" },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties("build_property.OutputType = Library\n")) },
            },
        }.RunAsync();

    [Fact]
    public async Task ConsoleProgram_ServiceCodeOptionTrue_Reports() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { ServiceUsings + "public class Migrator { public void Run() => [|Console.WriteLine(\"x\")|]; }" },
                AnalyzerConfigFiles =
                {
                    ("/.globalconfig", ProjectProperties("build_property.OutputType = Exe\n")),
                    ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA4003.service_code = true\n"),
                },
            },
        }.RunAsync();

    /// <summary>
    /// The executable test reads each tree's text for the hosting names and confirms a match on the token there: a name
    /// in a comment, a string or inside a longer identifier does not make a console program a service.
    /// </summary>
    [Fact]
    public async Task ConsoleProgram_HostingNamesOnlyInCommentsStringsOrLongerNames_DoesNotReport() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System;

                    // This tool used to run as a BackgroundService; see UseStartup in the old web host.
                    public class ImportCommand
                    {
                        private const string Hint = "AddHostedService<Importer>() is no longer called";

                        public void Run(string MyWebApplication, int WebApplicationCount) => Console.WriteLine(Hint + MyWebApplication + WebApplicationCount);
                    }
                    """,
                },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties("build_property.OutputType = Exe\n")) },
            },
        }.RunAsync();

    /// <summary>The text is read in chunks: a hosting name cut by a chunk's end (8192 characters in) is still found.</summary>
    [Fact]
    public async Task ConsoleProgram_HostingNameAcrossTheScanChunkBoundary_Reports()
    {
        const string before = "using Microsoft.Extensions.Hosting;\n";
        const string declaration = "public class Poller : ";
        var filler = "// " + new string('x', 8190 - before.Length - declaration.Length - 4) + "\n";
        var poller = before + filler + declaration +
            "BackgroundService { protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken t) => System.Threading.Tasks.Task.CompletedTask; }\n";
        Assert.Equal("BackgroundService", poller.Substring(8190, "BackgroundService".Length));
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Worker.cs", "using System;\npublic class Worker { public void Run() => [|Console.WriteLine(\"tick\")|]; }"),
                    ("/0/Poller.cs", poller),
                },
                AnalyzerConfigFiles = { ("/.globalconfig", ProjectProperties("build_property.OutputType = Exe\n")) },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task CallsFoundByTheirNamesInTheFileText_EverySpelling_Reports() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Exporter.cs", ServiceUsings + """
                        using static System.Console;
                        using Out = System.Console;

                        namespace Shop.Export;

                        public class Exporter
                        {
                            private readonly Action<string> _print = text => [|Debug.Print(text)|];

                            public void Run(int count)
                            {
                                [|WriteLine("static import")|];
                                [|Out.WriteLine("alias")|];
                                [|Console
                                    .WriteLine("split over lines")|];
                                [|System.Console.Write(count)|];
                                Report();

                                void Report() => [|Trace.WriteLine($"{count} rows")|];
                            }
                        }
                        """),
                    ("/0/Quiet.cs", ServiceUsings + """
                        namespace Shop.Export;

                        public class Quiet
                        {
                            // Console.WriteLine("in a comment")
                            private const string Hint = "Console.WriteLine(\"in a string\")";

                            public string Run(System.IO.TextWriter writer, Printer printer)
                            {
                                writer.WriteLine(Hint);
                                printer.Print(Hint);
                                printer.WriteLineLater(nameof(Console.WriteLine));
                                return $"Console.Write({Hint})";
                            }
                        }

                        public class Printer
                        {
                            public void Print(string text) { }

                            public void WriteLineLater(string text) { }
                        }
                        """),
                },
            },
        }.RunAsync();

    [Fact]
    public void Severity_IsInfo() =>
        Assert.Equal(DiagnosticSeverity.Info, new ProductionAnalyzers.Logging.ConsoleOutputAnalyzer().SupportedDiagnostics[0].DefaultSeverity);

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow() =>
        await new Verify.Test
        {
            TestCode = ServiceUsings + """
                public class Broken
                {
                    public void Run()
                    {
                        Console.WriteLine(
                        Console.Error.
                        Debug.WriteLine(undefined);
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();
}
