using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;

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
        [MethodImpl(HotPath.Options)]
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
        /// True when the (statement-free) catch carries a comment: inside its block, or on the <c>catch</c> line and its
        /// braces (<c>catch { } // best effort</c>, <c>catch (IOException) /* gone already */ { }</c>). The author wrote
        /// down why nothing happens here.
        /// </summary>
        public static bool HasComment(CatchClauseSyntax catchClause)
        {
            var block = catchClause.Block;
            if (HasCommentTrivia(catchClause.CatchKeyword.TrailingTrivia) ||
                (catchClause.Declaration is { } declaration && HasCommentTrivia(declaration.CloseParenToken.TrailingTrivia)) ||
                (catchClause.Filter is { } filter && HasCommentTrivia(filter.CloseParenToken.TrailingTrivia)) ||
                HasCommentTrivia(block.OpenBraceToken.LeadingTrivia) ||
                HasCommentTrivia(block.CloseBraceToken.TrailingTrivia))
            {
                return true;
            }

            return HasComment(block);
        }

        /// <summary>True when the (statement-free) block carries a comment inside its braces.</summary>
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
        [MethodImpl(HotPath.Options)]
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
        [MethodImpl(HotPath.Options)]
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
        /// Syntax-only shortcut: a call on a receiver named like a logger (<c>_logger.LogError(ex, …)</c>, <c>Log.Error(ex, …)</c>,
        /// <c>logger?.LogWarning(ex, …)</c>, <c>_log.Warn(…, ex)</c>) that is given the caught exception, outside nested catch
        /// clauses: handled whatever the logger is (a known framework or a team's own facade). Lets the analyzer skip binding
        /// for the usual handled catch; everything else goes through the semantic check.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool ContainsCallOnLoggerNamedReceiver(CatchClauseSyntax catchClause)
        {
            var exceptionName = catchClause.Declaration?.Identifier.ValueText;
            if (string.IsNullOrEmpty(exceptionName))
            {
                return false;
            }

            foreach (var node in catchClause.Block.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || IsInNestedCatch(invocation, catchClause) ||
                    !PassesIdentifier(invocation.ArgumentList, exceptionName!))
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

        private static bool PassesIdentifier(ArgumentListSyntax arguments, string name)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True for a call that looks like logging by its syntax alone: a method named <c>Log…</c> or like a level
        /// (<c>Error</c>, <c>Warn</c>, <c>LogWarning</c>), or a receiver named like a logger. Used for calls that do not bind.
        /// </summary>
        public static bool IsLoggerLikeCall(SyntaxNode syntax)
        {
            if (syntax is not InvocationExpressionSyntax invocation)
            {
                return false;
            }

            string? methodName;
            ExpressionSyntax? receiver = null;
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    methodName = access.Name.Identifier.ValueText;
                    receiver = access.Expression;
                    break;
                case MemberBindingExpressionSyntax binding:
                    methodName = binding.Name.Identifier.ValueText;
                    receiver = (invocation.Parent as ConditionalAccessExpressionSyntax)?.Expression;
                    break;
                case SimpleNameSyntax simple:
                    methodName = simple.Identifier.ValueText;
                    break;
                default:
                    return false;
            }

            if (LoggingFrameworks.IsLogMethodName(methodName) || LoggingFrameworks.IsFacadeLevelMethod(methodName))
            {
                return true;
            }

            if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess)
            {
                receiver = thisAccess.Name;
            }

            return receiver is IdentifierNameSyntax identifier && IsLoggerName(identifier.Identifier.ValueText);
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
