using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.Infrastructure;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// PA1001's strict flag, PA2001's and PA4004's word lists are read per file through one cache: each tree's options once,
    /// and the answer of the tree asked, also when callbacks alternate between trees (the last-tree shortcut must not leak).
    /// </summary>
    public class PerTreeOptionsTests
    {
        [Fact]
        public void EachTreeIsReadOnce_AndAlternatingTreesGetTheirOwnValue()
        {
            var strictTree = CSharpSyntaxTree.ParseText("class A { }", path: "/src/Admin/A.cs");
            var plainTree = CSharpSyntaxTree.ParseText("class B { }", path: "/src/Api/B.cs");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Provider(new Dictionary<SyntaxTree, string>
            {
                [strictTree] = "true",
                [plainTree] = "false",
            }));

            var reads = new List<string>();
            var strict = new PerTreeOptions<bool>(options, (o, tree) =>
            {
                reads.Add(tree.FilePath);
                return RuleOptions.ForTree(o, tree, "PA1001").GetBool("strict", false);
            });

            var answers = new List<bool>();
            foreach (var tree in new[] { strictTree, strictTree, plainTree, strictTree, plainTree, plainTree })
            {
                answers.Add(strict.For(tree));
            }

            Assert.Equal(new[] { true, true, false, true, false, false }, answers);
            Assert.Equal(new[] { "/src/Admin/A.cs", "/src/Api/B.cs" }, reads);
        }

        private sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<SyntaxTree, string> _strict;

            public Provider(Dictionary<SyntaxTree, string> strict) => _strict = strict;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(null);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(_strict[tree]);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string? _strict;

            public Options(string? strict) => _strict = strict;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == "dotnet_code_quality.PA1001.strict" ? _strict : null;
                return value is not null;
            }
        }
    }
}
