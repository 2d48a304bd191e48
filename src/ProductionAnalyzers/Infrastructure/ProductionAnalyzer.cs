using System;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Base of every analyzer in the package. <see cref="Initialize"/> is sealed so that every rule runs
    /// concurrently and never analyzes generated code; the rule itself starts from a compilation-start
    /// context and keeps what it resolves from the compilation in a <see cref="PerCompilation{T}"/> state, built by the
    /// first callback that needs it.
    /// </summary>
    public abstract class ProductionAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is not analyzed: the driver runs no callback of the package on a generated file, type or member.
            // ReportDiagnostics without Analyze only tells the driver that the diagnostics need no second generated-code check:
            // each rule reports at the node its callback was given, which is never generated code. Without it the driver
            // walks every token of each file that gets a diagnostic, looking for [GeneratedCode], and charges the rule.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>Registers the rule's actions for one compilation.</summary>
        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);

        /// <summary>
        /// A rule's per-compilation state (resolved types, caches), built once, by the first callback that asks for it.
        /// </summary>
        /// <remarks>
        /// Compilation-start actions run before the compiler has bound the compilation's references: the first
        /// <c>Compilation.Assembly</c> or type lookup made there creates every referenced assembly's symbols, compiler work
        /// that is then charged to the analyzer and done before the compiler needs it. By the time an operation or syntax
        /// node callback runs, the compiler has done it. The state is null when the rule has nothing to look for in the
        /// compilation (its APIs are not referenced); callbacks then return at once.
        /// </remarks>
        protected static Lazy<T?> PerCompilation<T>(Func<T?> create)
            where T : class =>
            new Lazy<T?>(create, LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
