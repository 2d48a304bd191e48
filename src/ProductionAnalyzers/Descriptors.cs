using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    /// <summary>
    /// The one factory for diagnostic descriptors. Each family adds its descriptors in a partial file
    /// (<c>Descriptors.Sql.cs</c>, <c>Descriptors.Exceptions.cs</c>, ...); nothing else creates a descriptor.
    /// </summary>
    internal static partial class Descriptors
    {
        /// <summary>Where the rule pages live; every help link is <c>{HelpLinkBase}{id}.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/production-analyzers/ProductionAnalyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string description,
            params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: customTags);
        }
    }
}
