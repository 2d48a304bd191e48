using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The one typed reader of <c>.editorconfig</c> options. A rule option is looked up as
    /// <c>dotnet_code_quality.&lt;RuleId&gt;.&lt;option&gt;</c> first, then as the family-wide
    /// <c>production_analyzers.&lt;option&gt;</c>. Keys and values are case-insensitive; lists are separated by
    /// commas, semicolons or '|'.
    /// </summary>
    internal readonly struct RuleOptions
    {
        public const string RulePrefix = "dotnet_code_quality.";
        public const string FamilyPrefix = "production_analyzers.";

        private static readonly char[] ListSeparators = { ',', ';', '|' };

        private readonly AnalyzerConfigOptions? _options;
        private readonly AnalyzerConfigOptions? _fallback;
        private readonly string _ruleId;

        private RuleOptions(AnalyzerConfigOptions? options, AnalyzerConfigOptions? fallback, string ruleId)
        {
            _options = options;
            _fallback = fallback;
            _ruleId = ruleId;
        }

        /// <summary>Options that apply to one file (the usual case: <c>[*.cs]</c> sections apply per file).</summary>
        public static RuleOptions ForTree(AnalyzerOptions options, SyntaxTree tree, string ruleId) =>
            new RuleOptions(options.AnalyzerConfigOptionsProvider.GetOptions(tree), options.AnalyzerConfigOptionsProvider.GlobalOptions, ruleId);

        /// <summary>Options of one file that is not a syntax tree (an additional file), with the global options as fallback.</summary>
        public static RuleOptions From(AnalyzerConfigOptions? options, AnalyzerConfigOptions? fallback, string ruleId) =>
            new RuleOptions(options, fallback, ruleId);

        /// <summary>
        /// Options for compilation-wide settings (extra sinks, sanitizers): global config first, then the options
        /// of the compilation's first file, which is where an <c>[*.cs]</c> section of the project lands.
        /// </summary>
        public static RuleOptions ForCompilation(AnalyzerOptions options, Compilation compilation, string ruleId)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var first = compilation.SyntaxTrees.FirstOrDefault();
            return new RuleOptions(provider.GlobalOptions, first is null ? null : provider.GetOptions(first), ruleId);
        }

        /// <summary>The raw value of the option, or null when it is not set.</summary>
        [MethodImpl(HotPath.Options)]
        public string? GetString(string option)
        {
            return Find(_options, option) ?? Find(_fallback, option);
        }

        public bool GetBool(string option, bool defaultValue)
        {
            var value = GetString(option);
            if (value is null)
            {
                return defaultValue;
            }

            return value.Trim().ToLowerInvariant() switch
            {
                "true" or "yes" or "1" or "on" => true,
                "false" or "no" or "0" or "off" => false,
                _ => defaultValue,
            };
        }

        public int GetInt(string option, int defaultValue)
        {
            var value = GetString(option);
            return value is not null && int.TryParse(value.Trim(), out var parsed) ? parsed : defaultValue;
        }

        /// <summary>The option as a list of trimmed, non-empty entries; empty when not set.</summary>
        public ImmutableArray<string> GetList(string option)
        {
            var value = GetString(option);
            return ParseList(value);
        }

        internal static ImmutableArray<string> ParseList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ImmutableArray<string>.Empty;
            }

            return value!
                .Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Trim())
                .Where(entry => entry.Length > 0)
                .ToImmutableArray();
        }

        [MethodImpl(HotPath.Options)]
        private string? Find(AnalyzerConfigOptions? options, string option)
        {
            if (options is null)
            {
                return null;
            }

            // Keys compare case-insensitively (AnalyzerConfigOptions.KeyComparer).
            if (options.TryGetValue(RulePrefix + _ruleId + "." + option, out var value) ||
                options.TryGetValue(FamilyPrefix + option, out value))
            {
                return value;
            }

            return null;
        }
    }
}
