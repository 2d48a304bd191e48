using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// "Fixes always compile": applies every offered fix (the first action for each diagnostic, then Fix All in solution
    /// scope for each equivalence key), recompiles, and demands that no compiler error appears and that the fixed
    /// diagnostic is gone (for Fix All: that the rule's count drops).
    /// </summary>
    internal static class FixGate
    {
        /// <summary>
        /// Single fixes are recompiled and re-analyzed one by one; to keep the run bounded as corpora grow, at most this
        /// many per source set are applied (evenly sampled, deterministic). Every fixable diagnostic is still asked for
        /// its fixes (which feeds Fix All), and Fix All runs for every equivalence key.
        /// </summary>
        public const int MaxSingleFixes = 40;

        public sealed record Result(int BaselineErrors, int Diagnostics, int FixesApplied, int FixAllApplied, IReadOnlyList<string> Failures);

        private sealed record KeyGroup(CodeFixProvider Fixer, string Key, HashSet<string> Ids, Diagnostic Trigger);

        public static async Task<Result> RunAsync(
            IReadOnlyList<(string Name, string Text)> files,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            ImmutableArray<CodeFixProvider> fixers)
        {
            var failures = new List<string>();
            var (project, compilation) = await QualityHarness.CreateProjectAsync(files, references, analyzers);
            var original = project.Solution;
            var baselineErrors = ErrorKeys(compilation);
            var run = await QualityHarness.AnalyzeAsync(compilation, analyzers);
            failures.AddRange(run.Exceptions.Select(e => "analyzer: " + e));

            var fixable = run.Diagnostics.Where(d => d.Location.IsInSource && fixers.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).ToList();
            var groups = new List<KeyGroup>();
            var applied = 0;
            var toApply = new HashSet<Diagnostic>(QualityHarness.Sample(fixable, MaxSingleFixes));
            foreach (var diagnostic in fixable)
            {
                var document = QualityHarness.FindDocument(project, diagnostic.Location.SourceTree)!;
                try
                {
                    var fixes = await QualityHarness.GetFixesAsync(document, diagnostic, fixers);
                    foreach (var (fixer, action) in fixes)
                    {
                        var key = action.EquivalenceKey ?? action.Title;
                        var group = groups.FirstOrDefault(g => g.Fixer == fixer && g.Key == key);
                        if (group is null)
                        {
                            groups.Add(new KeyGroup(fixer, key, new HashSet<string> { diagnostic.Id }, diagnostic));
                        }
                        else
                        {
                            group.Ids.Add(diagnostic.Id);
                        }
                    }

                    if (fixes.Count == 0 || !toApply.Contains(diagnostic))
                    {
                        continue;
                    }

                    var fixedSolution = await QualityHarness.ApplyAsync(original, fixes[0].Action);
                    applied++;
                    var problems = await CheckSingleFixAsync(original, fixedSolution, project.Id, document.Id, diagnostic, baselineErrors, analyzers);
                    failures.AddRange(problems.Select(p => $"fix '{fixes[0].Action.Title}' of {QualityHarness.Describe(diagnostic)}: {p}"));
                }
                catch (Exception e)
                {
                    failures.Add($"fix of {QualityHarness.Describe(diagnostic)} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }

            var fixAllApplied = 0;
            foreach (var group in groups)
            {
                var provider = group.Fixer.GetFixAllProvider();
                if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Solution))
                {
                    continue;
                }

                var label = $"Fix All '{group.Key}' ({group.Fixer.GetType().Name}, {string.Join(",", group.Ids.OrderBy(i => i, StringComparer.Ordinal))})";
                try
                {
                    var document = QualityHarness.FindDocument(project, group.Trigger.Location.SourceTree)!;
                    var context = new FixAllContext(document, group.Fixer, FixAllScope.Solution, group.Key, group.Ids,
                        new QualityHarness.FixedDiagnosticProvider(run.Diagnostics), CancellationToken.None);
                    var action = await provider.GetFixAsync(context);
                    if (action is null)
                    {
                        failures.Add($"{label}: the Fix All provider returned no action");
                        continue;
                    }

                    var fixedSolution = await QualityHarness.ApplyAsync(original, action);
                    fixAllApplied++;
                    var fixedCompilation = (await fixedSolution.GetProject(project.Id)!.GetCompilationAsync())!;
                    failures.AddRange(NewErrors(baselineErrors, fixedCompilation).Select(e => $"{label}: new compiler error {e}"));
                    var after = await QualityHarness.AnalyzeAsync(fixedCompilation, analyzers);
                    failures.AddRange(after.Exceptions.Select(e => $"{label}: analyzer on fixed code: {e}"));
                    var before = run.Diagnostics.Count(d => group.Ids.Contains(d.Id));
                    var remaining = after.Diagnostics.Count(d => group.Ids.Contains(d.Id));
                    if (remaining >= before)
                    {
                        failures.Add($"{label}: {before} diagnostics before, {remaining} after");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{label} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }

            return new Result(baselineErrors.Values.Sum(), fixable.Count, applied, fixAllApplied, failures);
        }

        private static async Task<IReadOnlyList<string>> CheckSingleFixAsync(
            Solution original,
            Solution fixedSolution,
            ProjectId projectId,
            DocumentId documentId,
            Diagnostic diagnostic,
            Dictionary<string, int> baselineErrors,
            ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var problems = new List<string>();
            var oldDocument = original.GetDocument(documentId)!;
            var newDocument = fixedSolution.GetDocument(documentId);
            if (newDocument is null)
            {
                return problems;
            }

            var oldText = await oldDocument.GetTextAsync();
            var newText = await newDocument.GetTextAsync();
            var changes = (await newDocument.GetTextChangesAsync(oldDocument)).ToList();
            if (oldText.ContentEquals(newText) && fixedSolution.GetChanges(original).GetProjectChanges().All(p => !p.GetChangedDocuments(true).Any() && !p.GetAddedDocuments().Any()))
            {
                problems.Add("the fix changes nothing");
                return problems;
            }

            // Errors anywhere in declarations (a fix that breaks a signature shows there), and everywhere in the changed
            // documents. Fix All below recompiles everything.
            var compilation = (await fixedSolution.GetProject(projectId)!.GetCompilationAsync())!;
            var changedTrees = new List<SyntaxTree>();
            foreach (var projectChanges in fixedSolution.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(projectChanges.GetAddedDocuments()))
                {
                    var changedTree = await fixedSolution.GetDocument(id)!.GetSyntaxTreeAsync();
                    if (changedTree is not null)
                    {
                        changedTrees.Add(changedTree);
                    }
                }
            }

            var errors = compilation.GetDeclarationDiagnostics()
                .Concat(changedTrees.SelectMany(t => compilation.GetSemanticModel(t).GetDiagnostics()))
                .Distinct();
            problems.AddRange(NewErrors(baselineErrors, errors).Select(e => "new compiler error " + e));

            // The rule that was fixed must be quiet at the fixed place.
            var ruleAnalyzers = analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == diagnostic.Id)).ToImmutableArray();
            var tree = (await newDocument.GetSyntaxTreeAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(ruleAnalyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var model = compilation.GetSemanticModel(tree);
            var after = (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None))
                .Concat(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None));
            var mapped = MapSpan(diagnostic.Location.SourceSpan, changes);
            foreach (var remaining in after.Where(d => d.Id == diagnostic.Id && d.Location.SourceSpan.IntersectsWith(mapped)))
            {
                problems.Add("still reported: " + QualityHarness.Describe(remaining));
            }

            foreach (var crash in after.Where(d => d.Id == "AD0001"))
            {
                problems.Add("analyzer exception on fixed code: " + crash.GetMessage(CultureInfo.InvariantCulture));
            }

            return problems;
        }

        /// <summary>Compiler errors as "ID file: message" with their counts (positions left out: fixes move code).</summary>
        public static Dictionary<string, int> ErrorKeys(Compilation compilation) => ErrorKeys(compilation.GetDiagnostics());

        public static Dictionary<string, int> ErrorKeys(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .GroupBy(d => $"{d.Id} {d.Location.SourceTree?.FilePath}: {d.GetMessage(CultureInfo.InvariantCulture)}")
                .ToDictionary(g => g.Key, g => g.Count());

        public static IEnumerable<string> NewErrors(Dictionary<string, int> baseline, Compilation fixedCompilation) =>
            NewErrors(baseline, fixedCompilation.GetDiagnostics());

        public static IEnumerable<string> NewErrors(Dictionary<string, int> baseline, IEnumerable<Diagnostic> fixedDiagnostics)
        {
            foreach (var (key, count) in ErrorKeys(fixedDiagnostics))
            {
                baseline.TryGetValue(key, out var before);
                if (count > before)
                {
                    yield return key;
                }
            }
        }

        /// <summary>Maps a span of the old text into the new text through the changes (given in old coordinates).</summary>
        public static TextSpan MapSpan(TextSpan span, IReadOnlyList<TextChange> changes)
        {
            int Map(int position, bool isEnd)
            {
                var delta = 0;
                foreach (var change in changes.OrderBy(c => c.Span.Start))
                {
                    var newLength = change.NewText?.Length ?? 0;
                    if (change.Span.End <= position && !(change.Span.Length == 0 && change.Span.Start == position && !isEnd))
                    {
                        delta += newLength - change.Span.Length;
                    }
                    else if (change.Span.Start <= position && position < change.Span.End)
                    {
                        return change.Span.Start + delta + (isEnd ? newLength : 0);
                    }
                    else
                    {
                        break;
                    }
                }

                return position + delta;
            }

            var start = Map(span.Start, isEnd: false);
            var end = Math.Max(start, Map(span.End, isEnd: true));
            return TextSpan.FromBounds(start, end);
        }
    }
}
