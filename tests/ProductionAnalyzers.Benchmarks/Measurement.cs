using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>One analyzer's execution time (median of the measured runs, and each run's figure).</summary>
    internal sealed record AnalyzerTime(string Name, string Ids, double Ms, IReadOnlyList<double> PerRun, double CpuMs = double.NaN, double AllocatedMb = double.NaN, double Callbacks = double.NaN);

    /// <summary>What one compilation cost: compile only, and each analyzer of the package (driver telemetry), medians.</summary>
    internal sealed record Measured(
        string Name,
        int Files,
        long Lines,
        int CompilerErrors,
        double CompileMs,
        IReadOnlyList<AnalyzerTime> Analyzers,
        IReadOnlyList<string> Exceptions,
        IReadOnlyDictionary<string, int> Diagnostics,
        double CompileCpuMs = double.NaN,
        double TimingOverheadNs = double.NaN)
    {
        public double PackageMs => Analyzers.Sum(a => a.Ms);

        /// <summary>Whether thread CPU times were measured (compile and each analyzer's callbacks).</summary>
        public bool HasCpu => !double.IsNaN(CompileCpuMs);

        public double PackageCpuMs => Analyzers.Sum(a => a.CpuMs);

        public double CpuPercent(double cpuMs) => CompileCpuMs > 0 ? 100.0 * cpuMs / CompileCpuMs : 0;

        public double PackageCpuPercent => CpuPercent(PackageCpuMs);

        public bool WithinTargetsCpu => HasCpu && PackageCpuPercent <= Measurement.PackageTargetPercent && Analyzers.All(a => CpuPercent(a.CpuMs) <= Measurement.AnalyzerTargetPercent);

        public double Percent(double ms) => CompileMs > 0 ? 100.0 * ms / CompileMs : 0;

        public double PackagePercent => Percent(PackageMs);

        public AnalyzerTime? Worst => Analyzers.OrderByDescending(a => a.Ms).FirstOrDefault();

        /// <summary>Analyzer time per 1,000 lines of code.</summary>
        public double PackageMsPerKLine => Lines > 0 ? PackageMs * 1000.0 / Lines : 0;

        public bool WithinTargets => PackagePercent <= Measurement.PackageTargetPercent && Analyzers.All(a => Percent(a.Ms) <= Measurement.AnalyzerTargetPercent);
    }

    /// <summary>
    /// Compile-only against compile-with-the-package on fresh compilations of the same syntax trees: warmups, then measured
    /// repetitions, medians. Used by the real-code mode and the scaling run; the generated run prints the same table.
    /// </summary>
    internal static class Measurement
    {
        public const double PackageTargetPercent = 3.0;
        public const double AnalyzerTargetPercent = 1.0;

        /// <summary>Compilation options as in the generated run: single-threaded unless asked, every rule of the package on (also those off by default).</summary>
        public static CSharpCompilationOptions CompilationOptions(ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent, bool allowUnsafe = false) =>
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: concurrent,
                allowUnsafe: allowUnsafe,
                specificDiagnosticOptions: analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => !d.IsEnabledByDefault).Select(d => d.Id).Distinct().ToDictionary(id => id, _ => ReportDiagnostic.Warn));

        /// <summary>
        /// <c>--no-cpu</c>: run the package's analyzers unwrapped, so that the driver's telemetry and the analysis wall clock
        /// carry no clock readings (the CPU-time wrapper costs a system call per callback, which the telemetry counts).
        /// </summary>
        public static bool NoCpu { get; set; }

        /// <summary>Rule IDs whose diagnostics are printed (file:line, message) after the first measured run; empty: none.</summary>
        public static IReadOnlySet<string> Print { get; set; } = new HashSet<string>();

        public static async Task<Measured> MeasureAsync(
            string name,
            int files,
            long lines,
            Func<Compilation> newCompilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            int warmup,
            int repetitions,
            bool concurrent,
            Action<string>? progress = null,
            IReadOnlyDictionary<string, string>? buildProperties = null)
        {
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(buildProperties ?? new Dictionary<string, string>()));
            var compileTimes = new List<double>();
            var compileCpuTimes = new List<double>();

            // Thread CPU time is measured where compile and analysis run on one thread each (not with --concurrent).
            var cpu = !concurrent && !NoCpu && ThreadClock.IsCpuTime;
            var timed = cpu ? analyzers.Select(a => new CpuTimedAnalyzer(a)).ToImmutableArray() : ImmutableArray<CpuTimedAnalyzer>.Empty;
            var probe = new CpuTimedAnalyzer(new EmptyOperationAnalyzer());
            var overheads = new List<double>();
            var perAnalyzerCpu = analyzers.ToDictionary(a => a, _ => new List<double>());
            var perAnalyzerAllocated = analyzers.ToDictionary(a => a, _ => new List<double>());
            var perAnalyzerCallbacks = analyzers.ToDictionary(a => a, _ => new List<double>());
            var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
            var exceptions = new ConcurrentQueue<string>();
            var diagnostics = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var compilerErrors = 0;

            for (var iteration = 0; iteration < warmup + repetitions; iteration++)
            {
                var measured = iteration >= warmup;

                Collect();
                var compilation = newCompilation();
                var cpuStart = ThreadClock.Now();
                var watch = Stopwatch.StartNew();
                var compilerDiagnostics = compilation.GetDiagnostics();
                watch.Stop();
                var compileCpu = (ThreadClock.Now() - cpuStart) / 1_000_000.0;
                compilerErrors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                if (measured)
                {
                    compileTimes.Add(watch.Elapsed.TotalMilliseconds);
                    compileCpuTimes.Add(compileCpu);
                }

                Collect();
                var packageWatch = Stopwatch.StartNew();
                foreach (var t in timed)
                {
                    t.Reset();
                }

                probe.Reset();

                var withAnalyzers = newCompilation().WithAnalyzers(
                    cpu ? timed.CastArray<DiagnosticAnalyzer>().Add(probe) : analyzers,
                    new CompilationWithAnalyzersOptions(
                        analyzerOptions,
                        (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
                        concurrentAnalysis: concurrent,
                        logAnalyzerExecutionTime: true,
                        reportSuppressedDiagnostics: false));
                var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
                packageWatch.Stop();
                foreach (var crash in result.GetAllDiagnostics().Where(d => d.Id == "AD0001"))
                {
                    exceptions.Enqueue(crash.GetMessage(CultureInfo.InvariantCulture));
                }

                if (measured)
                {
                    var overhead = probe.Callbacks > 0 ? probe.RawNanoseconds / (double)probe.Callbacks : ThreadClock.ReadingCostNs;
                    overheads.Add(overhead);
                    for (var i = 0; i < analyzers.Length; i++)
                    {
                        var analyzer = analyzers[i];
                        DiagnosticAnalyzer key = cpu ? timed[i] : analyzer;
                        perAnalyzer[analyzer].Add(result.AnalyzerTelemetryInfo.TryGetValue(key, out var telemetry) ? telemetry.ExecutionTime.TotalMilliseconds : 0);
                        if (cpu)
                        {
                            perAnalyzerCpu[analyzer].Add(timed[i].Milliseconds(overhead));
                            perAnalyzerAllocated[analyzer].Add(timed[i].AllocatedBytes / (1024.0 * 1024.0));
                            perAnalyzerCallbacks[analyzer].Add(timed[i].Callbacks);
                        }
                    }

                    if (diagnostics.Count == 0)
                    {
                        PrintFindings(name, result.GetAllDiagnostics());
                        foreach (var group in result.GetAllDiagnostics().Where(d => d.Id != "AD0001").GroupBy(d => d.Id))
                        {
                            diagnostics[group.Key] = group.Count();
                        }
                    }
                }

                progress?.Invoke($"  {name}: {(measured ? "run" : "warmup")} {iteration + 1}: compile {watch.Elapsed.TotalMilliseconds:0} ms{(cpu ? $" (CPU {compileCpu:0} ms)" : "")}, analysis {packageWatch.Elapsed.TotalMilliseconds:0} ms" +
                                 (measured ? $", package telemetry {perAnalyzer.Values.Sum(v => v[^1]):0} ms{(cpu ? $" (CPU {perAnalyzerCpu.Values.Sum(v => v[^1]):0} ms)" : "")}" : ""));
            }

            var rows = analyzers
                .Select(a => new AnalyzerTime(a.GetType().Name, string.Join(",", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), Median(perAnalyzer[a]), perAnalyzer[a],
                                              cpu ? Median(perAnalyzerCpu[a]) : double.NaN, cpu ? Median(perAnalyzerAllocated[a]) : double.NaN, cpu ? Median(perAnalyzerCallbacks[a]) : double.NaN))
                .OrderByDescending(r => r.Ms)
                .ToList();
            return new Measured(name, files, lines, compilerErrors, Median(compileTimes), rows, exceptions.Distinct().ToList(), diagnostics,
                                cpu ? Median(compileCpuTimes) : double.NaN, cpu ? Median(overheads) : double.NaN);
        }

        /// <summary>The ratio table: package and each analyzer against compile time, with the targets, and each run's figure.</summary>
        public static void PrintTable(Measured m)
        {
            Console.WriteLine($"Compile only (GetDiagnostics), median       {m.CompileMs,10:0.0} ms");
            Console.WriteLine($"Package analyzers (driver telemetry), sum   {m.PackageMs,10:0.0} ms   {m.PackagePercent,6:0.00}% of compile   (target <= {PackageTargetPercent}%)  {(m.PackagePercent <= PackageTargetPercent ? "OK" : "OVER")}");
            foreach (var row in m.Analyzers)
            {
                Console.WriteLine($"  {row.Name,-40} {row.Ms,10:0.0} ms   {m.Percent(row.Ms),6:0.00}% of compile   (target <= {AnalyzerTargetPercent}%)  {(m.Percent(row.Ms) <= AnalyzerTargetPercent ? "OK" : "OVER")}   [{row.Ids}]");
            }

            // Each run's figure, so that a run in which a collection landed inside one analyzer's callback stands out.
            Console.WriteLine("Per run (ms): " + string.Join("; ", m.Analyzers.Select(a => $"{a.Ids.Split(',')[0]} {string.Join(" ", a.PerRun.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}")));
            if (m.HasCpu)
            {
                // The same on the CPU time of the threads (compile on its thread, each analyzer inside its callbacks): what
                // the work costs, without the time the threads waited for a core on a busy machine.
                Console.WriteLine($"CPU time (thread clock; {m.TimingOverheadNs:0} ns per callback deducted, what an empty timed callback cost in the same run):");
                Console.WriteLine($"  compile {m.CompileCpuMs:0.0} ms, package {m.PackageCpuMs:0.0} ms = {m.PackageCpuPercent:0.00}% of compile  {(m.PackageCpuPercent <= PackageTargetPercent ? "OK" : "OVER")}; " +
                                  string.Join(", ", m.Analyzers.OrderByDescending(a => a.CpuMs).Select(a => $"{a.Ids.Split(',')[0]} {a.CpuMs:0.0} ms {m.CpuPercent(a.CpuMs):0.00}%{(m.CpuPercent(a.CpuMs) <= AnalyzerTargetPercent ? "" : " OVER")}")));
                Console.WriteLine("Allocated inside the callbacks (MB; garbage the collector must clear, its pauses are in the telemetry): " +
                                  string.Join(", ", m.Analyzers.OrderByDescending(a => a.AllocatedMb).Select(a => $"{a.Ids.Split(',')[0]} {a.AllocatedMb:0.0}")));
                // How many callbacks each analyzer took and what one cost on average: an analyzer whose cost is its callback
                // count needs narrower registration, one whose cost is per callback needs a cheaper test.
                Console.WriteLine("Callbacks (thousands; CPU ns per callback, timing deducted): " +
                                  string.Join(", ", m.Analyzers.OrderByDescending(a => a.Callbacks).Select(a => $"{a.Ids.Split(',')[0]} {a.Callbacks / 1000.0:0.0} ({(a.Callbacks > 0 ? a.CpuMs * 1_000_000.0 / a.Callbacks : 0):0})")));
            }
        }

        private static void PrintFindings(string name, ImmutableArray<Diagnostic> all)
        {
            if (Print.Count == 0)
            {
                return;
            }

            foreach (var d in all.Where(d => Print.Contains(d.Id))
                         .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
            {
                var line = d.Location.GetLineSpan();
                Console.WriteLine($"  [{name}] {d.Id} {line.Path}:{line.StartLinePosition.Line + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        public static void PrintExceptions(IReadOnlyCollection<string> exceptions)
        {
            Console.WriteLine($"Analyzer exceptions (AD0001): {exceptions.Count}");
            foreach (var exception in exceptions.Take(20))
            {
                Console.WriteLine("  " + exception);
            }
        }

        public static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        public static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>Global analyzer options only (what an .editorconfig-free build with the package's visible properties gives).</summary>
    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> global) => GlobalOptions = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public Options(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                if (_values.TryGetValue(key, out var found) && found.Length > 0)
                {
                    value = found;
                    return true;
                }

                value = null;
                return false;
            }
        }
    }
}
