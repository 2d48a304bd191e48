using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProductionAnalyzers.Secrets;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>
    /// Runs <see cref="HardcodedSecretAnalyzer"/> on JSON settings files given as AdditionalFiles, straight through the
    /// compiler's analyzer driver, and describes each diagnostic as <c>ID path(line,col)-(line,col): message</c> (1-based).
    /// The diagnostics of additional files are checked here rather than through the verifier, so the check does not depend
    /// on how a test harness displays locations outside C# files.
    /// </summary>
    internal static class SettingsFiles
    {
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params (string Path, string Text)[] files)
        {
            var compilation = CSharpCompilation.Create(
                "Settings",
                new[] { CSharpSyntaxTree.ParseText("class C { }", path: "/0/C.cs") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
            var options = new AnalyzerOptions(additional);
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()),
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var failures = diagnostics.Where(d => d.Id == "AD0001").ToList();
            if (failures.Count > 0)
            {
                throw new InvalidOperationException("analyzer exception: " + failures[0].GetMessage());
            }

            return diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        public static string Describe(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
        }

        public static async Task<string[]> DescribeAsync(params (string Path, string Text)[] files) =>
            (await AnalyzeAsync(files)).Select(Describe).ToArray();

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
