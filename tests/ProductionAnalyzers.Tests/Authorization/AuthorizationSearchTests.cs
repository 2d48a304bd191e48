using System.Collections.Generic;
using System.Linq;
using ProductionAnalyzers.Authorization;
using Xunit;

namespace ProductionAnalyzers.Tests.Authorization
{
    /// <summary>
    /// The app-wide facts are found by searching the source text for anchors, not for every name: each name the rules recognise
    /// must contain one of the anchors it is searched by, or a global decision, a page convention or host code would go unseen.
    /// </summary>
    public class AuthorizationSearchTests
    {
        public static IEnumerable<object[]> Groups() => new[]
        {
            new object[] { "decision", CompilationFacts.DecisionNames, CompilationFacts.DecisionAnchors },
            new object[] { "host", AspNetNames.HostCalls.ToArray(), CompilationFacts.HostAnchors },
            new object[] { "page", AspNetNames.PageConventions.ToArray(), CompilationFacts.PageAnchors },
        };

        [Theory]
        [MemberData(nameof(Groups))]
        public void EveryNameContainsAnAnchor(string group, string[] names, string[] anchors)
        {
            var missing = names.Where(name => !anchors.Any(anchor => name.Contains(anchor, System.StringComparison.Ordinal))).ToList();
            Assert.True(missing.Count == 0, $"{group} names without an anchor: {string.Join(", ", missing)}");
        }

        [Fact]
        public void DecisionNamesCoverEveryMapping()
        {
            foreach (var name in AspNetNames.ControllerMappings.Concat(new[] { AspNetNames.MapRazorPages, AspNetNames.FallbackPolicy, AspNetNames.SetFallbackPolicy, "Filters" }))
            {
                Assert.Contains(name, CompilationFacts.DecisionNames);
            }
        }
    }
}
