using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// Source files of a test, as strings (named <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...) or
/// <c>(fileName, content)</c> tuples. A relative file name is placed in the project folder <c>/0/</c>.
/// </summary>
public sealed class SourceFileList : List<(string filename, string content)>
{
    public const string DefaultFilePathPrefix = "/0/Test";

    public void Add(string content) => Add((DefaultFilePathPrefix + Count + ".cs", content));
}

/// <summary><c>.editorconfig</c> / <c>.globalconfig</c> files as <c>(path, content)</c>, e.g. <c>("/.editorconfig", "root = true\n[*.cs]\n...")</c>.</summary>
public sealed class AnalyzerConfigFileList : List<(string filename, string content)>
{
}

/// <summary>Additional files (<c>AnalyzerOptions.AdditionalFiles</c>) as <c>(path, content)</c>.</summary>
public sealed class AdditionalFileList : List<(string filename, string content)>
{
}

/// <summary>
/// The sources and settings of one state of a test: the input (<c>TestState</c>), the expected result of the
/// fix loop (<c>FixedState</c>) or of Fix All (<c>BatchFixedState</c>). Settings left empty in a fixed state
/// are taken from <c>TestState</c>.
/// </summary>
public sealed class SolutionState
{
    private OutputKind? _outputKind;

    public SourceFileList Sources { get; } = new();

    public AnalyzerConfigFileList AnalyzerConfigFiles { get; } = new();

    public AdditionalFileList AdditionalFiles { get; } = new();

    /// <summary>Expected diagnostics besides the ones written as markup in <see cref="Sources"/>.</summary>
    public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

    /// <summary>References added to the default set (<see cref="TestReferences.All"/>).</summary>
    public List<MetadataReference> AdditionalReferences { get; } = new();

    /// <summary>Default <see cref="OutputKind.DynamicallyLinkedLibrary"/>; <see cref="OutputKind.ConsoleApplication"/> for top-level statements.</summary>
    public OutputKind OutputKind
    {
        get => _outputKind ?? OutputKind.DynamicallyLinkedLibrary;
        set => _outputKind = value;
    }

    internal bool HasOutputKind => _outputKind is not null;
}
