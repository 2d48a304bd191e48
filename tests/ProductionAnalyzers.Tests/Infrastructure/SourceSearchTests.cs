using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Infrastructure;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The compilation-wide name search that PA1001's call-site judging and the authorization rules share, and the word
    /// filter that lets a search skip the files that cannot hold a name once a compilation asks many questions.
    /// </summary>
    public class SourceSearchTests
    {
        private const string Repository = @"
using System.Collections.Generic;
namespace Shop.Data
{
    public sealed class OrderStore
    {
        private readonly Dictionary<string, int> _counts = new();
        public int @Count(string table) => _counts.TryGetValue(table, out var n) ? n : 0;
        public string Größe(string einheit) => einheit + ""_größe"";
        public void Purge(string table){Count(table);Größe(table);}
    }
}";

        [Fact]
        public void EveryIdentifierOfAText_IsInItsFilter()
        {
            var tree = CSharpSyntaxTree.ParseText(Repository);
            var filter = WordFilter.Build(tree.GetText().ToString());
            var identifiers = tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Distinct().ToList();

            Assert.Contains("Count", identifiers);
            Assert.Contains("Größe", identifiers);
            Assert.All(identifiers, name => Assert.True(filter.MayContain(name), name));
        }

        [Fact]
        public void WordsNotInTheText_AreAlmostAllRuledOut()
        {
            var text = string.Concat(Enumerable.Repeat(Repository, 20));
            var filter = WordFilter.Build(text);
            var random = new Random(20261206);
            var absent = Enumerable.Range(0, 2000).Select(_ => "M" + random.Next(100_000, 999_999).ToString()).ToList();

            var wronglyKept = absent.Count(filter.MayContain);

            Assert.True(wronglyKept < absent.Count / 20, $"{wronglyKept} of {absent.Count} absent words were kept");
            Assert.False(filter.MayContain("PurgeAll"));
            Assert.False(filter.MayContain("Orde"));
        }

        [Fact]
        public void ManyQuestions_FindTheSameTokensWithAndWithoutTheFilter()
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Repository, path: "OrderStore.cs") };
            for (var i = 0; i < 40; i++)
            {
                trees.Add(CSharpSyntaxTree.ParseText(
                    $@"namespace Shop.Jobs
{{
    public sealed class Job{i}
    {{
        public void Run{i}(Shop.Data.OrderStore store) {{ store.Purge(""t{i}""); store.@Count(""t{i}""); Helper{i % 7}(); }}
        private static void Helper{i % 7}() {{ }}
        // Count{i} in a comment, Purge in a comment
    }}
}}",
                    path: $"Job{i}.cs"));
            }

            // A name written inside longer identifiers (IOrderStoreFactory, OrderStore2, _OrderStore, OrderStoreé) and whole
            // (verbatim, generic, after a dot, before a comma): the search by whole words skips the first kind only.
            trees.Add(CSharpSyntaxTree.ParseText(
                @"namespace Shop.Wiring
{
    public interface IOrderStoreFactory { Shop.Data.OrderStore Create(); }
    public sealed class OrderStore2 { private readonly Shop.Data.OrderStore _OrderStore = new Shop.Data.@OrderStore(); }
    public sealed class OrderStoreé { public System.Collections.Generic.List<Shop.Data.OrderStore> All { get; } = new(); }
    public sealed class Helpers { public void Use(Shop.Data.OrderStore a,Shop.Data.OrderStore b) { } }
}",
                path: "Wiring.cs"));

            var compilation = CSharpCompilation.Create("Shop", trees, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            var filtered = new SourceSearch(compilation);
            var plain = new SourceSearch(compilation);
            var names = new[] { "Purge", "Count", "Größe", "Run3", "Helper5", "Missing", "Job39", "table", "t1", "OrderStore", "Job3", "Job", "Helper", "Shop" };

            // Ask each question twice: past SearchesBeforeFilters questions the filtered search reads only the texts that may hold a name.
            foreach (var name in names.Concat(names))
            {
                var expected = plain.Identifiers(new[] { name }, n => n == name, null, int.MaxValue, CancellationToken.None)!;
                var found = filtered.IdentifiersNamed(new[] { name }, null, int.MaxValue, CancellationToken.None)!;
                Assert.Equal(Describe(expected), Describe(found));
            }

            Assert.Equal(40, filtered.IdentifiersNamed(new[] { "Purge" }, null, int.MaxValue, CancellationToken.None)!.Count(t => t.Parent?.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax));
            Assert.Equal(2, filtered.IdentifiersNamed(new[] { "Größe" }, null, int.MaxValue, CancellationToken.None)!.Count);
            Assert.Empty(filtered.IdentifiersNamed(new[] { "Missing" }, null, int.MaxValue, CancellationToken.None)!);
            Assert.Equal(6, filtered.IdentifiersNamed(new[] { "OrderStore" }, new[] { trees[^1] }, int.MaxValue, CancellationToken.None)!.Count);
            Assert.Empty(filtered.IdentifiersNamed(new[] { "Job" }, null, int.MaxValue, CancellationToken.None)!);
            Assert.Null(filtered.IdentifiersNamed(new[] { "Count" }, null, 10, CancellationToken.None));
        }

        private static List<string> Describe(IEnumerable<SyntaxToken> tokens) =>
            tokens.Select(t => t.SyntaxTree!.FilePath + ":" + t.SpanStart + ":" + t.ValueText).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }
}
