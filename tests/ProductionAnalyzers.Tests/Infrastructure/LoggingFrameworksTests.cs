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
