using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>
    /// PA1001 fix for Dapper (<see cref="SqlSinkKind.Dapper"/>, <see cref="SqlSinkKind.DapperCommandDefinition"/>):
    /// <c>@name</c> placeholders and an anonymous parameter object, new or merged into the existing one. Plan on the
    /// original tree (the parameter argument is absent, null or anonymous), then apply.
    /// </summary>
    internal static class DapperFix
    {
        public static Func<SyntaxNode, SyntaxNode>? Plan(ExpressionSyntax textExpression, SqlTextPieces pieces, IOperation sinkOperation, SqlSinkKind kind, SemanticModel model)
        {
            var arguments = sinkOperation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            var parameterName = kind == SqlSinkKind.Dapper ? "param" : "parameters";
            var textParameterName = kind == SqlSinkKind.Dapper ? "sql" : "commandText";

            IArgumentOperation? paramArgument = null;
            IArgumentOperation? textArgument = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    paramArgument = argument;
                }
                else if (argument.Parameter?.Name == textParameterName)
                {
                    textArgument = argument;
                }
            }

            if (paramArgument is null || textArgument?.Syntax is not ArgumentSyntax textArgumentSyntax)
            {
                return null;
            }

            AnonymousObjectCreationExpressionSyntax? existing = null;
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (paramArgument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                var value = paramArgument.Syntax is ArgumentSyntax paramSyntax ? paramSyntax.Expression : null;
                switch (value)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                        break;
                    case DefaultExpressionSyntax:
                        break;
                    case AnonymousObjectCreationExpressionSyntax anonymous:
                        existing = anonymous;
                        foreach (var initializer in anonymous.Initializers)
                        {
                            var name = initializer.NameEquals?.Name.Identifier.ValueText ?? (initializer.Expression switch
                            {
                                IdentifierNameSyntax id => id.Identifier.ValueText,
                                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                                _ => null,
                            });
                            if (name is not null)
                            {
                                taken.Add(name);
                            }
                        }

                        break;
                    default:
                        return null;
                }
            }

            pieces.NameParameters(taken, model);
            var newText = pieces.ToParameterizedText();
            var members = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var hole in pieces.Holes)
            {
                if (!seen.Add(hole.Name!))
                {
                    continue;
                }

                members.Add(hole.ValueCode == hole.Name ? hole.Name! : hole.Name + " = " + hole.ValueCode);
            }

            var paramSyntaxNode = paramArgument.ArgumentKind != ArgumentKind.DefaultValue ? paramArgument.Syntax as ArgumentSyntax : null;
            var argumentList = textArgumentSyntax.Parent as ArgumentListSyntax;
            if (argumentList is null)
            {
                return null;
            }

            return root =>
            {
                var tracked = new List<SyntaxNode> { textExpression, argumentList };
                var current = root.TrackNodes(tracked);
                current = current.ReplaceNode(current.GetCurrentNode(textExpression)!, newText.WithTriviaFrom(textExpression));
                var list = current.GetCurrentNode(argumentList)!;
                ArgumentListSyntax newList;
                if (existing is not null)
                {
                    var index = argumentList.Arguments.IndexOf(paramSyntaxNode!);
                    var anonymous = (AnonymousObjectCreationExpressionSyntax)list.Arguments[index].Expression;
                    var initializers = anonymous.Initializers;
                    foreach (var member in members)
                    {
                        initializers = initializers.Add((AnonymousObjectMemberDeclaratorSyntax)((AnonymousObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new { " + member + " }")).Initializers[0]);
                    }

                    var separators = new List<SyntaxToken>();
                    for (var i = 0; i < initializers.Count - 1; i++)
                    {
                        separators.Add(i < anonymous.Initializers.SeparatorCount ? anonymous.Initializers.GetSeparator(i) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                    }

                    var newAnonymous = anonymous.WithInitializers(SyntaxFactory.SeparatedList(initializers, separators));
                    newList = list.ReplaceNode(anonymous, newAnonymous);
                }
                else
                {
                    var objectCode = "new { " + string.Join(", ", members) + " }";
                    var objectExpression = SyntaxFactory.ParseExpression(objectCode);
                    if (paramSyntaxNode is not null)
                    {
                        var index = argumentList.Arguments.IndexOf(paramSyntaxNode);
                        var old = list.Arguments[index];
                        newList = list.ReplaceNode(old, old.WithExpression(objectExpression.WithTriviaFrom(old.Expression)));
                    }
                    else
                    {
                        var textIndex = argumentList.Arguments.IndexOf(textArgumentSyntax);
                        // Right after a positional text; after everything when the text itself is named.
                        var named = textArgumentSyntax.NameColon is not null;

                        var newArgument = named
                            ? SyntaxFactory.Argument(SyntaxFactory.NameColon(parameterName), default, objectExpression)
                            : SyntaxFactory.Argument(objectExpression);
                        var insertAt = named ? list.Arguments.Count : textIndex + 1;
                        newList = list.WithArguments(InsertArgument(list.Arguments, insertAt, newArgument));
                    }
                }

                return current.ReplaceNode(list, newList);
            };
        }

        private static SeparatedSyntaxList<ArgumentSyntax> InsertArgument(SeparatedSyntaxList<ArgumentSyntax> arguments, int index, ArgumentSyntax argument)
        {
            var items = arguments.ToList();
            items.Insert(index, argument);
            var separators = new List<SyntaxToken>();
            for (var i = 0; i < items.Count - 1; i++)
            {
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }

            // Keep the original separators (and their trivia) where they were.
            for (var i = 0; i < arguments.SeparatorCount && i < separators.Count; i++)
            {
                var target = i < index ? i : i + 1;
                if (target < separators.Count)
                {
                    separators[target] = arguments.GetSeparator(i);
                }
            }

            return SyntaxFactory.SeparatedList(items, separators);
        }
    }
}
