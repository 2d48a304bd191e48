namespace ProductionAnalyzers
{
    /// <summary>
    /// Every rule ID of the package, in one place. IDs never change meaning once shipped:
    /// users suppress and configure by ID. The first digit after <c>PA</c> names the family.
    /// </summary>
    internal static class DiagnosticIds
    {
        // PA1xxx — SQL built from untrusted text (Security)
        public const string SqlFromNonConstantText = "PA1001";

        // PA2xxx — hardcoded secrets (Security)
        public const string HardcodedCredential = "PA2001";
        public const string SecretInKnownFormat = "PA2002";
        public const string ConnectionStringWithPassword = "PA2003";

        // PA3xxx — swallowed exceptions (Reliability)
        public const string EmptyCatchBlock = "PA3001";
        public const string ExceptionDiscarded = "PA3002";

        // PA4xxx — unstructured / unsafe logging (Logging)
        public const string NonConstantLogTemplate = "PA4001";
        public const string ExceptionLoggedAsText = "PA4002";
        public const string ConsoleOutputInServiceCode = "PA4003";
        public const string SensitiveValueLogged = "PA4004";

        // PA5xxx — missing authorization (Security)
        public const string ControllerActionWithoutAuthorization = "PA5001";
        public const string EndpointWithoutAuthorization = "PA5002";
        public const string RazorPageWithoutAuthorization = "PA5003";
        public const string AuthorizationOverriddenByAllowAnonymous = "PA5004";
    }
}
