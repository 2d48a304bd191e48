using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>
    /// PA1001 fix for the EF Core raw SQL sinks (<see cref="SqlSinkKind.EntityFrameworkRaw"/>): <c>FromSqlRaw($"…'{name}'")</c>
    /// → <c>FromSql($"…{name}")</c>. Plan on the original tree (the twin method exists, no extra parameters), then apply.
    /// </summary>
    internal static class EntityFrameworkRawFix
    {
        public static Func<SyntaxNode, SyntaxNode>? Plan(ExpressionSyntax target, SqlTextPieces pieces, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var newName = method.Name switch
            {
                "FromSqlRaw" => "FromSql",
                "ExecuteSqlRaw" => "ExecuteSql",
                "ExecuteSqlRawAsync" => "ExecuteSqlAsync",
                "SqlQueryRaw" => "SqlQuery",
                _ => null,
            };

            if (newName is null || !method.ContainingType.GetMembers(newName).Any())
            {
                return null;
            }

            // Only the text (and a cancellation token) may be passed: extra parameters would need renumbering.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null || argument.Parameter.Ordinal == 0 || argument.Parameter.Name == "sql")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray &&
                    SqlOperations.Unwrap(argument.Value) is IArrayCreationOperation { Initializer.ElementValues.Length: 0 })
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter.Type.Name == "CancellationToken")
                {
                    continue;
                }

                return null;
            }

            if (invocation.Syntax is not InvocationExpressionSyntax call)
            {
                return null;
            }

            var formattable = pieces.ToFormattableText();
            return Apply(call, target, formattable, newName);
        }

        private static Func<SyntaxNode, SyntaxNode> Apply(InvocationExpressionSyntax call, ExpressionSyntax target, ExpressionSyntax formattable, string newName)
        {
            return root =>
            {
                var newCall = call.ReplaceNode(target, formattable.WithTriviaFrom(target));
                newCall = newCall.WithExpression(Rename(newCall.Expression, newName));
                return root.ReplaceNode(call, newCall);
            };
        }

        private static ExpressionSyntax Rename(ExpressionSyntax expression, string newName)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax member:
                    return member.WithName(RenameSimple(member.Name, newName));
                case SimpleNameSyntax simple:
                    return RenameSimple(simple, newName);
                case MemberBindingExpressionSyntax binding:
                    return binding.WithName(RenameSimple(binding.Name, newName));
                default:
                    return expression;
            }
        }

        private static SimpleNameSyntax RenameSimple(SimpleNameSyntax name, string newName) =>
            name.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
    }
}
