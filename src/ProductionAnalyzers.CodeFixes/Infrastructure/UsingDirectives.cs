using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ProductionAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>Adds the <c>using</c> directives a fix needs to a file, where the file's own sorting puts them.</summary>
    internal static class UsingDirectives
    {
        /// <summary>The file's own line ending, elastic so that the formatter may still adjust it.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.ElasticEndOfLine(trivia.ToString());
                }
            }

            return SyntaxFactory.ElasticEndOfLine("\n");
        }

        /// <summary>
        /// Adds <c>using N;</c> for each namespace the file does not import yet (at top level or inside its namespace):
        /// System namespaces first, then ordinal order; a header comment stays above the first using.
        /// </summary>
        public static CompilationUnitSyntax AddMissing(CompilationUnitSyntax compilationUnit, IEnumerable<string> namespaces, SyntaxTrivia endOfLine)
        {
            var existing = new HashSet<string>(compilationUnit.Usings
                .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name is not null)
                .Select(u => u.Name!.ToString()));

            // A using inside the file's namespace counts too.
            foreach (var namespaceDeclaration in compilationUnit.Members.OfType<BaseNamespaceDeclarationSyntax>())
            {
                foreach (var nested in namespaceDeclaration.Usings)
                {
                    if (nested.Alias is null && nested.Name is not null)
                    {
                        existing.Add(nested.Name.ToString());
                    }
                }
            }

            var result = compilationUnit;
            foreach (var name in namespaces)
            {
                if (!existing.Add(name))
                {
                    continue;
                }

                var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
                    .NormalizeWhitespace()
                    .WithTrailingTrivia(endOfLine)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                var usingsList = result.Usings;
                var index = 0;
                while (index < usingsList.Count && IsBefore(usingsList[index], name))
                {
                    index++;
                }

                if (usingsList.Count == 0 && result.Members.Count > 0)
                {
                    // Keep the file's leading trivia (header comment) above the new using.
                    var first = result.Members[0];
                    var leading = first.GetLeadingTrivia();
                    result = result.ReplaceNode(first, first.WithLeadingTrivia(endOfLine));
                    directive = directive.WithLeadingTrivia(leading);
                    result = result.WithUsings(result.Usings.Add(directive.WithTrailingTrivia(endOfLine)));
                    continue;
                }

                result = result.WithUsings(usingsList.Insert(index, directive));
            }

            return result;
        }

        private static bool IsBefore(UsingDirectiveSyntax existing, string name)
        {
            if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
            {
                return false;
            }

            var existingName = existing.Name.ToString();
            var existingIsSystem = existingName == "System" || existingName.StartsWith("System.", System.StringComparison.Ordinal);
            var newIsSystem = name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);
            if (existingIsSystem != newIsSystem)
            {
                return existingIsSystem;
            }

            return string.CompareOrdinal(existingName, name) < 0;
        }
    }
}
