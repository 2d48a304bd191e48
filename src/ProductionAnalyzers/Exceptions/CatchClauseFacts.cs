using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.Exceptions
{
    /// <summary>Syntax facts about catch clauses shared by the exceptions analyzer and its code fixes.</summary>
    internal static class CatchClauseFacts
    {
        /// <summary>
        /// Where both rules report: from the <c>catch</c> keyword to the end of the declaration
        /// (<c>catch (Exception ex)</c>), or the keyword alone for <c>catch { }</c>.
        /// </summary>
        public static Location DiagnosticLocation(CatchClauseSyntax catchClause)
        {
            var start = catchClause.CatchKeyword.SpanStart;
            var end = catchClause.Declaration?.Span.End ?? catchClause.CatchKeyword.Span.End;
            return Location.Create(catchClause.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end));
        }

        /// <summary>True when the block has no statements other than empty ones (<c>;</c>).</summary>
        public static bool HasNoStatements(BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                if (!statement.IsKind(SyntaxKind.EmptyStatement))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the (statement-free) block carries a comment, or code disabled by a preprocessor directive:
        /// the author wrote down why nothing happens here.
        /// </summary>
        public static bool HasComment(BlockSyntax block)
        {
            if (HasCommentTrivia(block.OpenBraceToken.TrailingTrivia) || HasCommentTrivia(block.CloseBraceToken.LeadingTrivia))
            {
                return true;
            }

            foreach (var statement in block.Statements)
            {
                if (HasCommentTrivia(statement.GetLeadingTrivia()) || HasCommentTrivia(statement.GetTrailingTrivia()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the directive-only or disabled-text trivia of the block means code exists in other builds.</summary>
        public static bool HasConditionalCode(BlockSyntax block)
        {
            return HasDirective(block.OpenBraceToken.TrailingTrivia) || HasDirective(block.CloseBraceToken.LeadingTrivia);
        }

        /// <summary>The catch clause a node belongs to, stopping at function boundaries (lambdas, local functions).</summary>
        public static CatchClauseSyntax? EnclosingCatch(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case CatchClauseSyntax catchClause:
                        return catchClause;
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="node"/> sits in a catch clause nested inside <paramref name="catchClause"/>.</summary>
        public static bool IsInNestedCatch(SyntaxNode node, CatchClauseSyntax catchClause)
        {
            for (var current = node.Parent; current is not null && current != catchClause; current = current.Parent)
            {
                if (current is CatchClauseSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a rethrow (<c>throw;</c>) inside the block rethrows this catch's exception: its nearest enclosing
        /// catch clause is <paramref name="catchClause"/>.
        /// </summary>
        public static bool ContainsRethrow(CatchClauseSyntax catchClause)
        {
            foreach (var node in catchClause.Block.DescendantNodes(descendIntoChildren: n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
            {
                if (node is ThrowStatementSyntax { Expression: null } && EnclosingCatch(node) == catchClause)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Syntax-only shortcut: a call on a receiver named like a logger (<c>_logger.LogError(…)</c>, <c>Log.Error(…)</c>,
        /// <c>logger?.LogWarning(…)</c>, <c>_log.Warn(…)</c>) outside nested catch clauses. Lets the analyzer skip binding
        /// for the usual handled catch; everything else goes through the semantic check.
        /// </summary>
        public static bool ContainsCallOnLoggerNamedReceiver(CatchClauseSyntax catchClause)
        {
            foreach (var node in catchClause.Block.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || IsInNestedCatch(invocation, catchClause))
                {
                    continue;
                }

                var receiver = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax memberAccess => memberAccess.Expression,
                    MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax conditional => conditional.Expression,
                    _ => null,
                };

                if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess)
                {
                    receiver = thisAccess.Name;
                }

                if (receiver is IdentifierNameSyntax identifier && IsLoggerName(identifier.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLoggerName(string name)
        {
            var trimmed = name.TrimStart('_');
            return trimmed.Equals("log", System.StringComparison.OrdinalIgnoreCase) ||
                   trimmed.EndsWith("logger", System.StringComparison.OrdinalIgnoreCase);
        }

        private static bool HasCommentTrivia(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                switch (item.Kind())
                {
                    case SyntaxKind.SingleLineCommentTrivia:
                    case SyntaxKind.MultiLineCommentTrivia:
                    case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    case SyntaxKind.MultiLineDocumentationCommentTrivia:
                        return true;
                }
            }

            return false;
        }

        private static bool HasDirective(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                if (item.IsKind(SyntaxKind.DisabledTextTrivia) || item.IsDirective)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
