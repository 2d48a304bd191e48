using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Base of every analyzer in the package. <see cref="Initialize"/> is sealed so that every rule runs
    /// concurrently and never reports in generated code; the rule itself starts from a compilation-start
    /// context, where it resolves its well-known types once and registers nothing when they are absent.
    /// </summary>
    public abstract class ProductionAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>Registers the rule's actions for one compilation.</summary>
        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
    }
}
