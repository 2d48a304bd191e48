using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor HardcodedCredential = Create(
            DiagnosticIds.HardcodedCredential,
            "Hardcoded credential",
            "{0} holds a hardcoded credential ('{1}'); {2}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "A password, secret, token or key written into source code or a committed settings file is readable by everyone who can read " +
            "the repository, its history, its build logs and its packages, and cannot be rotated without a release (CWE-798, OWASP A07).");

        public static readonly DiagnosticDescriptor SecretInKnownFormat = Create(
            DiagnosticIds.SecretInKnownFormat,
            "Secret in a known format",
            "{0} holds a secret in a known format, {1} ('{2}'); revoke it and {3}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "The value has the format of a provider's secret (cloud access key, source-host token, payment or messaging API key, JWT, " +
            "private key). Secret scanners and attackers find such values in repositories within minutes of a push (CWE-798).");

        public static readonly DiagnosticDescriptor ConnectionStringWithPassword = Create(
            DiagnosticIds.ConnectionStringWithPassword,
            "Connection string or URI with an embedded password",
            "{0} holds a connection string with an embedded password ({1} '{2}'); {3}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "A database, storage, message-bus or cache password written into a connection string in code or in a committed settings file " +
            "gives its readers the data itself (CWE-798, CWE-259). Use integrated security or managed identity, or keep the password out of the repository.");
    }
}
