using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// Every <c>.editorconfig</c> key the rule pages document (<c>dotnet_code_quality.PA####.key = value</c> and
    /// <c>production_analyzers.key = value</c> lines in docs/rules/*.md), so that option-dependent code paths of the
    /// analyzers are crash-tested too: once with the documented example values, once with malformed values.
    /// </summary>
    internal static class DocumentedOptions
    {
        private static readonly Regex OptionLine = new Regex(
            @"^\s*(?<key>(dotnet_code_quality\.PA\d{4}|production_analyzers)\.[A-Za-z0-9_]+)\s*=\s*(?<value>[^\r\n`]*[^\s`])?\s*$",
            RegexOptions.Multiline | RegexOptions.Compiled);

        /// <summary>Documented keys with their example values (the last example of a key wins).</summary>
        public static ImmutableDictionary<string, string> Examples()
        {
            var root = QualityHarness.RepositoryRoot();
            var docs = root is null ? null : Path.Combine(root, "docs", "rules");
            var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            if (docs is null || !Directory.Exists(docs))
            {
                return builder.ToImmutable();
            }

            foreach (var page in Directory.EnumerateFiles(docs, "PA*.md").OrderBy(p => p, StringComparer.Ordinal))
            {
                foreach (var (key, value) in Parse(File.ReadAllText(page)))
                {
                    builder[key] = value;
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The <c>key = value</c> lines of one page, in order.</summary>
        public static IEnumerable<(string Key, string Value)> Parse(string markdown) =>
            OptionLine.Matches(markdown).Select(m => (m.Groups["key"].Value, m.Groups["value"].Success ? m.Groups["value"].Value : string.Empty));

        /// <summary>The same keys with values no parser expects.</summary>
        public static ImmutableDictionary<string, string> Malformed(ImmutableDictionary<string, string> examples)
        {
            var garbage = new[] { string.Empty, "maybe", "-2147483649", "M:(((|||", ";;;", "T:", new string('x', 5000), "true false", "\u0000\u00ff" };
            var i = 0;
            return examples.ToImmutableDictionary(p => p.Key, _ => garbage[i++ % garbage.Length], StringComparer.OrdinalIgnoreCase);
        }

        public static AnalyzerOptions AsAnalyzerOptions(ImmutableDictionary<string, string> values) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(values));

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public OptionsProvider(ImmutableDictionary<string, string> values) => _options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
