using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    internal static partial class Descriptors
    {
        /// <summary>
        /// PA1001. Arguments: {0} the untrusted part as written in the code, {1} its SQL position
        /// (<c>a value</c>, <c>an identifier</c> or <c>a clause</c>), {2} what to do about it.
        /// </summary>
        public static readonly DiagnosticDescriptor SqlFromNonConstantText = Create(
            DiagnosticIds.SqlFromNonConstantText,
            title: "SQL command text is built from non-constant data",
            messageFormat: "SQL text is built from '{0}'{3}, which sits in {1} position: {2}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            description: "SQL text that is concatenated, interpolated, formatted, joined or appended from data that is not a compile-time constant " +
                         "lets that data change the statement (SQL injection, CWE-89). Pass values as parameters; check identifiers " +
                         "(table, column, ORDER BY) against an allow-list of known names.");
    }
}
