using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The framework descriptions (<see cref="LoggingFrameworks"/>) checked against the real packages the tests reference:
    /// every logger type exists, and every method a fix writes exists on the framework's logger with the template (and,
    /// for log4net, the exception) where the description says.
    /// </summary>
    public class LoggingFrameworksTests
    {
        private static readonly CSharpCompilation Probe = CSharpCompilation.Create(
            "LoggingFrameworksProbe",
            new[] { CSharpSyntaxTree.ParseText("public class Order { }") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        public static TheoryData<string> FrameworkNames
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var description in LoggingFrameworks.All)
                {
                    data.Add(description.Framework.ToString());
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(FrameworkNames))]
        public void LoggerTypes_ExistInTheRealPackages(string framework)
        {
            var description = Describe(framework);
            Assert.NotEmpty(description.LoggerTypes);
            foreach (var name in description.LoggerTypes)
            {
                Assert.True(Probe.GetTypeByMetadataName(name) is not null, name + " not found");
            }

            Assert.Same(description, LoggingFrameworks.Get(description.Framework));
        }

        [Theory]
        [MemberData(nameof(FrameworkNames))]
        public void FixMethods_AreLevelMethodsTheLoggerDeclares(string framework)
        {
            var description = Describe(framework);
            if (description.IsDiagnostics)
            {
                Assert.Empty(description.FixMethodByLevel);
                return;
            }

            Assert.Equal(LogLevels.Critical + 1, description.FixMethodByLevel.Length);
            var declaring = description.LoggerTypes.Select(n => Probe.GetTypeByMetadataName(n)!).ToList();
            for (var level = LogLevels.Trace; level <= LogLevels.Critical; level++)
            {
                var method = description.FixMethod(level)!;
                Assert.True(description.IsLevelMethod(method), method);
                Assert.Contains(declaring, t => t.GetMembers(method).OfType<IMethodSymbol>().Any(m => TakesTemplateWhereDescribed(description, m)));
                if (description.FormatSuffix is { } suffix)
                {
                    Assert.Contains(declaring, t => t.GetMembers(method + suffix).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == "format")));
                }
            }
        }

        /// <summary>
        /// The facts the resolver and the fixes read besides the logger types: Serilog's static <c>Log</c>, the
        /// <c>[MessageTemplateFormatMethod]</c> of Serilog and NLog, MEL's <c>[LoggerMessage]</c>. Each names a type of the
        /// real package, declared in the framework's assembly, and only those frameworks have one.
        /// </summary>
        [Fact]
        public void StaticLoggerAndAttributeTypes_ExistInTheRealPackages()
        {
            AssertFact(d => d.StaticLoggerType, LoggingFramework.Serilog);
            AssertFact(d => d.TemplateAttributeType, LoggingFramework.Serilog, LoggingFramework.NLog);
            AssertFact(d => d.GeneratedMethodAttributeType, LoggingFramework.MicrosoftExtensionsLogging);
            Assert.Equal("Log", LoggingFrameworks.Serilog.StaticLoggerName);
            Assert.Equal(new[] { "Serilog", "NLog" }, LoggingFrameworks.TemplateAttributeAssemblies);
            Assert.Equal(new[] { "Microsoft.Extensions.Logging.Abstractions" }, LoggingFrameworks.GeneratedMethodAttributeAssemblies);
        }

        [Fact]
        public void FrameworkOfTemplateAttribute_MatchesTheFullName()
        {
            Assert.Equal(LoggingFramework.Serilog, LoggingFrameworks.FrameworkOfTemplateAttribute(Probe.GetTypeByMetadataName("Serilog.Core.MessageTemplateFormatMethodAttribute")!));
            Assert.Equal(LoggingFramework.NLog, LoggingFrameworks.FrameworkOfTemplateAttribute(Probe.GetTypeByMetadataName("NLog.MessageTemplateFormatMethodAttribute")!));

            // Same simple name elsewhere, a namespace that only ends like the framework's, a nested type: none.
            var other = CSharpCompilation.Create(
                "OtherAttributes",
                new[]
                {
                    CSharpSyntaxTree.ParseText(
                        "namespace Acme.Core { public class MessageTemplateFormatMethodAttribute : System.Attribute { } }\n" +
                        "namespace Acme.Serilog.Core { public class MessageTemplateFormatMethodAttribute : System.Attribute { } }\n" +
                        "namespace NLog.Extra { public class MessageTemplateFormatMethodAttribute : System.Attribute { } }\n" +
                        "public class MessageTemplateFormatMethodAttribute : System.Attribute { }\n" +
                        "namespace Serilog { public class Core { public class MessageTemplateFormatMethodAttribute : System.Attribute { } } }"),
                },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            foreach (var name in new[] { "Acme.Core.MessageTemplateFormatMethodAttribute", "Acme.Serilog.Core.MessageTemplateFormatMethodAttribute", "NLog.Extra.MessageTemplateFormatMethodAttribute", "MessageTemplateFormatMethodAttribute", "Serilog.Core+MessageTemplateFormatMethodAttribute" })
            {
                var type = other.Assembly.GetTypeByMetadataName(name);
                Assert.True(type is not null, name);
                Assert.Equal(LoggingFramework.None, LoggingFrameworks.FrameworkOfTemplateAttribute(type!));
            }
        }

        private static void AssertFact(System.Func<LoggingFrameworkDescription, string?> fact, params LoggingFramework[] frameworks)
        {
            foreach (var description in LoggingFrameworks.All)
            {
                var name = fact(description);
                if (!frameworks.Contains(description.Framework))
                {
                    Assert.Null(name);
                    continue;
                }

                Assert.NotNull(name);
                var type = Probe.GetTypeByMetadataName(name!);
                Assert.True(type is not null, name + " not found");
                Assert.Equal(description.AssemblyName, type!.ContainingAssembly.Name);
            }
        }

        private static bool TakesTemplateWhereDescribed(LoggingFrameworkDescription description, IMethodSymbol method)
        {
            var parameters = method.Parameters;
            var template = parameters.FirstOrDefault(p => description.TemplateParameters.Contains(p.Name));
            var exception = parameters.FirstOrDefault(p => p.Type.Name == "Exception");
            if (template is null || exception is null)
            {
                return false;
            }

            return description.ExceptionPosition == ExceptionPosition.AfterMessage
                ? exception.Ordinal > template.Ordinal
                : exception.Ordinal < template.Ordinal;
        }

        private static LoggingFrameworkDescription Describe(string framework) =>
            LoggingFrameworks.All.Single(d => d.Framework.ToString() == framework);
    }
}
