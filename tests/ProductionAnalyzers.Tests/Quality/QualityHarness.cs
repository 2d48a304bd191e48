using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// Shared machinery of the quality gates. Everything is discovered, nothing is listed: every
    /// <see cref="DiagnosticAnalyzer"/> of ProductionAnalyzers.dll and every <see cref="CodeFixProvider"/> of
    /// ProductionAnalyzers.CodeFixes.dll (the types the compiler and the IDE would load, i.e. those carrying the
    /// export attributes), and every corpus file copied to <c>&lt;Family&gt;/Corpus/*.cs</c> of the output directory.
    /// A new rule family is covered by these tests the moment it lands.
    /// </summary>
    internal static class QualityHarness
    {
        public static readonly Assembly AnalyzerAssembly = typeof(ProductionAnalyzer).Assembly;
        public static readonly Assembly CodeFixAssembly = typeof(ProductionAnalyzers.CodeFixes.FixKeys).Assembly;

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);

        // ---------------------------------------------------------------- discovery

        /// <summary>New instances of every C# analyzer of the package.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() => CreateAnalyzers(AnalyzerAssembly);

        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers(Assembly assembly) =>
            LoadableTypes(assembly)
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
                            t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>New instances of every C# code fix provider of the package.</summary>
        public static ImmutableArray<CodeFixProvider> CreateCodeFixes() => CreateCodeFixes(CodeFixAssembly);

        public static ImmutableArray<CodeFixProvider> CreateCodeFixes(Assembly assembly) =>
            LoadableTypes(assembly)
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) &&
                            t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t is not null)!;
            }
        }

        // ---------------------------------------------------------------- corpora and samples

        /// <summary>Every corpus file, <c>&lt;Family&gt;/Corpus/*.cs</c> below the output directory, as "Family/File.cs".</summary>
        public static IReadOnlyList<string> CorpusFiles()
        {
            var root = AppContext.BaseDirectory;
            return Directory.EnumerateDirectories(root)
                .Select(family => Path.Combine(family, "Corpus"))
                .Where(Directory.Exists)
                .SelectMany(corpus => Directory.EnumerateFiles(corpus, "*.cs", SearchOption.TopDirectoryOnly))
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The families that have a corpus, e.g. "Sql".</summary>
        public static IReadOnlyList<string> CorpusFamilies() =>
            CorpusFiles().Select(f => f.Substring(0, f.IndexOf('/'))).Distinct().ToList();

        /// <summary>(name, text without markup) of one corpus file given as "Family/Corpus/File.cs".</summary>
        public static (string Name, string Text) ReadCorpusFile(string relativePath) =>
            (relativePath, StripMarkup(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath))));

        public static IReadOnlyList<(string Name, string Text)> ReadCorpus(string family) =>
            CorpusFiles().Where(f => f.StartsWith(family + "/", StringComparison.Ordinal)).Select(ReadCorpusFile).ToList();

        /// <summary>Removes the diagnostic markup of the test format (the verifier's own parser).</summary>
        public static string StripMarkup(string text) => ProductionAnalyzers.Tests.Verifiers.TestFileMarkup.Strip(text);

        /// <summary>The repository root (the folder holding ProductionAnalyzers.sln), walking up from the output directory.</summary>
        public static string? RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProductionAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }

        /// <summary>
        /// The sample app's sources grouped by project (each *.csproj folder below samples/, bin and obj excluded), or
        /// null when the repository has no samples folder.
        /// </summary>
        public static IReadOnlyList<(string Project, IReadOnlyList<(string Name, string Text)> Files)>? SampleProjects()
        {
            var root = RepositoryRoot();
            var samples = root is null ? null : Path.Combine(root, "samples");
            if (samples is null || !Directory.Exists(samples))
            {
                return null;
            }

            static bool IsBuildOutput(string path) =>
                path.Split('/', '\\').Any(part => part is "bin" or "obj");

            var files = Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(samples, f)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var projectDirs = Directory.EnumerateFiles(samples, "*.csproj", SearchOption.AllDirectories)
                .Select(p => Path.GetDirectoryName(p)!)
                .Where(d => !IsBuildOutput(Path.GetRelativePath(samples, d)))
                .OrderByDescending(d => d.Length)
                .ToList();

            return files
                .GroupBy(f => projectDirs.FirstOrDefault(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ?? samples)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var project = Path.GetRelativePath(root!, g.Key).Replace('\\', '/');
                    var sources = g.Select(f => (Path.GetRelativePath(root!, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();
                    var implicitUsings = ImplicitUsings(Directory.EnumerateFiles(g.Key, "*.csproj").FirstOrDefault());
                    if (implicitUsings is not null)
                    {
                        sources.Add((project + "/obj/ImplicitUsings.g.cs", implicitUsings));
                    }

                    return (project, (IReadOnlyList<(string, string)>)sources);
                })
                .ToList();
        }

        /// <summary>
        /// The global usings the SDK generates for a project with <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c>
        /// (Microsoft.NET.Sdk, plus the Web and Worker SDKs' additions), or null when the project does not enable them.
        /// </summary>
        private static string? ImplicitUsings(string? projectFile)
        {
            if (projectFile is null)
            {
                return null;
            }

            var project = File.ReadAllText(projectFile);
            if (!Regex.IsMatch(project, @"<ImplicitUsings>\s*(enable|true)\s*</ImplicitUsings>", RegexOptions.IgnoreCase))
            {
                return null;
            }

            var namespaces = new List<string> { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };
            var hosting = new[] { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" };
            if (project.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                namespaces.AddRange(new[] { "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing" });
                namespaces.AddRange(hosting);
            }
            else if (project.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                namespaces.AddRange(hosting);
            }

            return "// <auto-generated/>\n" + string.Concat(namespaces.Select(n => $"global using global::{n};\n"));
        }

        // ---------------------------------------------------------------- compilations

        /// <summary>ConsoleApplication when some file has top-level statements, else a library.</summary>
        public static OutputKind OutputKindFor(IEnumerable<SyntaxTree> trees) =>
            trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any()) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;

        public static CSharpCompilationOptions CompilationOptions(OutputKind kind, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            // Rules that are off by default are switched on: the gates cover every rule, whatever its default.
            var specific = analyzers
                .SelectMany(a => a.SupportedDiagnostics)
                .Where(d => !d.IsEnabledByDefault)
                .Select(d => d.Id)
                .Distinct()
                .ToDictionary(id => id, _ => ReportDiagnostic.Warn);
            return new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true,
                concurrentBuild: true, specificDiagnosticOptions: specific);
        }

        public static SyntaxTree Parse(string name, string text) =>
            CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path: name);

        public static CSharpCompilation Compile(IEnumerable<(string Name, string Text)> files, IEnumerable<MetadataReference> references, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var trees = files.Select(f => Parse(f.Name, f.Text)).ToList();
            return CSharpCompilation.Create("QualityGate", trees, references, CompilationOptions(OutputKindFor(trees), analyzers));
        }

        /// <summary>
        /// A workspace project of the files and the project's own compilation: diagnostics found on that compilation
        /// belong to the project's documents, as code fixes and Fix All expect.
        /// </summary>
        public static async Task<(Project Project, Compilation Compilation)> CreateProjectAsync(
            IEnumerable<(string Name, string Text)> files, IEnumerable<MetadataReference> references, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var project = CreateProject(Compile(files, references, analyzers));
            return (project, (await project.GetCompilationAsync())!);
        }

        // ---------------------------------------------------------------- analysis

        public sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

        /// <summary>
        /// Runs the analyzers concurrently and collects every exception they throw, both through the exception callback
        /// and as AD0001 diagnostics. The returned diagnostics are the analyzers' own (AD0001 removed), sorted.
        /// </summary>
        public static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null)
        {
            if (analyzers.IsEmpty)
            {
                return new AnalysisRun(ImmutableArray<Diagnostic>.Empty, Array.Empty<string>());
            }

            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var list = new List<string>(exceptions);
            foreach (var ad in all.Where(d => d.Id == "AD0001"))
            {
                list.Add(ad.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            return new AnalysisRun(Sort(all.Where(d => d.Id != "AD0001")), list.Distinct().ToList());
        }

        public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .ToImmutableArray();

        /// <summary>A one-line description of a diagnostic: file(line,col): ID message.</summary>
        public static string Describe(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        // ---------------------------------------------------------------- workspaces and fixes

        /// <summary>A workspace project holding the compilation's trees (same paths), references and options.</summary>
        public static Project CreateProject(CSharpCompilation compilation)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("QualityGate");
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, "QualityGate", "QualityGate", LanguageNames.CSharp,
                compilationOptions: compilation.Options, parseOptions: ParseOptions, metadataReferences: compilation.References));
            foreach (var tree in compilation.SyntaxTrees)
            {
                var id = DocumentId.CreateNewId(projectId, tree.FilePath);
                solution = solution.AddDocument(DocumentInfo.Create(
                    id, Path.GetFileName(tree.FilePath), loader: TextLoader.From(TextAndVersion.Create(tree.GetText(), VersionStamp.Default, tree.FilePath)), filePath: tree.FilePath));
            }

            return solution.GetProject(projectId)!;
        }

        public static Document? FindDocument(Project project, SyntaxTree? tree) =>
            tree is null ? null : project.Solution.GetDocument(tree) ?? project.Documents.FirstOrDefault(d => d.FilePath == tree.FilePath);

        /// <summary>The code actions every fixer offers for one diagnostic (nested actions flattened to their first leaf).</summary>
        public static async Task<IReadOnlyList<(CodeFixProvider Fixer, CodeAction Action)>> GetFixesAsync(Document document, Diagnostic diagnostic, ImmutableArray<CodeFixProvider> fixers)
        {
            var result = new List<(CodeFixProvider, CodeAction)>();
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                result.AddRange(actions.Select(a => (fixer, Leaf(a))));
            }

            return result;
        }

        private static CodeAction Leaf(CodeAction action)
        {
            while (!action.NestedActions.IsDefaultOrEmpty)
            {
                action = action.NestedActions[0];
            }

            return action;
        }

        /// <summary>Applies the action's operations and returns the changed solution (or the input when it changes nothing).</summary>
        public static async Task<Solution> ApplyAsync(Solution original, CodeAction action)
        {
            var solution = original;
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            foreach (var apply in operations.OfType<ApplyChangesOperation>())
            {
                solution = apply.ChangedSolution;
            }

            // Materialize every changed document: fixers that build trees lazily fail here, not later.
            foreach (var projectChanges in solution.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(projectChanges.GetAddedDocuments()))
                {
                    var document = solution.GetDocument(id);
                    if (document is not null)
                    {
                        await document.GetTextAsync();
                        await document.GetSyntaxRootAsync();
                    }
                }
            }

            return solution;
        }

        /// <summary>
        /// Asks every fixer for every diagnostic and applies the first action; returns the exceptions thrown along the way.
        /// </summary>
        public static async Task<IReadOnlyList<string>> ExerciseFixersAsync(Project project, IEnumerable<Diagnostic> diagnostics, ImmutableArray<CodeFixProvider> fixers)
        {
            var failures = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                var document = FindDocument(project, diagnostic.Location.SourceTree);
                if (document is null)
                {
                    continue;
                }

                try
                {
                    var fixes = await GetFixesAsync(document, diagnostic, fixers);
                    if (fixes.Count > 0)
                    {
                        await ApplyAsync(project.Solution, fixes[0].Action);
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{Describe(diagnostic)}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }

            return failures;
        }

        /// <summary>A diagnostic provider for Fix All that serves precomputed analyzer diagnostics.</summary>
        public sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(_diagnostics.Where(d => d.Location == Location.None || !d.Location.IsInSource));
        }

        // ---------------------------------------------------------------- text helpers

        /// <summary>
        /// Gives every copy of a file its own namespace by appending <paramref name="suffix"/> to the name of the first
        /// namespace declaration (file-scoped or block). Returns the new text and where the suffix went (-1 when the file
        /// declares no namespace).
        /// </summary>
        public static (string Text, int InsertedAt) SuffixFirstNamespace(string text, string suffix)
        {
            var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
            var ns = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            if (ns is null || ns.Name.IsMissing)
            {
                return (text, -1);
            }

            var at = ns.Name.Span.End;
            return (text.Substring(0, at) + suffix + text.Substring(at), at);
        }

        /// <summary>
        /// Appends <paramref name="suffix"/> to the name of every namespace declared at the top of the file. Returns the
        /// new text and the positions (in the old text) where the suffix went; empty when the file declares no namespace.
        /// </summary>
        public static (string Text, IReadOnlyList<int> InsertedAt) SuffixTopLevelNamespaces(string text, string suffix, ISet<string>? copiedNamespaces = null)
        {
            var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
            var positions = root.ChildNodes().OfType<BaseNamespaceDeclarationSyntax>()
                .Where(ns => !ns.Name.IsMissing)
                .Select(ns => ns.Name.Span.End)
                .ToList();

            // using directives of namespaces that are copied too point to the copies, so each copy only sees copies
            // (rules that look across files, such as parameters judged at their call sites, then find the same facts).
            if (copiedNamespaces is not null)
            {
                positions.AddRange(root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                    .OfType<UsingDirectiveSyntax>()
                    .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name is { } name && copiedNamespaces.Contains(name.ToString()))
                    .Select(u => u.Name!.Span.End));
            }

            positions.Sort();
            var builder = new System.Text.StringBuilder(text);
            for (var i = positions.Count - 1; i >= 0; i--)
            {
                builder.Insert(positions[i], suffix);
            }

            return (builder.ToString(), positions);
        }

        /// <summary>Every token of the text (end-of-file excluded).</summary>
        public static IReadOnlyList<SyntaxToken> Tokens(SyntaxTree tree) =>
            tree.GetRoot().DescendantTokens(descendIntoTrivia: false).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();

        /// <summary>Evenly spaced, deterministic subset of at most <paramref name="max"/> items (first and last kept).</summary>
        public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int max)
        {
            if (items.Count <= max)
            {
                return items;
            }

            var result = new List<T>(max);
            for (var i = 0; i < max; i++)
            {
                result.Add(items[(int)((long)i * (items.Count - 1) / (max - 1))]);
            }

            return result.Distinct().ToList();
        }
    }
}
