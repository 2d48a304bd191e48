using System.Runtime;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// What does the package cost a build? Generates a realistic backend code base (fixed seed), then, on the same
    /// syntax trees, measures: compile only (<c>GetDiagnostics</c>), compile + every analyzer of the package (with
    /// per-analyzer execution time from the analyzer driver's telemetry), and compile + a "floor" analyzer that
    /// registers the same kinds of callbacks and does nothing. Warmup, then N repetitions, medians reported.
    ///
    /// A small custom runner rather than BenchmarkDotNet: one iteration of a 200,000-line compilation takes seconds,
    /// so BenchmarkDotNet's pilot and statistics stages buy nothing but minutes; the numbers that matter (each
    /// analyzer's execution time) come from Roslyn's telemetry, not from a stopwatch around a method; and a CI smoke
    /// run must be a plain exit code.
    ///
    /// Usage: dotnet run -c Release --project tests/ProductionAnalyzers.Benchmarks -- [--files 2000] [--reps 5]
    ///        [--warmup 2] [--seed 20261122] [--concurrent] [--json summary.json] | --smoke | --sweep FOLDER [--list]
    ///        | --scaling [--files 500] | --realcode FOLDER [--top 10] [--no-whole] [--all-files]
    /// The smoke run (100 files, 1 repetition) exits non-zero only when an analyzer throws, never because of timing.
    /// </summary>
    internal static class Program
    {
        private const double PackageTargetPercent = Measurement.PackageTargetPercent;
        private const double AnalyzerTargetPercent = Measurement.AnalyzerTargetPercent;

        private sealed class Settings
        {
            public int Files { get; set; } = 2000;
            public int Repetitions { get; set; } = 5;
            public int Warmup { get; set; } = 2;
            public int Seed { get; set; } = 20261122;
            public bool Concurrent { get; set; }
            public bool Smoke { get; set; }
            public string? JsonPath { get; set; }
            public bool NoFloor { get; set; }
            public string? Only { get; set; }
            public string? SweepFolder { get; set; }
            public bool List { get; set; }
            public string? RealCodeFolder { get; set; }
            public RealCode.Options RealCode { get; } = new();
            public bool Scaling { get; set; }
        }

        public static async Task<int> Main(string[] args)
        {
            Settings settings;
            try
            {
                settings = Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            var references = LoadReferences();
            var analyzers = DiscoverAnalyzers();
            if (settings.Only is not null)
            {
                // Profiling aid: measure some analyzers alone (by type name or diagnostic ID, comma-separated).
                var only = settings.Only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                analyzers = analyzers.Where(a => only.Any(o => a.GetType().Name.Contains(o, StringComparison.OrdinalIgnoreCase) ||
                                                               a.SupportedDiagnostics.Any(d => d.Id == o))).ToImmutableArray();
            }
            if (settings.SweepFolder is not null)
            {
                return await Sweep.RunAsync(settings.SweepFolder, settings.List, references, analyzers);
            }

            if (settings.RealCodeFolder is not null)
            {
                return await RealCode.RunAsync(settings.RealCodeFolder, settings.RealCode, references, analyzers);
            }

            if (settings.Scaling)
            {
                return await Scaling.RunAsync(settings.Files, settings.Seed, settings.Warmup, settings.Repetitions, settings.Concurrent, settings.JsonPath, references, analyzers);
            }

            Console.WriteLine($"ProductionAnalyzers benchmark: {settings.Files} files, seed {settings.Seed}, {settings.Warmup} warmup + {settings.Repetitions} repetitions, {(settings.Concurrent ? "concurrent" : "single-threaded")} compile and analysis");
            Console.WriteLine($"Runtime {Environment.Version}, {Environment.ProcessorCount} cores, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
            Console.WriteLine($"Analyzers ({analyzers.Length}): {string.Join(", ", analyzers.Select(a => $"{a.GetType().Name} [{string.Join(",", a.SupportedDiagnostics.Select(d => d.Id).Distinct())}]"))}");
            if (analyzers.IsEmpty)
            {
                Console.WriteLine("warning: ProductionAnalyzers.dll contains no analyzer yet; only the compiler is measured.");
            }

            // Generate and parse once: every measured compilation shares these trees.
            var generator = new BackendGenerator(settings.Seed);
            var files = generator.Generate(settings.Files).ToList();
            var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
            var parseWatch = Stopwatch.StartNew();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, System.Text.Encoding.UTF8), parseOptions, path: f.Path)).ToImmutableArray();
            parseWatch.Stop();
            Console.WriteLine($"Generated {files.Count} files, {lines:N0} lines ({string.Join(", ", files.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}); parsed in {parseWatch.ElapsedMilliseconds} ms");

            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: settings.Concurrent,
                specificDiagnosticOptions: analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => !d.IsEnabledByDefault).Select(d => d.Id).Distinct().ToDictionary(id => id, _ => ReportDiagnostic.Warn));
            CSharpCompilation NewCompilation() => CSharpCompilation.Create("GeneratedBackend", trees, references, options);

            var firstCompilation = NewCompilation();
            var compilerErrors = firstCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Console.WriteLine($"Compiler errors in the generated code: {compilerErrors.Count}");
            foreach (var error in compilerErrors.Take(10))
            {
                Console.WriteLine("  " + error);
            }

            var registrations = Registrations.Record(analyzers, firstCompilation);
            Console.WriteLine($"Floor registers: {registrations}");
            var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer(registrations));

            var compileTimes = new List<double>();
            var packageWallTimes = new List<double>();
            var floorWallTimes = new List<double>();
            var floorExecTimes = new List<double>();
            var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
            var allocations = new Dictionary<string, List<double>> { ["compile"] = new(), ["package"] = new(), ["floor"] = new() };
            var exceptions = new ConcurrentQueue<string>();
            var gcPauses = new List<double>();
            var gcCounts = new List<(int Gen0, int Gen2)>();
            var diagnosticsById = new SortedDictionary<string, int>(StringComparer.Ordinal);
            long maxManagedBytes = 0;

            for (var iteration = 0; iteration < settings.Warmup + settings.Repetitions; iteration++)
            {
                var measured = iteration >= settings.Warmup;

                // 1. Compile only.
                Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                NewCompilation().GetDiagnostics();
                watch.Stop();
                maxManagedBytes = Math.Max(maxManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
                if (measured)
                {
                    compileTimes.Add(watch.Elapsed.TotalMilliseconds);
                    allocations["compile"].Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
                }

                // 2. Compile + the package: the analysis result (all analyzer diagnostics, with execution times) and the compiler's diagnostics.
                if (!analyzers.IsEmpty)
                {
                    Collect();
                    allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var pausedBefore = GC.GetTotalPauseDuration();
                    var gen2Before = GC.CollectionCount(2);
                    var gen0Before = GC.CollectionCount(0);
                    var (elapsed, result, compilerDiagnostics) = await RunWithAnalyzersAsync(NewCompilation(), analyzers, settings, exceptions);
                    maxManagedBytes = Math.Max(maxManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
                    foreach (var crash in result.GetAllDiagnostics().Concat(compilerDiagnostics).Where(d => d.Id == "AD0001"))
                    {
                        exceptions.Enqueue(crash.GetMessage(CultureInfo.InvariantCulture));
                    }

                    if (measured)
                    {
                        packageWallTimes.Add(elapsed);
                        allocations["package"].Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
                        gcPauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
                        gcCounts.Add((GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before));
                        foreach (var analyzer in analyzers)
                        {
                            perAnalyzer[analyzer].Add(result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry) ? telemetry.ExecutionTime.TotalMilliseconds : 0);
                        }

                        if (diagnosticsById.Count == 0)
                        {
                            foreach (var group in result.GetAllDiagnostics().Where(d => d.Id != "AD0001").GroupBy(d => d.Id))
                            {
                                diagnosticsById[group.Key] = group.Count();
                            }
                        }
                    }
                }

                // 3. Compile + the floor.
                if (settings.NoFloor)
                {
                    Console.WriteLine($"  {(measured ? "run" : "warmup")} {iteration + 1}: compile {watch.Elapsed.TotalMilliseconds:0} ms, compile + package {(measured && packageWallTimes.Count > 0 ? packageWallTimes[^1] : 0):0} ms");
                    continue;
                }

                Collect();
                allocated = GC.GetTotalAllocatedBytes(precise: true);
                var (floorElapsed, floorResult, _) = await RunWithAnalyzersAsync(NewCompilation(), floor, settings, exceptions);
                if (measured)
                {
                    floorWallTimes.Add(floorElapsed);
                    allocations["floor"].Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
                    floorExecTimes.Add(floorResult.AnalyzerTelemetryInfo.TryGetValue(floor[0], out var floorTelemetry) ? floorTelemetry.ExecutionTime.TotalMilliseconds : 0);
                }

                Console.WriteLine($"  {(measured ? "run" : "warmup")} {iteration + 1}: compile {watch.Elapsed.TotalMilliseconds:0} ms, compile + package {(measured && packageWallTimes.Count > 0 ? packageWallTimes[^1] : 0):0} ms, compile + floor {floorElapsed:0} ms");
            }

            // ---------------------------------------------------------------- report
            var compile = Median(compileTimes);
            var packageWall = Median(packageWallTimes);
            var floorWall = Median(floorWallTimes);
            var floorExec = Median(floorExecTimes);
            var analyzerRows = analyzers
                .Select(a => (Name: a.GetType().Name, Ids: string.Join(",", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), Ms: Median(perAnalyzer[a])))
                .OrderByDescending(r => r.Ms)
                .ToList();
            var packageExec = analyzerRows.Sum(r => r.Ms);
            double Percent(double part) => compile > 0 ? 100.0 * part / compile : 0;

            Console.WriteLine();
            Measurement.PrintTable(new Measured(
                "generated", files.Count, lines, compilerErrors.Count, compile,
                analyzers.Select(a => new AnalyzerTime(a.GetType().Name, string.Join(",", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), Median(perAnalyzer[a]), perAnalyzer[a]))
                    .OrderByDescending(r => r.Ms).ToList(),
                exceptions.Distinct().ToList(),
                diagnosticsById));
            Console.WriteLine($"Analyzer time per 1,000 lines: {(lines > 0 ? packageExec * 1000.0 / lines : 0):0.00} ms");

            Console.WriteLine($"Floor analyzer (same callbacks, no work)    {floorExec,10:0.0} ms   {Percent(floorExec),6:0.00}% of compile   package / floor = {(floorExec > 0 ? packageExec / floorExec : 0):0.00}x");
            Console.WriteLine($"Wall clock: package beyond floor {packageWall - floorWall:0} ms = {Percent(packageWall - floorWall):0.0}% of compile (compile + package {packageWall:0} ms, compile + floor {floorWall:0} ms)");
            Console.WriteLine("  (CompilationWithAnalyzers binds method bodies for the analyzers and again for GetDiagnostics, so both runs cost about");
            Console.WriteLine("   twice the compile; only their difference means something, and on a shared machine it is noisy)");
            Console.WriteLine($"Allocated per run: compile {Median(allocations["compile"]) / 1048576:0} MB, compile + package {Median(allocations["package"]) / 1048576:0} MB, compile + floor {Median(allocations["floor"]) / 1048576:0} MB");
            Console.WriteLine($"GC during compile + package ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, as in the compiler): paused {Median(gcPauses):0} ms, collections {(gcCounts.Count == 0 ? "-" : string.Join(" / ", gcCounts.Select(c => $"{c.Gen0} (gen2 {c.Gen2})")))}");
            var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"Memory: max managed heap {maxManagedBytes / 1048576:0} MB, process peak working set {peakWorkingSet / 1048576:0} MB");
            Console.WriteLine($"Diagnostics found: {(diagnosticsById.Count == 0 ? "none" : string.Join(", ", diagnosticsById.Select(p => $"{p.Key} x{p.Value}")))}");

            var distinctExceptions = exceptions.Distinct().ToList();
            Console.WriteLine($"Analyzer exceptions: {distinctExceptions.Count}");
            foreach (var exception in distinctExceptions.Take(20))
            {
                Console.WriteLine("  " + exception);
            }

            var summary = new
            {
                files = files.Count,
                lines,
                seed = settings.Seed,
                repetitions = settings.Repetitions,
                concurrent = settings.Concurrent,
                cores = Environment.ProcessorCount,
                compilerErrors = compilerErrors.Count,
                compileMs = Round(compile),
                packageMs = Round(packageExec),
                packagePercentOfCompile = Round(Percent(packageExec)),
                floorMs = Round(floorExec),
                packageOverFloor = Round(floorExec > 0 ? packageExec / floorExec : 0),
                wallCompileAndPackageMs = Round(packageWall),
                wallCompileAndFloorMs = Round(floorWall),
                wallPackageBeyondFloorPercent = Round(Percent(packageWall - floorWall)),
                analyzers = analyzerRows.Select(r => new { name = r.Name, ids = r.Ids, ms = Round(r.Ms), percentOfCompile = Round(Percent(r.Ms)) }).ToList(),
                diagnostics = diagnosticsById,
                allocatedMb = allocations.ToDictionary(p => p.Key, p => Round(Median(p.Value) / 1048576)),
                peakWorkingSetMb = peakWorkingSet / 1048576,
                maxManagedHeapMb = maxManagedBytes / 1048576,
                analyzerExceptions = distinctExceptions.Count,
                withinTargets = Percent(packageExec) <= PackageTargetPercent && analyzerRows.All(r => Percent(r.Ms) <= AnalyzerTargetPercent),
            };
            var json = JsonSerializer.Serialize(summary);
            Console.WriteLine("BENCHMARK_SUMMARY " + json);
            if (settings.JsonPath is not null)
            {
                File.WriteAllText(settings.JsonPath, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            }

            return distinctExceptions.Count > 0 ? 1 : 0;
        }

        /// <summary>
        /// Analyzes and compiles: the analysis result (which carries each analyzer's execution time) and then the
        /// compiler's own diagnostics on the same compilation, timed together.
        /// </summary>
        private static async Task<(double ElapsedMs, AnalysisResult Result, ImmutableArray<Diagnostic> CompilerDiagnostics)> RunWithAnalyzersAsync(
            Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Settings settings, ConcurrentQueue<string> exceptions)
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, AnalyzerOptionsFor(settings, exceptions));
            var watch = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            var compilerDiagnostics = withAnalyzers.Compilation.GetDiagnostics();
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, result, compilerDiagnostics);
        }

        private static CompilationWithAnalyzersOptions AnalyzerOptionsFor(Settings settings, ConcurrentQueue<string> exceptions) =>
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: settings.Concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);

        private static Settings Parse(string[] args)
        {
            var settings = new Settings();
            var explicitFiles = false;
            var explicitReps = false;
            var explicitWarmup = false;
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a non-negative number");
                switch (args[i])
                {
                    case "--files": settings.Files = Number(); explicitFiles = true; break;
                    case "--reps": settings.Repetitions = Math.Max(1, Number()); explicitReps = true; break;
                    case "--warmup": settings.Warmup = Number(); explicitWarmup = true; break;
                    case "--seed": settings.Seed = Number(); break;
                    case "--json": settings.JsonPath = Value(); break;
                    case "--concurrent": settings.Concurrent = true; break;
                    case "--smoke": settings.Smoke = true; break;
                    case "--no-floor": settings.NoFloor = true; break;
                    case "--no-cpu": Measurement.NoCpu = true; break;
                    case "--print": Measurement.Print = new HashSet<string>(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase); break;
                    case "--only": settings.Only = Value(); break;
                    case "--sweep": settings.SweepFolder = Value(); break;
                    case "--list": settings.List = true; break;
                    case "--realcode": settings.RealCodeFolder = Value(); break;
                    case "--top": settings.RealCode.Top = Number(); break;
                    case "--no-whole": settings.RealCode.Whole = false; break;
                    case "--all-files": settings.RealCode.AllFiles = true; break;
                    case "--scaling": settings.Scaling = true; break;
                    default: throw new ArgumentException($"unknown argument {args[i]}; use --files N --reps N --warmup N --seed N --json PATH --concurrent --smoke --no-floor --only NAMES, --scaling, --sweep FOLDER [--list], or --realcode FOLDER [--top N] [--no-whole] [--all-files] [--no-cpu] [--print IDS]");
                }
            }

            if (settings.Smoke)
            {
                settings.Files = explicitFiles ? settings.Files : 100;
                settings.Repetitions = explicitReps ? settings.Repetitions : 1;
                settings.Warmup = explicitWarmup ? settings.Warmup : 0;
            }

            if (settings.Scaling)
            {
                // Base size of the 1x tree; 4x of it is the generated run's default size.
                settings.Files = explicitFiles ? settings.Files : 500;
                settings.Repetitions = explicitReps ? settings.Repetitions : 3;
                settings.Warmup = explicitWarmup ? settings.Warmup : 1;
            }

            settings.RealCode.Repetitions = explicitReps ? settings.Repetitions : 3;
            settings.RealCode.Warmup = explicitWarmup ? settings.Warmup : 1;
            settings.RealCode.Concurrent = settings.Concurrent;
            settings.RealCode.JsonPath = settings.JsonPath;
            return settings;
        }

        /// <summary>The reference assemblies the build resolved (written next to the program by the project's WriteBenchmarkReferences target).</summary>
        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var list = Path.Combine(AppContext.BaseDirectory, "benchmark-references.txt");
            if (!File.Exists(list))
            {
                throw new InvalidOperationException($"{list} is missing: build the project with MSBuild so that its WriteBenchmarkReferences target runs.");
            }

            return File.ReadAllLines(list)
                .Where(line => line.Length > 0 && File.Exists(line))
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers()
        {
            Type[] types;
            try
            {
                types = typeof(ProductionAnalyzer).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t is not null).ToArray()!;
            }

            return types
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
                            t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static double Median(List<double> values)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static double Round(double value) => Math.Round(value, 2);
    }
}
