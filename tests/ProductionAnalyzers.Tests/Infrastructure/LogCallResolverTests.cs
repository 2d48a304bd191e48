using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The one logging model (<see cref="LogCallResolver"/>): one instance per compilation for the exceptions rules, the
    /// logging rules and the fixes; loggers of every described framework recognised through the types they are declared
    /// with; System.Diagnostics tracing counts as logging (PA3002) without making the compilation one the logging rules run on.
    /// </summary>
    public class LogCallResolverTests
    {
        private const string Source = """
            using System;
            using System.Diagnostics;
            using System.Diagnostics.Tracing;

            public sealed class BillingEvents : EventSource
            {
                public void ChargeFailed(string invoice) => WriteEvent(1, invoice);
            }

            public sealed class InvoiceJob
            {
                private readonly TraceSource _trace = new TraceSource("Billing");

                public void Run(string invoice)
                {
                    Trace.TraceError("Charge of {0} failed", invoice);
                    _trace.TraceEvent(TraceEventType.Warning, 7, invoice);
                    Console.WriteLine(invoice);
                    invoice.Trim();
                }
            }
            """;

        private const string FrameworkSource = """
            using Microsoft.Extensions.Logging;

            public sealed class Loggers
            {
                public ILogger<Loggers> TheMel = null!;
                public Serilog.ILogger TheSerilog = null!;
                public NLog.Logger TheNLog = null!;
                public log4net.ILog TheLog4Net = null!;
                public System.Diagnostics.TraceSource TheTrace = null!;
                public BillingEvents TheEventSource = null!;
                public string TheText = "";
            }

            public sealed class BillingEvents : System.Diagnostics.Tracing.EventSource
            {
            }
            """;

        [Fact]
        public void OneModelPerCompilation_SharedByTheRulesAndFixes()
        {
            var compilation = Compile(FrameworkSource, TestReferences.All);
            var model = LogCallResolver.Get(compilation);
            Assert.Same(model, LogCallResolver.Get(compilation));
            Assert.Same(model, LogCallResolver.Create(compilation));
            Assert.True(model.HasLoggingFramework);
        }

        [Theory]
        [InlineData("TheMel", "MicrosoftExtensionsLogging")]
        [InlineData("TheSerilog", "Serilog")]
        [InlineData("TheNLog", "NLog")]
        [InlineData("TheLog4Net", "Log4Net")]
        [InlineData("TheTrace", "Trace")]
        [InlineData("TheEventSource", "EventSource")]
        [InlineData("TheText", "None")]
        public void FrameworkOf_TheLoggerTypesOfEveryDescribedFramework(string field, string framework)
        {
            var expected = System.Enum.Parse<LoggingFramework>(framework);
            var compilation = Compile(FrameworkSource, TestReferences.All);
            var type = compilation.GetTypeByMetadataName("Loggers")!.GetMembers(field).OfType<IFieldSymbol>().Single().Type;
            var model = LogCallResolver.Get(compilation);
            Assert.Equal(expected, model.FrameworkOf(type));
            Assert.Equal(expected != LoggingFramework.None, model.IsLoggerType(type));
        }

        [Fact]
        public void TracingWithoutAFramework_IsLoggingForTheExceptionsRules_NotForTheLoggingRules()
        {
            var references = TestReferences.All.Where(r => !IsLoggingFramework(r)).ToImmutableArray();
            var compilation = Compile(Source, references);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var model = LogCallResolver.Get(compilation);
            Assert.False(model.HasLoggingFramework);
            Assert.Null(LogCallResolver.Create(compilation));

            var tree = compilation.SyntaxTrees.Single();
            var semanticModel = compilation.GetSemanticModel(tree);
            var frameworks = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.Parent is ExpressionStatementSyntax)
                .Select(i => model.FrameworkOfCall((IInvocationOperation)semanticModel.GetOperation(i)!))
                .ToArray();
            Assert.Equal(new[] { LoggingFramework.Trace, LoggingFramework.Trace, LoggingFramework.None, LoggingFramework.None }, frameworks);
        }

        private static bool IsLoggingFramework(MetadataReference reference)
        {
            var name = System.IO.Path.GetFileName(reference.Display ?? string.Empty);
            return name.StartsWith("Microsoft.Extensions.Logging", System.StringComparison.OrdinalIgnoreCase) ||
                   name.StartsWith("Serilog", System.StringComparison.OrdinalIgnoreCase) ||
                   name.StartsWith("NLog", System.StringComparison.OrdinalIgnoreCase) ||
                   name.StartsWith("log4net", System.StringComparison.OrdinalIgnoreCase);
        }

        private static CSharpCompilation Compile(string source, ImmutableArray<MetadataReference> references) =>
            CSharpCompilation.Create(
                "LogCallResolverProbe",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
