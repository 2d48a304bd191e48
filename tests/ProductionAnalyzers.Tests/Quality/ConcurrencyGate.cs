using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// The same sources twice in one compilation, the copy in its own namespaces, analyzed with concurrent execution:
    /// the result must be exactly the single result, doubled (same IDs, same messages, positions mapped into the copy),
    /// and analyzing again must give the same result.
    /// </summary>
    internal static class ConcurrencyGate
    {
        public const string CopySuffix = "_ConcurrentCopy";

        public sealed record Result(int SingleCount, int FilesUsed, IReadOnlyList<string> Failures);

        /// <summary>Files that can be copied into other namespaces: they declare one, and have no top-level statements or assembly attributes.</summary>
        public static bool IsCopyable(string text)
        {
            var root = QualityHarness.Parse("probe.cs", text).GetRoot();
            return root.ChildNodes().OfType<BaseNamespaceDeclarationSyntax>().Any() &&
                   !root.ChildNodes().OfType<GlobalStatementSyntax>().Any() &&
                   !root.ChildNodes().OfType<AttributeListSyntax>().Any();
        }

        public static async Task<Result> RunAsync(
            IReadOnlyList<(string Name, string Text)> files,
            ImmutableArray<MetadataReference> references,
            Func<ImmutableArray<DiagnosticAnalyzer>> createAnalyzers)
        {
            var failures = new List<string>();
            var used = files.Where(f => IsCopyable(f.Text)).ToList();
            var analyzers = createAnalyzers();

            var single = await QualityHarness.AnalyzeAsync(QualityHarness.Compile(used, references, analyzers), analyzers);
            failures.AddRange(single.Exceptions.Select(e => "analyzer (single): " + e));

            var copiedNamespaces = new HashSet<string>(
                used.SelectMany(f => QualityHarness.Parse("probe.cs", f.Text).GetRoot().ChildNodes().OfType<BaseNamespaceDeclarationSyntax>())
                    .Where(ns => !ns.Name.IsMissing)
                    .Select(ns => ns.Name.ToString()),
                StringComparer.Ordinal);
            var copies = used.Select(f =>
            {
                var (text, insertedAt) = QualityHarness.SuffixTopLevelNamespaces(f.Text, CopySuffix, copiedNamespaces);
                return (Name: "Copy/" + f.Name, Text: text, InsertedAt: insertedAt);
            }).ToList();
            var expected = single.Diagnostics.Select(Key)
                .Concat(single.Diagnostics.Select(d =>
                {
                    var copy = copies[used.FindIndex(f => f.Name == d.Location.SourceTree!.FilePath)];
                    int Map(int p) => p + copy.InsertedAt.Count(at => at <= p) * CopySuffix.Length;
                    return Key(copy.Name, Map(d.Location.SourceSpan.Start), Map(d.Location.SourceSpan.End), d);
                }))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();

            var doubled = QualityHarness.Compile(used.Concat(copies.Select(c => (c.Name, c.Text))), references, analyzers);
            var first = await QualityHarness.AnalyzeAsync(doubled, analyzers);
            failures.AddRange(first.Exceptions.Select(e => "analyzer (doubled): " + e));
            var firstKeys = first.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            failures.AddRange(Compare("doubled compilation vs. single result doubled", expected, firstKeys));

            // Again, with the same analyzer instances, and once more with new instances.
            var again = await QualityHarness.AnalyzeAsync(doubled, analyzers);
            failures.AddRange(Compare("second run, same analyzer instances", firstKeys, again.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList()));
            var fresh = createAnalyzers();
            var third = await QualityHarness.AnalyzeAsync(QualityHarness.Compile(used.Concat(copies.Select(c => (c.Name, c.Text))), references, fresh), fresh);
            failures.AddRange(Compare("third run, new compilation and analyzer instances", firstKeys, third.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList()));

            return new Result(single.Diagnostics.Length, used.Count, failures);
        }

        private static string Key(Diagnostic d) =>
            Key(d.Location.SourceTree?.FilePath ?? "<no file>", d.Location.SourceSpan.Start, d.Location.SourceSpan.End, d);

        private static string Key(string file, int start, int end, Diagnostic d) =>
            $"{file}@{start}-{end} {d.Id} {d.Severity}: {d.GetMessage(CultureInfo.InvariantCulture).Replace(CopySuffix, string.Empty, StringComparison.Ordinal)}";

        private static IEnumerable<string> Compare(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        {
            var missing = expected.ToList();
            var extra = new List<string>();
            foreach (var item in actual)
            {
                if (!missing.Remove(item))
                {
                    extra.Add(item);
                }
            }

            foreach (var item in missing)
            {
                yield return $"{what}: missing {item}";
            }

            foreach (var item in extra)
            {
                yield return $"{what}: unexpected {item}";
            }
        }
    }
}
