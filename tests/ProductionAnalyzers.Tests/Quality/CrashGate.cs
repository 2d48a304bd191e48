using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// Broken code for the analyzers and fixers: prefixes of a file cut at statement and token boundaries (the code a
    /// user is in the middle of typing), and copies with tokens deleted at random (fixed seed). Each variant gets its
    /// own namespace so that the variants of one file can share one compilation.
    /// </summary>
    internal static class CrashGate
    {
        /// <summary>At most this many statement cuts and this many token cuts per file.</summary>
        public const int MaxStatementCuts = 24;
        public const int MaxTokenCuts = 24;

        /// <summary>
        /// The whole crash run stays within a fixed budget however large the corpora grow: about this many prefixes and
        /// this many token-deletion variants in total, spread evenly over the corpus files.
        /// </summary>
        public const int PrefixBudget = 1600;
        public const int DeletionBudget = 480;

        /// <summary>(statement cuts, token cuts) per file for a corpus of <paramref name="files"/> files.</summary>
        public static (int Statements, int Tokens) CutsPerFile(int files)
        {
            var perFile = Math.Clamp(PrefixBudget / Math.Max(1, files), 12, 2 * MaxTokenCuts + MaxTokenCuts / 3);
            var statements = Math.Min(MaxStatementCuts, perFile * 9 / 20);
            return (statements, Math.Min(MaxTokenCuts, perFile * 9 / 20));
        }

        /// <summary>Token-deletion variants per file for a corpus of <paramref name="files"/> files.</summary>
        public static int DeletionsPerFile(int files) => Math.Clamp(DeletionBudget / Math.Max(1, files), 4, 12);

        /// <summary>Fixers are asked for at most this many (deduplicated) diagnostics per compilation of variants.</summary>
        public const int MaxFixerCalls = 60;

        public sealed record Variant(string Name, string Text, int NamespaceShiftAt, int NamespaceShift);

        /// <summary>Exceptions found, and how much was exercised: analyzer diagnostics reported, fixer calls made.</summary>
        public sealed record Result(IReadOnlyList<string> Failures, int Diagnostics, int FixerCalls);

        /// <summary>
        /// Prefixes of the file: cut after every statement / member / using (sampled evenly when there are more than
        /// <see cref="MaxStatementCuts"/>) and after every k-th token, k chosen so that there are at most
        /// <see cref="MaxTokenCuts"/>. Deterministic.
        /// </summary>
        public static IReadOnlyList<Variant> Prefixes(string name, string text) => Prefixes(name, text, MaxStatementCuts, MaxTokenCuts);

        public static IReadOnlyList<Variant> Prefixes(string name, string text, int maxStatementCuts, int maxTokenCuts)
        {
            var tree = QualityHarness.Parse(name, text);
            var root = tree.GetRoot();
            var statementCuts = root.DescendantNodes()
                .Where(n => n is StatementSyntax or MemberDeclarationSyntax or UsingDirectiveSyntax or AttributeListSyntax)
                .SelectMany(n => new[] { n.SpanStart, n.Span.End })
                .Distinct()
                .OrderBy(p => p)
                .ToList();
            var tokens = QualityHarness.Tokens(tree);
            var tokenCuts = tokens.Select(t => t.Span.End).ToList();

            // Token cuts also land in the middle of a token (half-typed identifiers and string literals).
            var midTokenCuts = tokens.Where(t => t.Span.Length > 3).Select(t => t.SpanStart + t.Span.Length / 2).ToList();

            var cuts = QualityHarness.Sample(statementCuts, maxStatementCuts)
                .Concat(QualityHarness.Sample(tokenCuts, maxTokenCuts))
                .Concat(QualityHarness.Sample(midTokenCuts, Math.Max(2, maxTokenCuts / 3)))
                .Where(c => c > 0 && c < text.Length)
                .Distinct()
                .OrderBy(c => c)
                .ToList();

            var variants = new List<Variant>(cuts.Count);
            for (var i = 0; i < cuts.Count; i++)
            {
                var suffix = "_Cut" + i;
                var (renamed, at) = QualityHarness.SuffixFirstNamespace(text, suffix);
                var cut = at >= 0 && cuts[i] >= at ? cuts[i] + suffix.Length : cuts[i];
                variants.Add(new Variant($"{name}.cut{i}.cs", renamed.Substring(0, cut), at, at >= 0 ? suffix.Length : 0));
            }

            return variants;
        }

        /// <summary>
        /// Copies of the file with tokens deleted: even variants lose one token, odd ones about 3% of their tokens, all
        /// chosen by a <see cref="Random"/> with a fixed seed.
        /// </summary>
        public static IReadOnlyList<Variant> TokenDeletions(string name, string text, int count = 12, int seed = 20261122)
        {
            var tokens = QualityHarness.Tokens(QualityHarness.Parse(name, text));
            var random = new Random(seed);
            var variants = new List<Variant>(count);
            if (tokens.Count == 0)
            {
                return variants;
            }

            for (var i = 0; i < count; i++)
            {
                var deletions = i % 2 == 0 ? 1 : Math.Max(2, tokens.Count * 3 / 100);
                var chosen = Enumerable.Range(0, deletions).Select(_ => tokens[random.Next(tokens.Count)].Span).Distinct().OrderByDescending(s => s.Start).ToList();
                var builder = new System.Text.StringBuilder(text);
                foreach (var span in chosen)
                {
                    builder.Remove(span.Start, span.Length);
                }

                var suffix = "_Del" + i;
                var (renamed, at) = QualityHarness.SuffixFirstNamespace(builder.ToString(), suffix);
                variants.Add(new Variant($"{name}.del{i}.cs", renamed, at, at >= 0 ? suffix.Length : 0));
            }

            return variants;
        }

        /// <summary>
        /// Analyzes the variants in one compilation and exercises every fixer on the diagnostics found (deduplicated by
        /// ID and position in the original file, at most <see cref="MaxFixerCalls"/>, evenly sampled). Returns every
        /// analyzer and fixer exception.
        /// </summary>
        public static async Task<Result> RunAsync(
            IReadOnlyList<Variant> variants,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            ImmutableArray<CodeFixProvider> fixers)
        {
            var (project, compilation) = await QualityHarness.CreateProjectAsync(variants.Select(v => (v.Name, v.Text)), references, analyzers);
            var run = await QualityHarness.AnalyzeAsync(compilation, analyzers);
            var failures = run.Exceptions.Select(e => "analyzer: " + e).ToList();

            // The same finding shows up in many variants. For each (rule, position in the original file) the fixers get
            // the variant where the code is cut closest after it (the most broken context), the one in the middle, and
            // the most complete one.
            var byName = variants.Select((v, i) => (v, i)).ToDictionary(p => p.v.Name, p => p);
            var unique = run.Diagnostics
                .Where(d => d.Location.SourceTree is not null && byName.ContainsKey(d.Location.SourceTree.FilePath))
                .GroupBy(d =>
                {
                    var variant = byName[d.Location.SourceTree!.FilePath].v;
                    var start = variant.NamespaceShiftAt >= 0 && d.Location.SourceSpan.Start > variant.NamespaceShiftAt
                        ? d.Location.SourceSpan.Start - variant.NamespaceShift
                        : d.Location.SourceSpan.Start;
                    return (d.Id, start);
                })
                .SelectMany(g =>
                {
                    var ordered = g.OrderBy(d => byName[d.Location.SourceTree!.FilePath].i).ToList();
                    return new[] { ordered[0], ordered[ordered.Count / 2], ordered[^1] }.Distinct();
                })
                .ToList();
            var sampled = QualityHarness.Sample(unique, MaxFixerCalls);

            if (sampled.Count > 0 && !fixers.IsEmpty)
            {
                failures.AddRange((await QualityHarness.ExerciseFixersAsync(project, sampled, fixers)).Select(e => "fixer: " + e));
            }

            return new Result(failures, run.Diagnostics.Length, fixers.IsEmpty ? 0 : sampled.Count);
        }

        /// <summary>Analyzes whole files in a compilation with the given (possibly empty) references; returns analyzer exceptions.</summary>
        public static async Task<Result> RunWithReferencesAsync(
            IReadOnlyList<(string Name, string Text)> files,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            ImmutableArray<CodeFixProvider> fixers,
            AnalyzerOptions? options = null)
        {
            var (project, compilation) = await QualityHarness.CreateProjectAsync(files, references, analyzers);
            var run = await QualityHarness.AnalyzeAsync(compilation, analyzers, options);
            var failures = run.Exceptions.Select(e => "analyzer: " + e).ToList();
            var sampled = QualityHarness.Sample(run.Diagnostics, MaxFixerCalls);
            if (sampled.Count > 0 && !fixers.IsEmpty)
            {
                failures.AddRange((await QualityHarness.ExerciseFixersAsync(project, sampled, fixers)).Select(e => "fixer: " + e));
            }

            return new Result(failures, run.Diagnostics.Length, fixers.IsEmpty ? 0 : sampled.Count);
        }
    }
}
