#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041, RS2008 // a wrapper that forwards an analyzer of the package to the driver unchanged, not an analyzer of its own
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// CPU time of the current thread, in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; elsewhere the
    /// wall clock, and <see cref="IsCpuTime"/> is false). On a machine shared with other work, wall-clock times (and the
    /// driver's telemetry, which is wall clock) grow with the machine's load; the CPU time a thread spends does not.
    /// </summary>
    internal static class ThreadClock
    {
        private const int ClockThreadCpuTime = 3;

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out Timespec time);

        public static bool IsCpuTime { get; } = Probe();

        /// <summary>What one reading costs (and so what each timed callback is over-charged by), measured at start.</summary>
        public static double ReadingCostNs { get; } = Calibrate();

        public static long Now()
        {
            if (IsCpuTime && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
            {
                return time.Seconds * 1_000_000_000L + time.Nanoseconds;
            }

            return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
        }

        private static bool Probe()
        {
            try
            {
                return OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out _) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        private static double Calibrate()
        {
            // Timed with the clock itself, so that on a busy machine the time the thread waited for a core is not counted.
            const int Readings = 100_000;
            var best = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var start = Now();
                for (var i = 0; i < Readings; i++)
                {
                    Now();
                }

                best = Math.Min(best, (Now() - start) / (double)(Readings + 1));
            }

            return best;
        }
    }

    /// <summary>
    /// Runs an analyzer of the package unchanged and adds up the CPU time of the current thread spent inside each of its
    /// callbacks (compilation start, syntax node, operation, symbol, ... actions), the same boundaries the driver's
    /// telemetry times with the wall clock. Less the cost of the clock readings themselves (calibrated per callback).
    /// Actions registered inside a symbol-start action (its symbol-end action, ...) are timed too, each on its own. Actions
    /// registered inside operation-block-start and code-block-start actions are not timed; the package registers none
    /// today, and <see cref="UsesBlockStarts"/> says so when that changes.
    /// </summary>
    internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
    {
        private long _nanoseconds;
        private long _callbacks;
        private long _allocated;

        public CpuTimedAnalyzer(DiagnosticAnalyzer inner) => Inner = inner;

        public DiagnosticAnalyzer Inner { get; }

        public bool UsesBlockStarts { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

        /// <summary>CPU nanoseconds inside the analyzer's callbacks since the last <see cref="Reset"/>, clock readings included.</summary>
        public long RawNanoseconds => Interlocked.Read(ref _nanoseconds);

        /// <summary>
        /// CPU milliseconds of the analyzer's own work: <see cref="RawNanoseconds"/> less <paramref name="overheadNsPerCallback"/>
        /// for each callback (what timing an empty callback costs, measured in the same run by <see cref="EmptyOperationAnalyzer"/>).
        /// </summary>
        public double Milliseconds(double overheadNsPerCallback) => Math.Max(0, RawNanoseconds - Callbacks * overheadNsPerCallback) / 1_000_000.0;

        public long Callbacks => Interlocked.Read(ref _callbacks);

        /// <summary>
        /// Bytes the analyzer's callbacks allocated on their thread since the last <see cref="Reset"/>: what makes the garbage
        /// collector run (its pauses land in whichever callback allocates when the budget runs out, and the driver's wall-clock
        /// telemetry counts them; thread CPU time does not, with the server collector working on its own threads).
        /// </summary>
        public long AllocatedBytes => Interlocked.Read(ref _allocated);

        public void Reset()
        {
            Interlocked.Exchange(ref _nanoseconds, 0);
            Interlocked.Exchange(ref _callbacks, 0);
            Interlocked.Exchange(ref _allocated, 0);
        }

        public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

        private Action<T> Timed<T>(Action<T> action) => argument =>
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadClock.Now();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _nanoseconds, ThreadClock.Now() - start);
                Interlocked.Add(ref _allocated, GC.GetAllocatedBytesForCurrentThread() - bytes);
                Interlocked.Increment(ref _callbacks);
            }
        };

        private sealed class Context : AnalysisContext
        {
            private readonly AnalysisContext _inner;
            private readonly CpuTimedAnalyzer _owner;

            public Context(AnalysisContext inner, CpuTimedAnalyzer owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();
            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);
            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _inner.RegisterCompilationStartAction(_owner.Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start, _owner))));
            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_owner.Timed(action));
            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_owner.Timed(action));
            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_owner.Timed(action), symbolKinds);
            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                _inner.RegisterSymbolStartAction(_owner.Timed<SymbolStartAnalysisContext>(start => action(new SymbolStartContext(start, _owner))), symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterCodeBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_owner.Timed(action));
            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_owner.Timed(action));
            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(_owner.Timed(action), syntaxKinds);
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(_owner.Timed(action), operationKinds);
            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterOperationBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_owner.Timed(action));
            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_owner.Timed(action));
        }

        /// <summary>Times every action registered inside a symbol-start action (the symbol-end action included).</summary>
        private sealed class SymbolStartContext : SymbolStartAnalysisContext
        {
            private readonly SymbolStartAnalysisContext _inner;
            private readonly CpuTimedAnalyzer _owner;

            // The only public constructor is obsolete for hosts; this context only forwards registrations to the driver's own
            // (the package's analyzers read Symbol, Compilation, Options and CancellationToken from it).
#pragma warning disable CS0618
            public SymbolStartContext(SymbolStartAnalysisContext inner, CpuTimedAnalyzer owner)
                : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
            {
                _inner = inner;
                _owner = owner;
            }

            public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _inner.RegisterSymbolEndAction(_owner.Timed(action));
            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterCodeBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_owner.Timed(action));
            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(_owner.Timed(action), syntaxKinds);
            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterOperationBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_owner.Timed(action));
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(_owner.Timed(action), operationKinds);
        }

        private sealed class StartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _inner;
            private readonly CpuTimedAnalyzer _owner;

            public StartContext(CompilationStartAnalysisContext inner, CpuTimedAnalyzer owner)
                : base(inner.Compilation, inner.Options, inner.CancellationToken)
            {
                _inner = inner;
                _owner = owner;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_owner.Timed(action));
            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_owner.Timed(action));
            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_owner.Timed(action), symbolKinds);
            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                _inner.RegisterSymbolStartAction(_owner.Timed<SymbolStartAnalysisContext>(start => action(new SymbolStartContext(start, _owner))), symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterCodeBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_owner.Timed(action));
            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_owner.Timed(action));
            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(_owner.Timed(action), syntaxKinds);
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(_owner.Timed(action), operationKinds);
            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            {
                _owner.UsesBlockStarts = true;
                _inner.RegisterOperationBlockStartAction(_owner.Timed(action));
            }

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_owner.Timed(action));
            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_owner.Timed(action));
        }
    }
}

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// Registers an operation action that does nothing, for the operation kinds the package's rules register. Timed by a
    /// <see cref="CpuTimedAnalyzer"/> in the same run as the package, its CPU time per callback is what the timing itself
    /// costs (clock readings, the wrapper's delegate), measured under the same load; it is deducted per callback.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("PABENCH01", "Benchmark timing probe", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        }
    }
}
