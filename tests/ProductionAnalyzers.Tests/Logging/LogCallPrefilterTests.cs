using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Logging
{
    /// <summary>
    /// The syntax-only rejection the logging rules apply before classifying a call: a call whose arguments are all literals
    /// (or that has none) can carry no built template, value or exception text. Anything else goes on to classification.
    /// </summary>
    public class LogCallPrefilterTests
    {
        private const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;

            public sealed class Worker
            {
                private readonly ILogger<Worker> _logger;
                private readonly List<string> _names = new List<string>();

                public Worker(ILogger<Worker> logger) => _logger = logger;

                public void Run(string user, Exception ex)
                {
                    _logger.LogInformation("Started");                     // literals only
                    _logger.LogWarning("Retry {Attempt} of {Max}", 1, 3);   // literals only
                    var list = _names.ToList();                           // no arguments
                    _logger?.LogDebug(null);                              // literal null
                    _logger.LogInformation("User {User}", user);          // a value
                    _logger.LogError($"Failed for {user}");               // built template
                    _logger.LogError(ex, "Failed");                       // an exception
                    _logger.Log(LogLevel.Information, "Done");            // a member access
                    _logger.LogInformation("Count {Count}", -1);          // a negated literal is not a literal token
                }
            }
            """;

        [Fact]
        public void MayCarryNonConstantText_RejectsOnlyCallsWhoseArgumentsAreAllLiterals()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create(
                "LogCallPrefilterProbe",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var results = tree.GetRoot()
                .DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Select(node => (IInvocationOperation)model.GetOperation(node)!)
                .Select(invocation => (Method: invocation.TargetMethod.Name, May: LogCallResolver.MayCarryNonConstantText(invocation)))
                .ToList();

            Assert.Equal(
                new[]
                {
                    ("LogInformation", false), ("LogWarning", false), ("ToList", false), ("LogDebug", false),
                    ("LogInformation", true), ("LogError", true), ("LogError", true), ("Log", true), ("LogInformation", true),
                },
                results);
        }
    }
}
