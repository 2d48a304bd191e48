using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor NonConstantLogTemplate = Create(
            DiagnosticIds.NonConstantLogTemplate,
            "Log message template is not constant",
            "The message template of '{0}' is {1}; use a constant template with named placeholders and pass the values as arguments",
            DiagnosticCategories.Logging,
            DiagnosticSeverity.Warning,
            "A message template built by interpolation, concatenation or string.Format turns every log event into a unique string: " +
            "the values are not captured as properties, events cannot be grouped or queried, and the template cache grows without bound.");

        public static readonly DiagnosticDescriptor ExceptionLoggedAsText = Create(
            DiagnosticIds.ExceptionLoggedAsText,
            "Exception logged as text",
            "Exception '{0}' is logged as text ('{1}'); pass it as the exception argument of '{2}' instead",
            DiagnosticCategories.Logging,
            DiagnosticSeverity.Warning,
            "Writing an exception (or its Message, ToString() or StackTrace) into the message loses the exception type, the stack trace, " +
            "inner exceptions and the structured exception field that log sinks and APM tools group errors by.");

        public static readonly DiagnosticDescriptor ConsoleOutputInServiceCode = Create(
            DiagnosticIds.ConsoleOutputInServiceCode,
            "Console or Debug output in service code",
            "'{0}' writes past the application's logging pipeline; use the logger instead",
            DiagnosticCategories.Logging,
            DiagnosticSeverity.Info,
            "In a service (ASP.NET Core, generic host, or any project that uses a logging framework) Console, Debug and Trace output bypasses " +
            "log levels, filtering, enrichment and sinks; it is lost or unstructured in production.");

        public static readonly DiagnosticDescriptor SensitiveValueLogged = Create(
            DiagnosticIds.SensitiveValueLogged,
            "Sensitive value logged",
            "'{0}' looks like a {1} and is written to the log; do not log it, or log a masked or derived value",
            DiagnosticCategories.Logging,
            DiagnosticSeverity.Warning,
            "Logs are copied to many systems and read by many people. Credentials (passwords, tokens, API keys, secrets) and personal " +
            "secrets (card numbers, CVV, social security numbers) must never be written to them (CWE-532, OWASP A09).");
    }
}
