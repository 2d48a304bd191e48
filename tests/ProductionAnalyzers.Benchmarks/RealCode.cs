using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--realcode DIR</c>: what the package costs on a real code base on disk. The whole tree as one compilation and
    /// each of the largest projects (a folder with a <c>*.csproj</c>, its files minus those of nested projects, the SDK's
    /// implicit usings when the project enables them) as one compilation each, compiled against the benchmark's references
    /// (net10.0, ASP.NET Core, EF Core, Dapper, Npgsql, Serilog, NLog; other packages stay unresolved, as in the sweep).
    /// For each: compile only against compile with the package, the same ratio table as the generated run, analyzer time
    /// per 1,000 lines, and every analyzer exception. By default product code only: test projects (a <c>test</c> or
    /// <c>tests</c> folder, a project named <c>*Test*</c>), EF Core <c>Migrations</c> folders and <c>*.Designer.cs</c>
    /// are left out (<c>--all-files</c> keeps them).
    /// </summary>
    internal static class RealCode
    {
        internal sealed class Options
        {
            public int Top { get; set; } = 10;
            public bool Whole { get; set; } = true;
            public bool AllFiles { get; set; }
            public int Warmup { get; set; } = 1;
            public int Repetitions { get; set; } = 3;
            public bool Concurrent { get; set; }
            public string? JsonPath { get; set; }
        }

        public static async Task<int> RunAsync(string root, Options options, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            root = Path.GetFullPath(root);
            if (!Directory.Exists(root))
            {
                Console.Error.WriteLine($"no such folder: {root}");
                return 2;
            }

            var projects = Sweep.Discover(root, options.AllFiles ? null : file => IsTestOrGenerated(root, file));
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET8_0_OR_GREATER" });
            var compilationOptions = Measurement.CompilationOptions(analyzers, options.Concurrent, allowUnsafe: true);

            // Parse every file once; all compilations share the trees.
            var parsed = new Dictionary<string, (SyntaxTree Tree, int Lines)>(StringComparer.Ordinal);
            foreach (var file in projects.SelectMany(p => p.Files))
            {
                var text = SourceText.From(File.ReadAllText(file), Encoding.UTF8);
                parsed[file] = (CSharpSyntaxTree.ParseText(text, parseOptions, file), text.Lines.Count);
            }

            long LinesOf(IEnumerable<string> files) => files.Sum(f => (long)parsed[f].Lines);
            SyntaxTree Usings(IEnumerable<string> usings, string name) =>
                CSharpSyntaxTree.ParseText(string.Concat(usings.Distinct(StringComparer.Ordinal).OrderBy(u => u, StringComparer.Ordinal).Select(u => $"global using global::{u};\n")), parseOptions, name);

            Console.WriteLine($"ProductionAnalyzers real-code benchmark: {root}");
            Console.WriteLine($"  {projects.Count} projects, {parsed.Count:N0} files, {LinesOf(parsed.Keys):N0} lines ({(options.AllFiles ? "all files" : "product code: tests, Migrations folders and *.Designer.cs left out")})");
            // Files that do not parse (preprocessor branches the benchmark does not define, newer syntax): the rules' half-typed-code paths run there.
            Console.WriteLine($"  files with syntax errors: {parsed.Values.Count(p => p.Tree.GetRoot().ContainsDiagnostics):N0}");
            Console.WriteLine($"  {options.Warmup} warmup + {options.Repetitions} repetitions per compilation, {(options.Concurrent ? "concurrent" : "single-threaded")} compile and analysis; runtime {Environment.Version}, {Environment.ProcessorCount} cores, Roslyn {typeof(Compilation).Assembly.GetName().Version}");

            var targets = new List<(string Name, List<string> Files, ImmutableArray<string> Usings, ImmutableDictionary<string, string> Properties)>();
            if (options.Whole)
            {
                targets.Add(("(whole tree)", projects.SelectMany(p => p.Files).ToList(), projects.SelectMany(p => p.ImplicitUsings).ToImmutableArray(), ImmutableDictionary<string, string>.Empty));
            }

            targets.AddRange(projects
                .OrderByDescending(p => LinesOf(p.Files))
                .Take(options.Top)
                .Select(p => (Sweep.Relative(root, p.Folder), p.Files, p.ImplicitUsings, p.BuildProperties)));

            var results = new List<Measured>();
            foreach (var (name, files, usings, properties) in targets)
            {
                var trees = files.Select(f => parsed[f].Tree).ToList();
                if (!usings.IsEmpty)
                {
                    trees.Add(Usings(usings, "ImplicitUsings.g.cs"));
                }

                var lines = LinesOf(files);
                Console.WriteLine();
                Console.WriteLine($"== {name}: {files.Count:N0} files, {lines:N0} lines");
                var assemblyName = name.StartsWith('(') ? "WholeTree" : Path.GetFileName(name);
                var measured = await Measurement.MeasureAsync(
                    name, files.Count, lines, () => CSharpCompilation.Create(assemblyName, trees, references, compilationOptions),
                    analyzers, options.Warmup, options.Repetitions, options.Concurrent, Console.WriteLine, properties);
                results.Add(measured);
                Console.WriteLine($"Compiler errors (packages the benchmark does not reference stay unresolved): {measured.CompilerErrors:N0}");
                Measurement.PrintTable(measured);
                Console.WriteLine($"Analyzer time per 1,000 lines: {measured.PackageMsPerKLine:0.00} ms (compile {measured.CompileMs * 1000 / Math.Max(1, lines):0.0} ms)" +
                                  (measured.HasCpu ? $"; CPU: package {measured.PackageCpuMs * 1000 / Math.Max(1, lines):0.00} ms, compile {measured.CompileCpuMs * 1000 / Math.Max(1, lines):0.0} ms" : ""));
                Console.WriteLine($"Findings: {(measured.Diagnostics.Count == 0 ? "none" : string.Join(", ", measured.Diagnostics.Select(p => $"{p.Key} x{p.Value}")))}");
                Measurement.PrintExceptions(measured.Exceptions);
            }

            PrintSummary(results);
            var exceptions = results.SelectMany(r => r.Exceptions).Distinct().ToList();
            var summary = new
            {
                root = Path.GetFileName(root),
                repetitions = options.Repetitions,
                concurrent = options.Concurrent,
                cores = Environment.ProcessorCount,
                compilations = results.Select(r => new
                {
                    name = r.Name,
                    files = r.Files,
                    lines = r.Lines,
                    compileMs = Math.Round(r.CompileMs, 1),
                    packageMs = Math.Round(r.PackageMs, 1),
                    packagePercentOfCompile = Math.Round(r.PackagePercent, 2),
                    packageMsPerKLine = Math.Round(r.PackageMsPerKLine, 2),
                    analyzers = r.Analyzers.Select(a => new
                    {
                        name = a.Name, ids = a.Ids, ms = Math.Round(a.Ms, 1), percentOfCompile = Math.Round(r.Percent(a.Ms), 2),
                        cpuMs = r.HasCpu ? Math.Round(a.CpuMs, 1) : (double?)null, cpuPercentOfCompile = r.HasCpu ? Math.Round(r.CpuPercent(a.CpuMs), 2) : (double?)null,
                    }),
                    compileCpuMs = r.HasCpu ? Math.Round(r.CompileCpuMs, 1) : (double?)null,
                    packageCpuMs = r.HasCpu ? Math.Round(r.PackageCpuMs, 1) : (double?)null,
                    packageCpuPercentOfCompile = r.HasCpu ? Math.Round(r.PackageCpuPercent, 2) : (double?)null,
                    withinTargets = r.WithinTargets,
                    withinTargetsCpu = r.HasCpu ? r.WithinTargetsCpu : (bool?)null,
                    analyzerExceptions = r.Exceptions.Count,
                }),
                withinTargets = results.All(r => r.WithinTargets),
                withinTargetsCpu = results.All(r => r.HasCpu) ? results.All(r => r.WithinTargetsCpu) : (bool?)null,
                analyzerExceptions = exceptions.Count,
            };
            Console.WriteLine("REALCODE_SUMMARY " + JsonSerializer.Serialize(summary));
            if (options.JsonPath is not null)
            {
                File.WriteAllText(options.JsonPath, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            }

            return exceptions.Count > 0 ? 1 : 0;
        }

        /// <summary>One row per compilation, then how each analyzer's per-line cost on the whole tree compares with the same on the projects.</summary>
        private static void PrintSummary(List<Measured> results)
        {
            Console.WriteLine();
            Console.WriteLine("Summary (targets: package <= 3% of compile, no analyzer > 1%)");
            Console.WriteLine("Telemetry = the driver's wall-clock execution time against the wall clock of compile; CPU = the threads' CPU time in the");
            Console.WriteLine("analyzers' callbacks against the compile thread's CPU time (steadier on a busy machine).");
            Console.WriteLine($"| compilation | files | lines | compile ms | package ÷ compile (telemetry) | largest analyzer (telemetry) | targets (telemetry) | package ÷ compile (CPU) | largest analyzer (CPU) | targets (CPU) | package CPU ms / 1,000 lines |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | --- | --- | ---: |");
            foreach (var r in results)
            {
                var worst = r.Worst;
                var worstText = worst is null ? "-" : $"{worst.Ids.Split(',')[0]} {r.Percent(worst.Ms).ToString("0.00", CultureInfo.InvariantCulture)}%";
                var worstCpu = r.Analyzers.OrderByDescending(a => a.CpuMs).FirstOrDefault();
                var cpuText = !r.HasCpu ? "- | - | - | -" :
                    $"{r.PackageCpuPercent:0.00}% | {(worstCpu is null ? "-" : $"{worstCpu.Ids.Split(',')[0]} {r.CpuPercent(worstCpu.CpuMs).ToString("0.00", CultureInfo.InvariantCulture)}%")} | {(r.WithinTargetsCpu ? "met" : "NOT met")} | {r.PackageCpuMs * 1000 / Math.Max(1, r.Lines):0.00}";
                Console.WriteLine($"| {r.Name} | {r.Files:N0} | {r.Lines:N0} | {r.CompileMs:0} | {r.PackagePercent:0.00}% | {worstText} | {(r.WithinTargets ? "met" : "NOT met")} | {cpuText} |");
            }

            var whole = results.FirstOrDefault(r => r.Name.StartsWith('('));
            var parts = results.Where(r => !r.Name.StartsWith('(')).ToList();
            var partLines = parts.Sum(p => p.Lines);
            if (whole is null || parts.Count == 0 || partLines == 0 || whole.Lines == 0)
            {
                return;
            }

            // A linear analyzer costs the same per line on the whole tree as on its parts; a ratio well above 1 is a
            // path that grows with the size of the compilation (a type index, a search over every type, a cache miss).
            Console.WriteLine();
            Console.WriteLine($"Per-line cost, whole tree ({whole.Lines:N0} lines) ÷ the {parts.Count} projects above ({partLines:N0} lines), per analyzer:");
            var cpu = whole.HasCpu && parts.All(p => p.HasCpu);
            Console.WriteLine($"({(cpu ? "CPU time" : "driver telemetry")})");
            foreach (var row in whole.Analyzers)
            {
                var analyzer = cpu ? row with { Ms = row.CpuMs } : row;
                var partMs = parts.Sum(p => p.Analyzers.FirstOrDefault(a => a.Name == analyzer.Name) is { } a ? (cpu ? a.CpuMs : a.Ms) : 0);
                var wholePerLine = analyzer.Ms / whole.Lines;
                var partPerLine = partMs / partLines;
                var ratio = partPerLine > 0 ? wholePerLine / partPerLine : 0;
                Console.WriteLine($"  {analyzer.Name,-40} whole {analyzer.Ms * 1000 / whole.Lines,8:0.00} ms/1k lines, projects {partMs * 1000 / partLines,8:0.00} ms/1k lines   x{ratio:0.00}{(ratio > 1.5 && analyzer.Ms > 0.005 * whole.CompileMs ? "   grows with the compilation" : "")}");
            }
        }

        /// <summary>Test projects, EF Core migrations and designer files: not what a team's product build is made of.</summary>
        internal static bool IsTestOrGenerated(string root, string file)
        {
            var relative = Path.GetRelativePath(root, file);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var segment = segments[i];
                if (segment.Equals("test", StringComparison.OrdinalIgnoreCase) || segment.Equals("tests", StringComparison.OrdinalIgnoreCase) ||
                    segment.Equals("Migrations", StringComparison.OrdinalIgnoreCase) ||
                    segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".Test", StringComparison.OrdinalIgnoreCase) ||
                    segment.EndsWith(".IntegrationTest", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".IntegrationTests", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return relative.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase);
        }
    }
}
