using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>One source file of a prepared state: its path, the code without markup and the markup spans.</summary>
internal sealed record TestFile(string Path, string Code, ImmutableArray<MarkupSpan> Markup);

/// <summary>Settings that apply to every state of one test.</summary>
internal sealed record TestSettings(
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    CompilerDiagnostics CompilerDiagnostics,
    ImmutableArray<string> DisabledDiagnostics,
    LanguageVersion LanguageVersion)
{
    public DiagnosticAnalyzer Analyzer => Analyzers[0];

    public string AnalyzerName => string.Join(", ", Analyzers.Select(a => a.GetType().Name));

    public ImmutableArray<DiagnosticDescriptor> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToImmutableArray();
}

/// <summary>A <see cref="SolutionState"/> with markup parsed, file names normalised and expectations resolved.</summary>
internal sealed class PreparedState
{
    public required string Label { get; init; }

    public required ImmutableArray<TestFile> Files { get; init; }

    public required ImmutableArray<(string Path, string Content)> AnalyzerConfigFiles { get; init; }

    public required ImmutableArray<(string Path, string Content)> AdditionalFiles { get; init; }

    public required ImmutableArray<MetadataReference> References { get; init; }

    public required OutputKind OutputKind { get; init; }

    public required ImmutableArray<DiagnosticResult> ExpectedDiagnostics { get; init; }

    /// <summary>
    /// Parses <paramref name="state"/>. Settings missing from a fixed state come from <paramref name="inheritFrom"/>;
    /// <paramref name="explicitExpected"/> are the non-markup expectations of this state.
    /// </summary>
    public static PreparedState Create(
        string label,
        SolutionState state,
        SolutionState? inheritFrom,
        IEnumerable<DiagnosticResult> explicitExpected,
        TestSettings settings)
    {
        if (state.Sources.Count == 0)
        {
            throw new VerificationFailedException($"{label}: no source file (set TestCode or add to Sources).");
        }

        var files = ImmutableArray.CreateBuilder<TestFile>();
        foreach (var (name, content) in state.Sources)
        {
            var path = NormalizePath(name);
            if (files.Any(f => f.Path == path))
            {
                throw new VerificationFailedException($"{label}: two source files are named '{path}'.");
            }

            var (code, spans) = TestFileMarkup.Parse(content, path);
            files.Add(new TestFile(path, code, spans));
        }

        var configSource = state.AnalyzerConfigFiles.Count > 0 || inheritFrom is null ? state : inheritFrom;
        var additionalSource = state.AdditionalFiles.Count > 0 || inheritFrom is null ? state : inheritFrom;
        var references = TestReferences.All.AddRange(state.AdditionalReferences);
        if (inheritFrom is not null && state.AdditionalReferences.Count == 0)
        {
            references = TestReferences.All.AddRange(inheritFrom.AdditionalReferences);
        }

        var outputKind = state.HasOutputKind || inheritFrom is null ? state.OutputKind : inheritFrom.OutputKind;
        var fileArray = files.ToImmutable();

        return new PreparedState
        {
            Label = label,
            Files = fileArray,
            AnalyzerConfigFiles = configSource.AnalyzerConfigFiles.Select(f => (NormalizeConfigPath(f.filename), f.content)).ToImmutableArray(),
            AdditionalFiles = additionalSource.AdditionalFiles.Select(f => (NormalizePath(f.filename), f.content)).ToImmutableArray(),
            References = references,
            OutputKind = outputKind,
            ExpectedDiagnostics = ResolveExpected(label, fileArray, explicitExpected, settings),
        };
    }

    /// <summary>A relative file name is placed in the project folder <c>/0/</c>; backslashes become slashes.</summary>
    public static string NormalizePath(string name)
    {
        var path = name.Replace('\\', '/');
        return path.StartsWith('/') ? path : "/0/" + path;
    }

    private static string NormalizeConfigPath(string name)
    {
        var path = name.Replace('\\', '/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static ImmutableArray<DiagnosticResult> ResolveExpected(
        string label,
        ImmutableArray<TestFile> files,
        IEnumerable<DiagnosticResult> explicitExpected,
        TestSettings settings)
    {
        var result = ImmutableArray.CreateBuilder<DiagnosticResult>();
        var keyed = new Dictionary<string, DiagnosticLocation>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var text = SourceText.From(file.Code);
            foreach (var span in file.Markup)
            {
                var lines = text.Lines.GetLinePositionSpan(span.Span);
                var location = new DiagnosticLocation(file.Path, lines.Start, lines.End, null);
                if (span.IsLocationKey)
                {
                    if (!keyed.TryAdd(span.Name!, location))
                    {
                        throw new VerificationFailedException($"{label}: markup location {{|{span.Name}:|}} is defined twice.");
                    }

                    continue;
                }

                DiagnosticResult expected;
                if (span.Name is null)
                {
                    var descriptor = settings.Descriptors.FirstOrDefault()
                        ?? throw new VerificationFailedException($"{label}: '[|...|]' markup needs an analyzer with at least one descriptor.");
                    expected = new DiagnosticResult(descriptor);
                }
                else
                {
                    expected = ForId(span.Name, settings);
                }

                result.Add(expected.WithResolvedSpans(ImmutableArray.Create(location)).AsMarkup());
            }
        }

        foreach (var expected in explicitExpected)
        {
            var spans = ImmutableArray.CreateBuilder<DiagnosticLocation>();
            foreach (var span in expected.Spans)
            {
                if (span.MarkupKey is { } key)
                {
                    if (!keyed.TryGetValue(key, out var location))
                    {
                        throw new VerificationFailedException(
                            $"{label}: expected diagnostic {expected.Id} refers to markup location {{|{key}:...|}}, which no source file of this state contains.");
                    }

                    spans.Add(location);
                }
                else
                {
                    spans.Add(span with { Path = span.Path is null ? files[0].Path : NormalizePath(span.Path) });
                }
            }

            result.Add(expected.WithResolvedSpans(spans.ToImmutable()));
        }

        return result.ToImmutable();
    }

    /// <summary>The expectation for an ID: the analyzer's descriptor when it declares the ID, else an unknown (compiler) ID.</summary>
    public static DiagnosticResult ForId(string id, TestSettings settings)
    {
        var descriptor = settings.Descriptors.FirstOrDefault(d => d.Id == id);
        return descriptor is null ? DiagnosticResult.ForUnknownId(id) : new DiagnosticResult(descriptor);
    }
}

/// <summary>Builds the ad-hoc workspace for a state and computes its diagnostics.</summary>
internal static class TestProject
{
    public const string ProjectName = "TestProject";

    private const string VerifierGlobalConfigPath = "/.verifier.globalconfig";

    private static readonly Lazy<MefHostServices> Host = new(() => MefHostServices.DefaultHost);

    public static Project Create(PreparedState state, TestSettings settings)
    {
        var workspace = new AdhocWorkspace(Host.Value);
        var projectId = ProjectId.CreateNewId(ProjectName);

        var specific = new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
            ["AD0001"] = ReportDiagnostic.Error,
        };
        foreach (var id in settings.DisabledDiagnostics)
        {
            specific[id] = ReportDiagnostic.Suppress;
        }

        var compilationOptions = new CSharpCompilationOptions(
                state.OutputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true)
            .WithSpecificDiagnosticOptions(specific);
        var parseOptions = new CSharpParseOptions(settings.LanguageVersion, DocumentationMode.Parse);

        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            ProjectName,
            ProjectName,
            LanguageNames.CSharp,
            filePath: "/0/" + ProjectName + ".csproj",
            compilationOptions: compilationOptions,
            parseOptions: parseOptions,
            metadataReferences: state.References));

        foreach (var file in state.Files)
        {
            solution = solution.AddDocument(Document(projectId, file.Path, file.Code));
        }

        foreach (var (path, content) in state.AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(Document(projectId, path, content));
        }

        // Rules disabled by default are switched on through a global config of the lowest level, so that the
        // test's own .editorconfig / .globalconfig severities still win (compilation-wide options would not let them).
        var configs = state.AnalyzerConfigFiles;
        var forced = settings.Descriptors.Where(d => !d.IsEnabledByDefault).ToList();
        if (forced.Count > 0)
        {
            var global = new StringBuilder("is_global = true\nglobal_level = -100\n");
            foreach (var descriptor in forced)
            {
                global.Append("dotnet_diagnostic.").Append(descriptor.Id).Append(".severity = ").Append(ToSeverity(descriptor.DefaultSeverity)).Append('\n');
            }

            configs = configs.Add((VerifierGlobalConfigPath, global.ToString()));
        }

        if (configs.Length > 0)
        {
            solution = solution.AddAnalyzerConfigDocuments(
                configs.Select(f => Document(projectId, f.Path, f.Content)).ToImmutableArray());
        }

        return solution.GetProject(projectId)!;
    }

    private static DocumentInfo Document(ProjectId projectId, string path, string content)
    {
        var text = SourceText.From(content, Encoding.UTF8);
        var folders = path.Trim('/').Split('/').SkipLast(1).ToArray();
        return DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, path),
            Path.GetFileName(path),
            folders,
            loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, path)),
            filePath: path);
    }

    private static string ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    /// <summary>
    /// The diagnostics that take part in the comparison, sorted: the analyzer's own (IDs it declares), AD0001
    /// and compiler diagnostics at or above <see cref="TestSettings.CompilerDiagnostics"/>. Throws when an
    /// analyzer threw (AD0001), with the exception.
    /// </summary>
    public static async Task<Diagnostics> GetDiagnosticsAsync(Project project, TestSettings settings, string label, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var exceptions = new ConcurrentQueue<(Exception Exception, DiagnosticAnalyzer Analyzer, Diagnostic Diagnostic)>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue((exception, analyzer, diagnostic)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(settings.Analyzers, options);

        // One pass binds the code once for the compiler and the analyzers.
        var allDiagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var ids = settings.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var analyzerDiagnostics = allDiagnostics.Where(d => ids.Contains(d.Id) || d.Id == "AD0001").ToImmutableArray();

        var crashes = exceptions.Select(e => (e.Analyzer.GetType().Name, e.Diagnostic.GetMessage(CultureInfo.InvariantCulture), (Exception?)e.Exception))
            .Concat(analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => ("analyzer", d.GetMessage(CultureInfo.InvariantCulture), (Exception?)null)))
            .ToList();
        if (crashes.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(label).Append(": analyzer threw an exception (AD0001) — analyzers must never throw, whatever the code.").AppendLine();
            foreach (var (analyzer, diagnosticMessage, exception) in crashes.Take(3))
            {
                message.Append("  ").Append(analyzer).Append(": ").AppendLine(diagnosticMessage);
                if (exception is not null)
                {
                    message.AppendLine(Indent(exception.ToString(), "    "));
                }
            }

            throw new VerificationFailedException(message.ToString());
        }

        var disabled = settings.DisabledDiagnostics.ToHashSet(StringComparer.Ordinal);
        var analyzerOwn = analyzerDiagnostics.Where(d => ids.Contains(d.Id) && !d.IsSuppressed && !disabled.Contains(d.Id));
        var compilerAll = allDiagnostics.Where(d => !ids.Contains(d.Id) && d.Id != "AD0001" && !d.IsSuppressed && !disabled.Contains(d.Id)).ToImmutableArray();
        var compiler = compilerAll.Where(d => IsIncluded(d.Severity, settings.CompilerDiagnostics));

        return new Diagnostics(
            analyzerOwn.Concat(compiler).OrderBy(d => d, DiagnosticOrder.Instance).ToImmutableArray(),
            compilerAll.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    private static bool IsIncluded(DiagnosticSeverity severity, CompilerDiagnostics level) => level switch
    {
        CompilerDiagnostics.None => false,
        CompilerDiagnostics.Errors => severity == DiagnosticSeverity.Error,
        CompilerDiagnostics.Warnings => severity >= DiagnosticSeverity.Warning,
        CompilerDiagnostics.Suggestions => severity >= DiagnosticSeverity.Info,
        _ => true,
    };

    internal static string Indent(string text, string indent) =>
        indent + text.Replace("\r\n", "\n").Replace("\n", "\n" + indent);

    /// <summary>The diagnostics of one state: what is compared, and every compiler error (for "does it compile").</summary>
    internal sealed record Diagnostics(ImmutableArray<Diagnostic> Compared, ImmutableArray<Diagnostic> CompilerErrors);

    /// <summary>Sorts by file, position, ID.</summary>
    internal sealed class DiagnosticOrder : IComparer<Diagnostic>
    {
        public static readonly DiagnosticOrder Instance = new();

        public int Compare(Diagnostic? x, Diagnostic? y)
        {
            var a = x!.Location.GetLineSpan();
            var b = y!.Location.GetLineSpan();
            var c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0)
            {
                c = a.StartLinePosition.CompareTo(b.StartLinePosition);
            }

            if (c == 0)
            {
                c = a.EndLinePosition.CompareTo(b.EndLinePosition);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
