using System.Runtime.CompilerServices;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The code-generation option of the package's hot paths: the per-node, per-call and per-literal checks every
    /// compilation runs thousands of times, and the compilation-wide searches behind them.
    /// <para>
    /// .NET's tiered compilation first compiles a method without optimizations and recompiles it optimized only after it
    /// has been called often and the runtime has had a quiet moment, which a compiler process rarely has: measured on
    /// jellyfin's whole tree (220k lines), every sample of the package's own code in the measured run was still in
    /// unoptimized or instrumented code, and the package cost 5.7% of compile time against 3.5% with every method compiled
    /// optimized. These methods are compiled optimized on their first call (<c>MethodImplOptions.AggressiveOptimization</c>,
    /// value 512: not in netstandard2.0's enum; the .NET Framework process of Visual Studio has no tiers and ignores it).
    /// Cold code (reporting, code fixes, options) stays tiered: optimizing it would only cost compile time.
    /// </para>
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Options = (MethodImplOptions)512;
    }
}
