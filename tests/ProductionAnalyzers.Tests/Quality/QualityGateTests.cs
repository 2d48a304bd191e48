using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>Theory data of the quality gates: every corpus file and family found in the output directory.</summary>
    public static class QualityGateData
    {
        public static TheoryData<string> CorpusFiles() => ToTheoryData(QualityHarness.CorpusFiles());

        public static TheoryData<string> CorpusFamilies() => ToTheoryData(QualityHarness.CorpusFamilies());

        /// <summary>The one data row of the corpus theories when there is no corpus at all.</summary>
        public const string NoCorpus = "(no corpus)";

        private static TheoryData<string> ToTheoryData(IEnumerable<string> items)
        {
            var data = new TheoryData<string>();
            foreach (var item in items)
            {
                data.Add(item);
            }

            if (data.Count == 0)
            {
                data.Add(NoCorpus);
            }

            return data;
        }

        /// <summary>Without any corpus, there is nothing to run over; that is only acceptable while the package has no rule.</summary>
        public static bool NothingToCheck(string item)
        {
            if (item != NoCorpus)
            {
                return false;
            }

            Assert.True(QualityHarness.CreateAnalyzers().IsEmpty, "the package has analyzers but no tests/ProductionAnalyzers.Tests/<Family>/Corpus/*.cs corpus to run the quality gates over");
            return true;
        }
    }

    /// <summary>The package as a whole: rules come with fixes and corpora.</summary>
    public class QualityGateTests
    {
        private readonly ITestOutputHelper _output;

        public QualityGateTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Package_RulesComeWithFixesAndCorpora()
        {
            var analyzers = QualityHarness.CreateAnalyzers();
            Assert.All(analyzers, a => Assert.NotEmpty(a.SupportedDiagnostics));
            if (!analyzers.IsEmpty)
            {
                Assert.NotEmpty(QualityHarness.CreateCodeFixes());
                Assert.NotEmpty(QualityHarness.CorpusFiles());
            }

            // Every fixer fixes something an analyzer of the package reports.
            var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(QualityHarness.CreateCodeFixes(), f => Assert.Contains(f.FixableDiagnosticIds, ids.Contains));
        }
    }

    /// <summary>Every analyzer and fixer over broken code: corpus prefixes, token deletions, missing references, half-typed code.</summary>
    public class CrashProofingTests
    {
        private readonly ITestOutputHelper _output;

        public CrashProofingTests(ITestOutputHelper output) => _output = output;

        // ------------------------------------------------------------------ crash-proofing

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFiles), MemberType = typeof(QualityGateData))]
        public async Task CorpusPrefixes_DoNotCrash(string file)
        {
            if (QualityGateData.NothingToCheck(file))
            {
                return;
            }

            var (name, text) = QualityHarness.ReadCorpusFile(file);
            var (statements, tokens) = CrashGate.CutsPerFile(QualityHarness.CorpusFiles().Count);
            var variants = CrashGate.Prefixes(name, text, statements, tokens);
            var result = await CrashGate.RunAsync(variants, QualityReferences.Full, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes());
            _output.WriteLine($"{variants.Count} prefixes, {result.Diagnostics} diagnostics, {result.FixerCalls} fixer calls");
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures.Take(10)));
        }

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFiles), MemberType = typeof(QualityGateData))]
        public async Task CorpusTokenDeletions_DoNotCrash(string file)
        {
            if (QualityGateData.NothingToCheck(file))
            {
                return;
            }

            var (name, text) = QualityHarness.ReadCorpusFile(file);
            var variants = CrashGate.TokenDeletions(name, text, CrashGate.DeletionsPerFile(QualityHarness.CorpusFiles().Count));
            var result = await CrashGate.RunAsync(variants, QualityReferences.Full, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes());
            _output.WriteLine($"{variants.Count} variants, {result.Diagnostics} diagnostics, {result.FixerCalls} fixer calls");
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures.Take(10)));
        }

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFamilies), MemberType = typeof(QualityGateData))]
        public async Task CorpusWithMissingReferences_DoesNotCrash(string family)
        {
            if (QualityGateData.NothingToCheck(family))
            {
                return;
            }

            var files = QualityHarness.ReadCorpus(family);
            var failures = new List<string>();
            failures.AddRange((await CrashGate.RunWithReferencesAsync(files, QualityReferences.CoreOnly, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes())).Failures);
            failures.AddRange((await CrashGate.RunWithReferencesAsync(files, QualityReferences.None, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes())).Failures);
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
        }

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFamilies), MemberType = typeof(QualityGateData))]
        public async Task CorpusWithDocumentedOptions_DoesNotCrash(string family)
        {
            if (QualityGateData.NothingToCheck(family))
            {
                return;
            }

            var examples = DocumentedOptions.Examples();
            _output.WriteLine($"{examples.Count} documented options: {string.Join(", ", examples.Keys.OrderBy(k => k, StringComparer.Ordinal))}");
            var files = QualityHarness.ReadCorpus(family)
                .Concat(HalfTypedCode.Snippets.Select((s, i) => ($"HalfTyped{i}.cs", s)))
                .ToList();
            var failures = new List<string>();
            foreach (var values in new[] { examples, DocumentedOptions.Malformed(examples) })
            {
                var result = await CrashGate.RunWithReferencesAsync(files, QualityReferences.Full, QualityHarness.CreateAnalyzers(), ImmutableArray<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider>.Empty, DocumentedOptions.AsAnalyzerOptions(values));
                failures.AddRange(result.Failures);
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
        }

        [Fact]
        public async Task HalfTypedBackendCode_DoesNotCrash()
        {
            var failures = new List<string>();
            var variants = HalfTypedCode.Snippets.Select((s, i) => new CrashGate.Variant($"HalfTyped{i}.cs", s, -1, 0)).ToList();
            foreach (var references in new[] { QualityReferences.Full, QualityReferences.CoreOnly, QualityReferences.None })
            {
                failures.AddRange((await CrashGate.RunAsync(variants, references, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes())).Failures);
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
        }

        [Fact]
        public async Task SampleAppWithMissingReferences_DoesNotCrash()
        {
            var projects = QualityHarness.SampleProjects();
            if (projects is null)
            {
                return; // The repository has no samples/ folder (yet): nothing to check.
            }

            var failures = new List<string>();
            foreach (var (_, files) in projects)
            {
                failures.AddRange((await CrashGate.RunWithReferencesAsync(files, QualityReferences.CoreOnly, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes())).Failures);
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
        }
    }

    /// <summary>Concurrent analysis of doubled sources gives the doubled, deterministic result.</summary>
    public class ConcurrencyTests
    {
        private readonly ITestOutputHelper _output;

        public ConcurrencyTests(ITestOutputHelper output) => _output = output;

        // ------------------------------------------------------------------ concurrency and determinism

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFamilies), MemberType = typeof(QualityGateData))]
        public async Task CorpusAnalyzedTwiceConcurrently_GivesDoubledDeterministicResult(string family)
        {
            if (QualityGateData.NothingToCheck(family))
            {
                return;
            }

            var result = await ConcurrencyGate.RunAsync(QualityHarness.ReadCorpus(family), QualityReferences.Full, QualityHarness.CreateAnalyzers);
            _output.WriteLine($"{result.FilesUsed} files, {result.SingleCount} diagnostics in one copy");
            Assert.True(result.FilesUsed > 0, "no corpus file of the family can be copied into another namespace");
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Take(20)));
        }
    }

    /// <summary>Every offered fix, and Fix All, leaves code that compiles and is fixed.</summary>
    public class FixesCompileTests
    {
        private readonly ITestOutputHelper _output;

        public FixesCompileTests(ITestOutputHelper output) => _output = output;

        // ------------------------------------------------------------------ fixes always compile

        [Theory]
        [MemberData(nameof(QualityGateData.CorpusFamilies), MemberType = typeof(QualityGateData))]
        public async Task CorpusFixes_Compile(string family)
        {
            if (QualityGateData.NothingToCheck(family))
            {
                return;
            }

            var result = await FixGate.RunAsync(QualityHarness.ReadCorpus(family), QualityReferences.Full, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes());
            _output.WriteLine($"{result.Diagnostics} fixable diagnostics, {result.FixesApplied} fixes applied, {result.FixAllApplied} Fix All applied");
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures.Take(15)));
        }

        [Fact]
        public async Task SampleAppFixes_Compile()
        {
            var projects = QualityHarness.SampleProjects();
            if (projects is null)
            {
                return; // The repository has no samples/ folder (yet): nothing to check.
            }

            Assert.True(projects.Sum(p => p.Files.Count) > 0, "samples/ exists but holds no .cs file");
            var failures = new List<string>();
            foreach (var (project, files) in projects)
            {
                var result = await FixGate.RunAsync(files, QualityReferences.Full, QualityHarness.CreateAnalyzers(), QualityHarness.CreateCodeFixes());
                _output.WriteLine($"{project}: {files.Count} files, {result.BaselineErrors} compiler errors before fixing, {result.Diagnostics} fixable diagnostics, {result.FixesApplied} fixes applied, {result.FixAllApplied} Fix All applied");
                failures.AddRange(result.Failures.Select(f => project + ": " + f));
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(15)));
        }
    }
}
