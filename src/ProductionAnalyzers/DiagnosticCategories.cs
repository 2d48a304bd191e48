namespace ProductionAnalyzers
{
    /// <summary>The categories of RULES.md; one per family.</summary>
    internal static class DiagnosticCategories
    {
        public const string Security = "Security";
        public const string Reliability = "Reliability";
        public const string Logging = "Logging";
    }
}
