using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--sweep DIR</c>: runs every analyzer of the package over a real code base on disk and reports analyzer exceptions
    /// (the crash gate on code nobody wrote for our tests) and the findings per rule. Each folder with a <c>*.csproj</c> is
    /// one compilation of the <c>.cs</c> files under it (not those of nested projects, not <c>bin</c>/<c>obj</c>), compiled
    /// against the benchmark's references; packages a project uses beyond those stay unresolved, which is intended: the
    /// analyzers must not throw on error types either. Exit code 1 when an analyzer threw.
    /// </summary>
    internal static class Sweep
    {
        /// <summary>The implicit usings of Microsoft.NET.Sdk; the Web and Worker SDKs add <see cref="HostingImplicitUsings"/> (and the Web SDK <see cref="WebImplicitUsings"/>).</summary>
        internal static readonly string[] BaseImplicitUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        private static readonly string[] HostingImplicitUsings =
        {
            "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        private static readonly string[] WebImplicitUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        };

        private const long MaxFileBytes = 1024 * 1024;

        public static async Task<int> RunAsync(string root, bool list, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            root = Path.GetFullPath(root);
            if (!Directory.Exists(root))
            {
                Console.Error.WriteLine($"no such folder: {root}");
                return 2;
            }

            var projects = Discover(root);
            Console.WriteLine($"Sweep of {root}: {projects.Count} compilations, {analyzers.Length} analyzers");
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET8_0_OR_GREATER" });
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
            var findings = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var exceptions = new ConcurrentQueue<string>();
            long files = 0, lines = 0, compilerErrors = 0;
            var watch = Stopwatch.StartNew();

            foreach (var project in projects)
            {
                var trees = new List<SyntaxTree>();
                foreach (var file in project.Files)
                {
                    var text = SourceText.From(File.ReadAllText(file), Encoding.UTF8);
                    lines += text.Lines.Count;
                    trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file));
                }

                files += project.Files.Count;
                if (!project.ImplicitUsings.IsEmpty)
                {
                    trees.Add(CSharpSyntaxTree.ParseText(string.Concat(project.ImplicitUsings.Select(u => $"global using global::{u};\n")), parseOptions, "ImplicitUsings.g.cs"));
                }

                var compilation = CSharpCompilation.Create(Path.GetFileName(project.Folder), trees, references, options);
                compilerErrors += compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var withAnalyzers = compilation.WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                        (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} in {Relative(root, project.Folder)}: {diagnostic.GetMessage()}\n{exception}"),
                        concurrentAnalysis: true,
                        logAnalyzerExecutionTime: false));
                foreach (var diagnostic in await withAnalyzers.GetAnalyzerDiagnosticsAsync())
                {
                    if (diagnostic.Id == "AD0001")
                    {
                        exceptions.Enqueue(diagnostic.ToString());
                        continue;
                    }

                    findings[diagnostic.Id] = findings.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
                    if (list)
                    {
                        var span = diagnostic.Location.GetLineSpan();
                        Console.WriteLine($"{diagnostic.Id} {Relative(root, span.Path)}:{span.StartLinePosition.Line + 1}: {diagnostic.GetMessage()}");
                    }
                }
            }

            Console.WriteLine($"Analyzed {files:N0} files, {lines:N0} lines in {watch.Elapsed.TotalSeconds:0} s; compiler errors (unresolved packages): {compilerErrors:N0}");
            Console.WriteLine("Findings: " + (findings.Count == 0 ? "none" : string.Join(", ", findings.Select(f => $"{f.Key} x{f.Value}"))));
            Console.WriteLine($"Analyzer exceptions: {exceptions.Count}");
            foreach (var exception in exceptions.Distinct().Take(20))
            {
                Console.WriteLine(exception);
            }

            return exceptions.IsEmpty ? 0 : 1;
        }

        internal sealed record Project(string Folder, List<string> Files, ImmutableArray<string> ImplicitUsings)
        {
            /// <summary>
            /// The MSBuild properties the package's build props make visible to the analyzers (<c>build_property.*</c>), as the
            /// project file states them: its SDK (web, worker) and its <c>OutputType</c> (the SDKs' defaults when absent).
            /// </summary>
            public ImmutableDictionary<string, string> BuildProperties { get; init; } = ImmutableDictionary<string, string>.Empty;
        }

        /// <summary>
        /// One project per folder with a <c>*.csproj</c>; its files are those not under a nested project folder. With
        /// <paramref name="skip"/>, files (full paths) for which it returns true are left out.
        /// </summary>
        internal static List<Project> Discover(string root, Func<string, bool>? skip = null)
        {
            var projectFolders = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(path))
                .Select(path => Path.GetDirectoryName(path)!)
                .Distinct()
                .OrderByDescending(folder => folder.Length)
                .ToList();
            var byFolder = projectFolders.ToDictionary(folder => folder, folder => new List<string>());
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                if (IsBuildOutput(file) || new FileInfo(file).Length > MaxFileBytes || (skip is not null && skip(file)))
                {
                    continue;
                }

                // The deepest project folder that holds the file (the list is sorted longest first).
                var owner = projectFolders.FirstOrDefault(folder => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
                if (owner is not null)
                {
                    byFolder[owner].Add(file);
                }
            }

            return byFolder
                .Where(pair => pair.Value.Count > 0)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new Project(pair.Key, pair.Value, ImplicitUsingsOf(pair.Key)) { BuildProperties = BuildPropertiesOf(pair.Key) })
                .ToList();
        }

        /// <summary>The global usings the project's SDK adds when it enables implicit usings (none when it does not).</summary>
        internal static ImmutableArray<string> ImplicitUsingsOf(string folder)
        {
            var project = Directory.EnumerateFiles(folder, "*.csproj").Select(File.ReadAllText).FirstOrDefault() ?? "";
            if (project.IndexOf("<ImplicitUsings>enable", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return ImmutableArray<string>.Empty;
            }

            var usings = ImmutableArray.CreateBuilder<string>();
            usings.AddRange(BaseImplicitUsings);
            if (project.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || project.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(HostingImplicitUsings);
            }

            if (project.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(WebImplicitUsings);
            }

            return usings.ToImmutable();
        }

        internal static ImmutableDictionary<string, string> BuildPropertiesOf(string folder)
        {
            var project = Directory.EnumerateFiles(folder, "*.csproj").Select(File.ReadAllText).FirstOrDefault() ?? "";
            var web = project.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
            var worker = project.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);
            var outputType = System.Text.RegularExpressions.Regex.Match(project, "<OutputType>\\s*([A-Za-z]+)\\s*</OutputType>", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            var properties = ImmutableDictionary.CreateBuilder<string, string>();
            properties["build_property.OutputType"] = outputType.Success ? outputType.Groups[1].Value : web || worker ? "Exe" : "Library";
            properties["build_property.UsingMicrosoftNETSdkWeb"] = web ? "true" : "";
            properties["build_property.UsingMicrosoftNETSdkWorker"] = worker ? "true" : "";
            return properties.ToImmutable();
        }

        private static bool IsBuildOutput(string path)
        {
            var separator = Path.DirectorySeparatorChar;
            return path.Contains($"{separator}bin{separator}", StringComparison.Ordinal) || path.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
        }

        internal static string Relative(string root, string path) => Path.GetRelativePath(root, path);
    }
}
