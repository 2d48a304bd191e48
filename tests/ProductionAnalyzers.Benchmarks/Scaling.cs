using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--scaling</c>: the generated backend at 1×, 2× and 4× a base number of files, one compilation each. Prints the
    /// package's and each analyzer's time per 1,000 lines at every size and how the per-line cost grows per doubling;
    /// a linear package keeps it flat. Limit: at most 1.25× per doubling (a verdict line says whether it holds).
    /// </summary>
    internal static class Scaling
    {
        public const double MaxGrowthPerDoubling = 1.25;

        /// <summary>Analyzers smaller than this share of the package at the largest size are listed but not judged: their per-line figures are noise.</summary>
        private const double JudgedShareOfPackage = 0.05;

        public static async Task<int> RunAsync(int baseFiles, int seed, int warmup, int repetitions, bool concurrent, string? jsonPath,
            ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            Console.WriteLine($"ProductionAnalyzers scaling run: generated backend at 1x, 2x, 4x {baseFiles} files, seed {seed}, {warmup} warmup + {repetitions} repetitions each, {(concurrent ? "concurrent" : "single-threaded")}");
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilationOptions = Measurement.CompilationOptions(analyzers, concurrent);
            var results = new List<Measured>();
            foreach (var factor in new[] { 1, 2, 4 })
            {
                var files = new BackendGenerator(seed).Generate(baseFiles * factor).ToList();
                var lines = files.Sum(f => (long)f.Text.Count(c => c == '\n'));
                var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, System.Text.Encoding.UTF8), parseOptions, path: f.Path)).ToImmutableArray();
                Console.WriteLine();
                Console.WriteLine($"== {factor}x: {files.Count:N0} files, {lines:N0} lines");
                var measured = await Measurement.MeasureAsync(
                    $"{factor}x", files.Count, lines, () => CSharpCompilation.Create("GeneratedBackend", trees, references, compilationOptions),
                    analyzers, warmup, repetitions, concurrent, Console.WriteLine);
                results.Add(measured);
                Measurement.PrintTable(measured);
                Measurement.PrintExceptions(measured.Exceptions);
            }

            Console.WriteLine();
            // Judged on the threads' CPU time where it was measured (the wall clock of a shared machine moves with its load),
            // else on the driver's telemetry.
            var cpu = results.All(r => r.HasCpu);
            double PackageOf(Measured r) => cpu ? r.PackageCpuMs : r.PackageMs;
            double AnalyzerOf(Measured r, string name) => r.Analyzers.FirstOrDefault(a => a.Name == name) is { } a ? (cpu ? a.CpuMs : a.Ms) : 0;
            Console.WriteLine("| size | files | lines | compile ms | package ms (telemetry) | package ÷ compile | package ms / 1,000 lines | compile CPU ms | package CPU ms | package ÷ compile (CPU) | package CPU ms / 1,000 lines |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in results)
            {
                Console.WriteLine($"| {r.Name} | {r.Files:N0} | {r.Lines:N0} | {r.CompileMs:0} | {r.PackageMs:0} | {r.PackagePercent:0.00}% | {r.PackageMsPerKLine:0.00} | " +
                                  (r.HasCpu ? $"{r.CompileCpuMs:0} | {r.PackageCpuMs:0} | {r.PackageCpuPercent:0.00}% | {r.PackageCpuMs * 1000 / r.Lines:0.00} |" : "- | - | - | - |"));
            }

            // Growth of the per-line cost per doubling: package, then each analyzer that matters at the largest size.
            var largest = results[^1];
            var verdicts = new List<(string Name, double[] Growth, bool Judged)>();
            verdicts.Add(("package", Growth(results, PackageOf), true));
            foreach (var analyzer in largest.Analyzers)
            {
                var judged = PackageOf(largest) > 0 && AnalyzerOf(largest, analyzer.Name) >= JudgedShareOfPackage * PackageOf(largest);
                verdicts.Add((analyzer.Name, Growth(results, r => AnalyzerOf(r, analyzer.Name)), judged));
            }

            Console.WriteLine();
            Console.WriteLine($"Per-line cost growth per doubling, {(cpu ? "CPU time" : "driver telemetry")} (limit x{MaxGrowthPerDoubling.ToString("0.00", CultureInfo.InvariantCulture)}; analyzers under {JudgedShareOfPackage:P0} of the package at 4x are shown, not judged):");
            foreach (var (name, growth, judged) in verdicts)
            {
                var over = judged && growth.Any(g => g > MaxGrowthPerDoubling);
                Console.WriteLine($"  {name,-40} 1x->2x x{growth[0]:0.00}   2x->4x x{growth[1]:0.00}   {(judged ? (over ? "SUPERLINEAR" : "ok") : "(not judged)")}");
            }

            // The compile's own per-line cost on the same runs: when it moves by the same factor as the analyzers (the machine,
            // the garbage collector, caches), the analyzers' growth divided by it shows what is theirs. Shown, not judged: the
            // verdict stays on the analyzers' own per-line cost.
            var compileGrowth = Growth(results, r => cpu ? r.CompileCpuMs : r.CompileMs);
            Console.WriteLine($"  {"compile itself (shown, not judged)",-40} 1x->2x x{compileGrowth[0]:0.00}   2x->4x x{compileGrowth[1]:0.00}");
            Console.WriteLine("Relative to the compile's own growth (analyzer growth / compile growth; shown, not judged):");
            foreach (var (name, growth, judged) in verdicts.Where(v => v.Judged))
            {
                Console.WriteLine($"  {name,-40} 1x->2x x{Relative(growth[0], compileGrowth[0]):0.00}   2x->4x x{Relative(growth[1], compileGrowth[1]):0.00}");
            }

            var failed = verdicts.Where(v => v.Judged && v.Growth.Any(g => g > MaxGrowthPerDoubling)).Select(v => v.Name).ToList();
            Console.WriteLine(failed.Count == 0
                ? $"SCALING VERDICT: OK — per-line cost grows at most x{verdicts.Where(v => v.Judged).SelectMany(v => v.Growth).DefaultIfEmpty(0).Max():0.00} per doubling (limit x{MaxGrowthPerDoubling:0.00})"
                : $"SCALING VERDICT: OVER — per-line cost grows more than x{MaxGrowthPerDoubling:0.00} per doubling for {string.Join(", ", failed)}");

            var exceptions = results.SelectMany(r => r.Exceptions).Distinct().ToList();
            var summary = new
            {
                baseFiles,
                seed,
                repetitions,
                sizes = results.Select(r => new
                {
                    name = r.Name, files = r.Files, lines = r.Lines, compileMs = Math.Round(r.CompileMs, 1), packageMs = Math.Round(r.PackageMs, 1),
                    packagePercentOfCompile = Math.Round(r.PackagePercent, 2), packageMsPerKLine = Math.Round(r.PackageMsPerKLine, 3),
                    compileCpuMs = r.HasCpu ? Math.Round(r.CompileCpuMs, 1) : (double?)null, packageCpuMs = r.HasCpu ? Math.Round(r.PackageCpuMs, 1) : (double?)null,
                    packageCpuPercentOfCompile = r.HasCpu ? Math.Round(r.PackageCpuPercent, 2) : (double?)null,
                }),
                judgedOn = cpu ? "cpu" : "telemetry",
                growthPerDoubling = verdicts.Select(v => new { name = v.Name, growth = v.Growth.Select(g => Math.Round(g, 2)), judged = v.Judged }),
                compileGrowthPerDoubling = compileGrowth.Select(g => Math.Round(g, 2)),
                scalingOk = failed.Count == 0,
                analyzerExceptions = exceptions.Count,
            };
            Console.WriteLine("SCALING_SUMMARY " + JsonSerializer.Serialize(summary));
            if (jsonPath is not null)
            {
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            }

            return exceptions.Count > 0 ? 1 : 0;
        }

        private static double Relative(double growth, double compileGrowth) => compileGrowth > 0 ? growth / compileGrowth : 0;

        /// <summary>Per-line cost at each size divided by that at the size before (1x->2x, 2x->4x).</summary>
        private static double[] Growth(List<Measured> results, Func<Measured, double> ms)
        {
            var perLine = results.Select(r => r.Lines > 0 ? ms(r) / r.Lines : 0).ToList();
            return Enumerable.Range(1, perLine.Count - 1).Select(i => perLine[i - 1] > 0 ? perLine[i] / perLine[i - 1] : 0).ToArray();
        }
    }
}
