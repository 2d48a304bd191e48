using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// A code-fix test (the <c>Test</c> class of <see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>):
/// verifies the analyzer on <c>TestState</c>; applies fixes one by one until none is offered and compares
/// with <see cref="FixedState"/>; runs Fix All in document, project and solution scope and compares with
/// <see cref="BatchFixedState"/>; checks that fixed code compiles and that only the diagnostics marked in the
/// fixed code remain. A fixed state equal to the test state means "no fix may be offered"; no fixed state at
/// all means an analyzer-only run.
/// </summary>
public class CodeFixTest<TAnalyzer, TCodeFix> : AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public SolutionState FixedState { get; } = new();

    /// <summary>Expected result of Fix All; defaults to <see cref="FixedState"/>.</summary>
    public SolutionState BatchFixedState { get; } = new();

    public string? FixedCode
    {
        get => FixedState.Sources.Count > 0 ? FixedState.Sources[0].content : null;
        set
        {
            if (value is not null)
            {
                FixedState.Sources.Add(value);
            }
        }
    }

    public string? BatchFixedCode
    {
        get => BatchFixedState.Sources.Count > 0 ? BatchFixedState.Sources[0].content : null;
        set
        {
            if (value is not null)
            {
                BatchFixedState.Sources.Add(value);
            }
        }
    }

    /// <summary>Apply only the action with this equivalence key (also the key used for Fix All).</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Apply the action at this index of the offered actions (nested actions flattened).</summary>
    public int? CodeActionIndex { get; set; }

    /// <summary>Fix iterations: positive = exactly this many, negative = at most this many; default at most one per fixable diagnostic.</summary>
    public int? NumberOfIncrementalIterations { get; set; }

    /// <summary>Fix All iterations per scope: positive = exactly, negative = at most; default one per document (document scope) or one.</summary>
    public int? NumberOfFixAllIterations { get; set; }

    public CodeFixTestBehaviors CodeFixTestBehaviors { get; set; }

    /// <summary>The code fix providers under test; by default one <typeparamref name="TCodeFix"/>.</summary>
    protected virtual CodeFixProvider GetCodeFixProvider() => new TCodeFix();

    public override async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = CreateSettings();
        var test = PreparedState.Create("Test code", TestState, null, TestState.ExpectedDiagnostics, settings);
        var testProject = TestProject.Create(test, settings);
        var fixer = GetCodeFixProvider();
        var runner = new FixRunner(this, fixer, settings, testProject, cancellationToken);
        var testDiagnostics = await runner.DiagnosticsAsync(testProject, test.Label).ConfigureAwait(false);
        DiagnosticComparer.Verify(test, testDiagnostics.Compared, settings);

        if (FixedState.Sources.Count == 0)
        {
            // No fixed code given: an analyzer-only test (VerifyAnalyzerAsync of the code-fix verifier).
            return;
        }

        var fixedSource = FixedState;
        var noFixExpected = SameCode(test, PreparedState.Create("Fixed code", fixedSource, TestState, Array.Empty<DiagnosticResult>(), settings));
        var fixedExpected = FixedState.ExpectedDiagnostics.Count > 0 || !noFixExpected ? FixedState.ExpectedDiagnostics : TestState.ExpectedDiagnostics;
        var expectedFixed = PreparedState.Create("Fixed code", fixedSource, TestState, fixedExpected, settings);

        if (noFixExpected)
        {
            await runner.VerifyNoFixOfferedAsync().ConfigureAwait(false);
            return;
        }

        var fixedProject = await runner.FixIncrementallyAsync().ConfigureAwait(false);
        await runner.VerifyResultAsync(fixedProject, expectedFixed, "Code fix result").ConfigureAwait(false);

        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipFixAllCheck) == CodeFixTestBehaviors.SkipFixAllCheck)
        {
            return;
        }

        var fixAllProvider = fixer.GetFixAllProvider();
        if (fixAllProvider is null)
        {
            return;
        }

        PreparedState expectedBatch = expectedFixed;
        if (BatchFixedState.Sources.Count > 0)
        {
            var batchExpected = BatchFixedState.ExpectedDiagnostics.Count > 0 ? BatchFixedState.ExpectedDiagnostics : FixedState.ExpectedDiagnostics;
            expectedBatch = PreparedState.Create("Fix All result", BatchFixedState, TestState, batchExpected, settings);
        }

        var scopes = new List<FixAllScope>();
        var supported = fixAllProvider.GetSupportedFixAllScopes();
        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipFixAllInDocumentCheck) == 0 && supported.Contains(FixAllScope.Document))
        {
            scopes.Add(FixAllScope.Document);
        }

        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipFixAllInProjectCheck) == 0 && supported.Contains(FixAllScope.Project))
        {
            scopes.Add(FixAllScope.Project);
        }

        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipFixAllInSolutionCheck) == 0 && supported.Contains(FixAllScope.Solution))
        {
            scopes.Add(FixAllScope.Solution);
        }

        foreach (var scope in scopes)
        {
            var batchProject = await runner.FixAllAsync(fixAllProvider, scope).ConfigureAwait(false);
            await runner.VerifyResultAsync(batchProject, expectedBatch, $"Fix All ({scope} scope) result").ConfigureAwait(false);
        }
    }

    private static bool SameCode(PreparedState a, PreparedState b) =>
        a.Files.Length == b.Files.Length
        && a.Files.Zip(b.Files).All(p => p.First.Path == p.Second.Path && Normalize(p.First.Code) == Normalize(p.Second.Code));

    internal static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>The fix loops of one test run.</summary>
    private sealed class FixRunner
    {
        private readonly CodeFixTest<TAnalyzer, TCodeFix> _test;
        private readonly CodeFixProvider _fixer;
        private readonly TestSettings _settings;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableHashSet<string> _fixableIds;
        private readonly string _fixerName;

        // Projects are immutable snapshots: diagnostics are computed once per snapshot and reused by the
        // incremental loop, every Fix All scope (they all start from the test project) and the result checks.
        private readonly ConcurrentDictionary<Project, Task<TestProject.Diagnostics>> _diagnostics = new();

        public FixRunner(CodeFixTest<TAnalyzer, TCodeFix> test, CodeFixProvider fixer, TestSettings settings, Project testProject, CancellationToken cancellationToken)
        {
            TestProjectSnapshot = testProject;
            _test = test;
            _fixer = fixer;
            _settings = settings;
            _cancellationToken = cancellationToken;
            _fixableIds = fixer.FixableDiagnosticIds.ToImmutableHashSet(StringComparer.Ordinal);
            _fixerName = fixer.GetType().Name;
        }

        /// <summary>The test code's project, the start of every fix loop.</summary>
        public Project TestProjectSnapshot { get; }

        public async Task VerifyNoFixOfferedAsync()
        {
            var project = TestProjectSnapshot;
            foreach (var diagnostic in await FixableDiagnosticsAsync(project, "Test code").ConfigureAwait(false))
            {
                var actions = await ActionsAsync(project, diagnostic).ConfigureAwait(false);
                if (actions.Count > 0)
                {
                    throw new VerificationFailedException(
                        $"Expected no code fix (the fixed code equals the test code), but {_fixerName} offered {Titles(actions)} for {DiagnosticComparer.Describe(diagnostic)}.");
                }
            }
        }

        public async Task<Project> FixIncrementallyAsync()
        {
            var project = TestProjectSnapshot;
            var initial = (await FixableDiagnosticsAsync(project, "Test code").ConfigureAwait(false)).Length;
            var requested = _test.NumberOfIncrementalIterations;
            var limit = requested is { } n ? Math.Abs(n) : Math.Max(1, initial);
            var iterations = 0;
            var fixOne = (_test.CodeFixTestBehaviors & CodeFixTestBehaviors.FixOne) != 0;

            while (true)
            {
                var next = await NextActionAsync(project, $"Code fix iteration {iterations + 1}").ConfigureAwait(false);
                if (next is null)
                {
                    break;
                }

                if (iterations == limit)
                {
                    throw new VerificationFailedException(
                        $"The code fix did not converge: {_fixerName} still offers {Titles(next.Value.Actions)} for {DiagnosticComparer.Describe(next.Value.Diagnostic)} after {iterations} iteration(s) "
                        + $"(limit {limit}{(requested is null ? ", the number of fixable diagnostics in the test code; set NumberOfIncrementalIterations if one fix legitimately leads to another" : string.Empty)}).");
                }

                project = await ApplyAsync(project, next.Value.Chosen, next.Value.Diagnostic).ConfigureAwait(false);
                iterations++;
                if (fixOne)
                {
                    break;
                }
            }

            if (requested is > 0 && iterations != requested)
            {
                throw new VerificationFailedException($"Expected exactly {requested} code fix iteration(s), but {iterations} were applied.");
            }

            if (iterations == 0)
            {
                throw new VerificationFailedException(
                    $"Expected a code fix (the fixed code differs from the test code), but {_fixerName} offered none"
                    + (_test.CodeActionEquivalenceKey is { } key ? $" with equivalence key '{key}'" : string.Empty) + ".");
            }

            return project;
        }

        public async Task<Project> FixAllAsync(FixAllProvider provider, FixAllScope scope)
        {
            var project = TestProjectSnapshot;
            var requested = _test.NumberOfFixAllIterations;
            int limit;
            if (requested is { } n)
            {
                limit = Math.Abs(n);
            }
            else if (scope == FixAllScope.Document)
            {
                var diagnostics = await FixableDiagnosticsAsync(project, "Test code").ConfigureAwait(false);
                limit = Math.Max(1, diagnostics.Select(d => d.Location.SourceTree).Distinct().Count());
            }
            else
            {
                limit = 1;
            }

            var label = $"Fix All ({scope} scope)";
            var iterations = 0;
            var diagnosticProvider = new TestDiagnosticProvider(this);
            while (true)
            {
                var next = await NextActionAsync(project, $"{label} iteration {iterations + 1}").ConfigureAwait(false);
                if (next is null)
                {
                    break;
                }

                var (diagnostic, actions, chosen) = next.Value;
                var key = _test.CodeActionEquivalenceKey ?? chosen.EquivalenceKey;
                if (key is null)
                {
                    throw new VerificationFailedException(
                        $"{label}: code action '{chosen.Title}' of {_fixerName} has no EquivalenceKey; Fix All groups actions by key, so every action needs one (FixKeys).");
                }

                if (iterations == limit)
                {
                    throw new VerificationFailedException(
                        $"{label} did not converge: fixes are still offered ({Titles(actions)} for {DiagnosticComparer.Describe(diagnostic)}) after {iterations} Fix All iteration(s) "
                        + $"(limit {limit}{(requested is null ? "; set NumberOfFixAllIterations if that is intended" : string.Empty)}).");
                }

                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                CodeAction? fix;
                try
                {
                    var context = new FixAllContext(document, _fixer, scope, key, _fixableIds, diagnosticProvider, _cancellationToken);
                    fix = await provider.GetFixAsync(context).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not VerificationFailedException)
                {
                    throw new VerificationFailedException($"{label}: the Fix All provider of {_fixerName} threw {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception}", exception);
                }

                if (fix is null)
                {
                    throw new VerificationFailedException($"{label}: the Fix All provider of {_fixerName} returned no action for key '{key}' although {DiagnosticComparer.Describe(diagnostic)} has a fix.");
                }

                project = await ApplyAsync(project, fix, diagnostic).ConfigureAwait(false);
                iterations++;
            }

            if (requested is > 0 && iterations != requested)
            {
                throw new VerificationFailedException($"{label}: expected exactly {requested} Fix All iteration(s), but {iterations} were applied.");
            }

            return project;
        }

        /// <summary>Compares the documents with the expected state, then checks compilation and remaining diagnostics.</summary>
        public async Task VerifyResultAsync(Project actual, PreparedState expected, string label)
        {
            await CompareDocumentsAsync(actual, expected, label).ConfigureAwait(false);

            var original = await DiagnosticsAsync(TestProjectSnapshot, "Test code").ConfigureAwait(false);
            var result = await DiagnosticsAsync(actual, label).ConfigureAwait(false);
            var before = original.CompilerErrors.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();
            var introduced = result.CompilerErrors.Where(d => !before.Remove(d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))).ToList();
            if (introduced.Count > 0)
            {
                var files = expected.Files.ToDictionary(f => f.Path, f => Microsoft.CodeAnalysis.Text.SourceText.From(f.Code), StringComparer.Ordinal);
                var message = new StringBuilder();
                message.Append(label).Append(": the fixed code does not compile (").Append(introduced.Count).AppendLine(" new compiler error(s)):");
                foreach (var error in introduced.Take(10))
                {
                    message.Append("  ").AppendLine(DiagnosticComparer.Describe(error));
                    var span = error.Location.GetLineSpan();
                    if (files.TryGetValue(span.Path, out var text))
                    {
                        message.Append(DiagnosticComparer.Excerpt(text, span.StartLinePosition, span.EndLinePosition));
                    }
                }

                throw new VerificationFailedException(message.ToString());
            }

            var relabeled = new PreparedState
            {
                Label = label,
                Files = expected.Files,
                AnalyzerConfigFiles = expected.AnalyzerConfigFiles,
                AdditionalFiles = expected.AdditionalFiles,
                References = expected.References,
                OutputKind = expected.OutputKind,
                ExpectedDiagnostics = expected.ExpectedDiagnostics,
            };
            DiagnosticComparer.Verify(relabeled, result.Compared, _settings);
        }

        private async Task CompareDocumentsAsync(Project actual, PreparedState expected, string label)
        {
            var actualDocuments = actual.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
            var actualPaths = actualDocuments.Select(d => d.FilePath ?? d.Name).ToList();
            var expectedPaths = expected.Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (!actualPaths.SequenceEqual(expectedPaths))
            {
                throw new VerificationFailedException(
                    $"{label}: the documents differ. Expected: {string.Join(", ", expectedPaths)}. Actual: {string.Join(", ", actualPaths)}.");
            }

            foreach (var document in actualDocuments)
            {
                var actualText = Normalize((await document.GetTextAsync(_cancellationToken).ConfigureAwait(false)).ToString());
                var expectedText = Normalize(expected.Files.Single(f => f.Path == document.FilePath).Code);
                if (actualText != expectedText)
                {
                    throw new VerificationFailedException(
                        $"{label}: {document.FilePath} differs from the expected fixed code (- expected, + actual):" + Environment.NewLine
                        + TextDiff.Describe(expectedText, actualText) + Environment.NewLine
                        + "Actual text of " + document.FilePath + ":" + Environment.NewLine + actualText);
                }
            }
        }

        private async Task<(Diagnostic Diagnostic, List<CodeAction> Actions, CodeAction Chosen)?> NextActionAsync(Project project, string label)
        {
            foreach (var diagnostic in await FixableDiagnosticsAsync(project, label).ConfigureAwait(false))
            {
                var actions = await ActionsAsync(project, diagnostic).ConfigureAwait(false);
                if (actions.Count == 0)
                {
                    continue;
                }

                var chosen = Choose(actions, diagnostic);
                if (chosen is not null)
                {
                    return (diagnostic, actions, chosen);
                }
            }

            return null;
        }

        private CodeAction? Choose(List<CodeAction> actions, Diagnostic diagnostic)
        {
            if (_test.CodeActionEquivalenceKey is { } key)
            {
                var byKey = actions.Where(a => a.EquivalenceKey == key).ToList();
                if (_test.CodeActionIndex is { } keyedIndex && byKey.Count > 0 && actions.IndexOf(byKey[0]) != keyedIndex)
                {
                    throw new VerificationFailedException(
                        $"CodeActionIndex {keyedIndex} and CodeActionEquivalenceKey '{key}' disagree for {DiagnosticComparer.Describe(diagnostic)}; offered: {Titles(actions)}.");
                }

                return byKey.FirstOrDefault();
            }

            if (_test.CodeActionIndex is { } index)
            {
                if (index < 0 || index >= actions.Count)
                {
                    throw new VerificationFailedException(
                        $"CodeActionIndex {index} is out of range for {DiagnosticComparer.Describe(diagnostic)}; offered: {Titles(actions)}.");
                }

                return actions[index];
            }

            return actions[0];
        }

        private async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Project project, string label)
        {
            var diagnostics = await AnalyzerDiagnosticsAsync(project, label).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.IsInSource).ToImmutableArray();
        }

        /// <summary>The analyzer's diagnostics whose IDs the fixer handles, sorted (AD0001 throws).</summary>
        internal async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Project project, string label)
        {
            var diagnostics = await DiagnosticsAsync(project, label).ConfigureAwait(false);
            return diagnostics.Compared.Where(d => _fixableIds.Contains(d.Id)).ToImmutableArray();
        }

        internal Task<TestProject.Diagnostics> DiagnosticsAsync(Project project, string label) =>
            _diagnostics.GetOrAdd(project, p => TestProject.GetDiagnosticsAsync(p, _settings, label, _cancellationToken));

        private async Task<List<CodeAction>> ActionsAsync(Project project, Diagnostic diagnostic)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)
                ?? throw new VerificationFailedException($"No document for {DiagnosticComparer.Describe(diagnostic)}.");
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), _cancellationToken);
            try
            {
                await _fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not VerificationFailedException and not OperationCanceledException)
            {
                throw new VerificationFailedException(
                    $"{_fixerName}.RegisterCodeFixesAsync threw {exception.GetType().Name} for {DiagnosticComparer.Describe(diagnostic)}: {exception.Message}{Environment.NewLine}{exception}",
                    exception);
            }

            var flat = new List<CodeAction>();
            Flatten(actions, flat);
            return flat;

            static void Flatten(IEnumerable<CodeAction> actions, List<CodeAction> into)
            {
                foreach (var action in actions)
                {
                    if (action.NestedActions.IsDefaultOrEmpty)
                    {
                        into.Add(action);
                    }
                    else
                    {
                        Flatten(action.NestedActions, into);
                    }
                }
            }
        }

        private async Task<Project> ApplyAsync(Project project, CodeAction action, Diagnostic diagnostic)
        {
            ImmutableArray<CodeActionOperation> operations;
            try
            {
                operations = await action.GetOperationsAsync(_cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not VerificationFailedException and not OperationCanceledException)
            {
                throw new VerificationFailedException(
                    $"Code action '{action.Title}' of {_fixerName} threw {exception.GetType().Name} while fixing {DiagnosticComparer.Describe(diagnostic)}: {exception.Message}{Environment.NewLine}{exception}",
                    exception);
            }

            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new VerificationFailedException($"Code action '{action.Title}' of {_fixerName} produced no ApplyChangesOperation.");
            var changed = apply.ChangedSolution.GetProject(project.Id)
                ?? throw new VerificationFailedException($"Code action '{action.Title}' of {_fixerName} removed the project.");

            var changes = changed.GetChanges(project);
            if (!changes.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Any()
                && !changes.GetAddedDocuments().Any()
                && !changes.GetRemovedDocuments().Any())
            {
                throw new VerificationFailedException(
                    $"Code action '{action.Title}' of {_fixerName} changed nothing for {DiagnosticComparer.Describe(diagnostic)} (a fix that is offered must change the code).");
            }

            return changed;
        }

        private static string Titles(IEnumerable<CodeAction> actions) =>
            string.Join(", ", actions.Select(a => $"'{a.Title}' (key {a.EquivalenceKey ?? "none"})"));

        /// <summary>Diagnostics for Fix All, computed per project snapshot.</summary>
        private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly FixRunner _runner;
            private readonly ConcurrentDictionary<Project, Task<ImmutableArray<Diagnostic>>> _cache = new();

            public TestDiagnosticProvider(FixRunner runner) => _runner = runner;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                var all = await GetAsync(document.Project).ConfigureAwait(false);
                return all.Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var all = await GetAsync(project).ConfigureAwait(false);
                return all.Where(d => !d.Location.IsInSource);
            }

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await GetAsync(project).ConfigureAwait(false);

            private Task<ImmutableArray<Diagnostic>> GetAsync(Project project) =>
                _cache.GetOrAdd(project, p => _runner.AnalyzerDiagnosticsAsync(p, "Fix All diagnostics"));
        }
    }
}
