using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor EmptyCatchBlock = Create(
            DiagnosticIds.EmptyCatchBlock,
            title: "Empty catch block",
            messageFormat: "The catch of '{0}' is empty: log the exception, rethrow it, or add a comment saying why ignoring it is safe",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Warning,
            description: "A catch block without statements hides failures: the operation silently did not happen and nothing records why. " +
                         "Log the exception, rethrow it, or document the intent with a comment inside the block. " +
                         "Cancellation exceptions and catches with a 'when' filter are not reported.");

        public static readonly DiagnosticDescriptor ExceptionDiscarded = Create(
            DiagnosticIds.ExceptionDiscarded,
            title: "Exception discarded",
            messageFormat: "The caught '{0}' is discarded: log it, rethrow it with 'throw;', or pass it on as the inner exception",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Warning,
            description: "A catch of Exception, SystemException or of everything that neither rethrows, logs, nor uses the caught exception " +
                         "turns every failure - bugs included - into a silent fallback. Logging or rethrowing is enough; doing both " +
                         "is not required (SonarAnalyzer S2139 flags doing both).");
    }
}
