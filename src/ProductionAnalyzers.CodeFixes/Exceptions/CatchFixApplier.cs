using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ProductionAnalyzers.CodeFixes.Exceptions
{
    /// <summary>
    /// Applies catch-clause fix plans to a document. Every edit is a node replacement through one
    /// <see cref="SyntaxEditor"/>, so nested catch clauses fixed together (Fix All) compose.
    /// </summary>
    internal static class CatchFixApplier
    {
        public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<CatchFixPlan> plans, CancellationToken cancellationToken)
        {
            if (plans.Count == 0)
            {
                return document;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var usings = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                foreach (var creation in plan.CreationsToWrap)
                {
                    var name = plan.VariableName;
                    editor.ReplaceNode(creation, (current, _) =>
                    {
                        var currentCreation = (ObjectCreationExpressionSyntax)current;
                        return currentCreation.WithArgumentList(currentCreation.ArgumentList!.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name))));
                    });
                }

                editor.ReplaceNode(plan.CatchClause, (current, _) => Rewrite((CatchClauseSyntax)current, plan));

                if (plan.NeedsSystemUsing)
                {
                    usings.Add("System");
                }

                if (plan.ExtraUsing is not null)
                {
                    usings.Add(plan.ExtraUsing);
                }
            }

            var newRoot = editor.GetChangedRoot();
            if (usings.Count > 0 && newRoot is CompilationUnitSyntax compilationUnit)
            {
                newRoot = AddUsings(compilationUnit, usings, EndOfLine(root));
            }

            var newDocument = document.WithSyntaxRoot(newRoot);
            newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return newDocument;
        }

        private static CatchClauseSyntax Rewrite(CatchClauseSyntax catchClause, CatchFixPlan plan)
        {
            // An empty block laid out over several lines is re-laid out by the formatter; a one-line '{ }' stays on one line.
            var wasEmpty = catchClause.Block.Statements.All(s => s.IsKind(SyntaxKind.EmptyStatement)) &&
                           catchClause.Block.ToString().IndexOf('\n') >= 0;
            if (plan.NewVariableName is { } newName)
            {
                catchClause = DeclareVariable(catchClause, newName, plan.QualifyException);
            }

            var block = catchClause.Block;
            var singleLine = block.ToString().IndexOf('\n') < 0;
            if (singleLine && plan.Kind != CatchFixKind.KeepCause)
            {
                // '{ }' and '{ a(); }' stay on one line: '{ log; a(); }', '{ a(); throw; }'.
                block = block
                    .WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithCloseBraceToken(block.Statements.Count == 0 ? block.CloseBraceToken.WithLeadingTrivia() : block.CloseBraceToken);
            }

            switch (plan.Kind)
            {
                case CatchFixKind.LogException:
                    var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, plan.LogStatementFormat!, plan.VariableName);
                    var log = SyntaxFactory.ParseStatement(text);
                    log = singleLine
                        ? log.WithoutLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space)
                        : log.WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                            .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                            .WithAdditionalAnnotations(Formatter.Annotation);
                    block = block.WithStatements(block.Statements.Insert(0, log));
                    break;

                case CatchFixKind.Rethrow:
                    var rethrow = SyntaxFactory.ThrowStatement();
                    if (plan.ReplaceLastStatement && block.Statements.Count > 0)
                    {
                        var last = block.Statements.Last();
                        block = block.WithStatements(block.Statements.Replace(last, rethrow.WithTriviaFrom(last)));
                    }
                    else if (singleLine)
                    {
                        var statements = block.Statements;
                        if (statements.Count > 0 && !statements.Last().GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                        {
                            statements = statements.Replace(statements.Last(), statements.Last().WithTrailingTrivia(SyntaxFactory.Space));
                        }

                        block = block.WithStatements(statements.Add(rethrow.WithTrailingTrivia(SyntaxFactory.Space)));
                    }
                    else
                    {
                        block = block.WithStatements(block.Statements.Add(
                            rethrow.WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                                .WithAdditionalAnnotations(Formatter.Annotation)));
                    }

                    break;
            }

            if (wasEmpty && plan.Kind != CatchFixKind.KeepCause)
            {
                block = block.WithAdditionalAnnotations(Formatter.Annotation);
            }

            return catchClause.WithBlock(block);
        }

        private static CatchClauseSyntax DeclareVariable(CatchClauseSyntax catchClause, string name, bool qualify)
        {
            var identifier = SyntaxFactory.Identifier(SyntaxFactory.TriviaList(), name, SyntaxFactory.TriviaList());
            if (catchClause.Declaration is { } declaration)
            {
                var type = declaration.Type;
                return catchClause.WithDeclaration(declaration
                    .WithType(type.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithIdentifier(identifier.WithTrailingTrivia(type.GetTrailingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))));
            }

            TypeSyntax exceptionType = qualify
                ? SyntaxFactory.ParseTypeName("System.Exception")
                : SyntaxFactory.ParseTypeName("Exception");
            var keyword = catchClause.CatchKeyword;
            var newDeclaration = SyntaxFactory.CatchDeclaration(exceptionType.WithTrailingTrivia(SyntaxFactory.Space), identifier)
                .WithOpenParenToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OpenParenToken, SyntaxFactory.TriviaList()))
                .WithCloseParenToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseParenToken, keyword.TrailingTrivia));
            return catchClause
                .WithCatchKeyword(keyword.WithTrailingTrivia(SyntaxFactory.Space))
                .WithDeclaration(newDeclaration);
        }

        /// <summary>The file's own line ending, elastic so that the formatter may still adjust it.</summary>
        private static SyntaxTrivia EndOfLine(SyntaxNode root)
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

        private static CompilationUnitSyntax AddUsings(CompilationUnitSyntax compilationUnit, IEnumerable<string> namespaces, SyntaxTrivia endOfLine)
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
                if (existing.Contains(name))
                {
                    continue;
                }

                var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
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
