using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>
    /// PA1001 fix for ADO.NET (<see cref="SqlSinkKind.CommandText"/>, <see cref="SqlSinkKind.CommandConstructor"/>,
    /// <see cref="SqlSinkKind.DataAdapter"/>, <see cref="SqlSinkKind.ProviderMethod"/>): <c>@name</c> placeholders plus
    /// parameters added on the same command right after the statement that sets the text. Plan on the original tree
    /// (command local or stable receiver, a named-placeholder provider), then apply.
    /// </summary>
    internal static class AdoNetFix
    {
        public static Func<SyntaxNode, SyntaxNode>? Plan(ExpressionSyntax textExpression, SqlTextPieces pieces, IOperation sinkOperation, SqlSinkKind kind, SemanticModel model, SqlApis apis, CancellationToken cancellationToken)
        {
            string? receiverCode;
            StatementSyntax? anchor;
            ITypeSymbol? commandType;
            var insertIntoUsingBody = false;

            if (kind == SqlSinkKind.CommandText && sinkOperation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                if (property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    // Object initializer: new SqlCommand { CommandText = ... }
                    var creation = assignment.Syntax.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
                    if (creation is null || !TryLocalOf(creation, out receiverCode, out anchor, out insertIntoUsingBody))
                    {
                        return null;
                    }

                    commandType = model.GetTypeInfo(creation, cancellationToken).Type;
                }
                else
                {
                    if (assignment.Syntax.Parent is not ExpressionStatementSyntax statement || property.Instance?.Syntax is not ExpressionSyntax instance ||
                        !IsStableReceiver(instance))
                    {
                        return null;
                    }

                    receiverCode = instance.WithoutTrivia().ToString();
                    anchor = statement;
                    commandType = property.Instance.Type;
                }
            }
            else
            {
                var creationNode = sinkOperation.Syntax as ExpressionSyntax;
                if (creationNode is null || !TryLocalOf(creationNode, out receiverCode, out anchor, out insertIntoUsingBody))
                {
                    return null;
                }

                commandType = model.GetTypeInfo(creationNode, cancellationToken).Type;
                if (kind == SqlSinkKind.DataAdapter)
                {
                    var selectCommand = FindProperty(commandType, "SelectCommand");
                    if (selectCommand is null)
                    {
                        return null;
                    }

                    receiverCode += ".SelectCommand";
                    commandType = selectCommand.Type;
                }
            }

            if (commandType is null || anchor is null || receiverCode is null || !apis.IsCommandType(commandType))
            {
                return null;
            }

            // ODBC and OLE DB bind '?' by position, Oracle ':name' by position unless BindByName: '@name' would be wrong.
            var providerNamespace = commandType.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (providerNamespace.IndexOf("Oracle", StringComparison.OrdinalIgnoreCase) >= 0 ||
                providerNamespace.IndexOf("Odbc", StringComparison.OrdinalIgnoreCase) >= 0 ||
                providerNamespace.IndexOf("OleDb", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return null;
            }

            if (anchor.Parent is not (BlockSyntax or SwitchSectionSyntax) && !insertIntoUsingBody)
            {
                return null;
            }

            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            pieces.NameParameters(taken, model);
            var newText = pieces.ToParameterizedText();

            var parametersType = FindProperty(commandType, "Parameters")?.Type;
            var hasAddWithValue = parametersType is not null && HasAddWithValue(parametersType);
            var statements = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var usedVariables = new HashSet<string>(model.LookupSymbols(anchor.SpanStart).Select(s => s.Name), StringComparer.Ordinal);
            foreach (var hole in pieces.Holes)
            {
                if (!seen.Add(hole.Name!))
                {
                    continue;
                }

                var placeholder = SymbolDisplay.FormatLiteral("@" + hole.Name, quote: true);
                if (hasAddWithValue)
                {
                    statements.Add(receiverCode + ".Parameters.AddWithValue(" + placeholder + ", " + hole.ValueCode + ");");
                }
                else
                {
                    var variable = hole.Name + "Parameter";
                    for (var n = 2; usedVariables.Contains(variable); n++)
                    {
                        variable = hole.Name + "Parameter" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    usedVariables.Add(variable);
                    statements.Add("var " + variable + " = " + receiverCode + ".CreateParameter();");
                    statements.Add(variable + ".ParameterName = " + placeholder + ";");
                    statements.Add(variable + ".Value = " + hole.ValueCode + ";");
                    statements.Add(receiverCode + ".Parameters.Add(" + variable + ");");
                }
            }

            var usingStatement = insertIntoUsingBody ? anchor as UsingStatementSyntax : null;
            return root =>
            {
                var current = root.TrackNodes(textExpression, anchor);
                current = current.ReplaceNode(current.GetCurrentNode(textExpression)!, newText.WithTriviaFrom(textExpression));
                var currentAnchor = current.GetCurrentNode(anchor)!;
                var endOfLine = UsingDirectives.EndOfLine(root).ToString();
                if (usingStatement is not null)
                {
                    var usingNode = (UsingStatementSyntax)currentAnchor;
                    if (usingNode.Statement is not BlockSyntax body)
                    {
                        return root;
                    }

                    var indentation = body.Statements.Count > 0 ? Indentation(body.Statements[0]) : Indentation(usingNode) + "    ";
                    var newStatements = statements.Select(s => SyntaxFactory.ParseStatement(indentation + s + endOfLine)).ToList();
                    var newBody = body.WithStatements(body.Statements.InsertRange(0, newStatements));
                    return current.ReplaceNode(usingNode, usingNode.WithStatement(newBody));
                }

                var anchorIndentation = Indentation(currentAnchor);
                var inserted = statements.Select(s => SyntaxFactory.ParseStatement(anchorIndentation + s + endOfLine)).ToList();
                return current.InsertNodesAfter(currentAnchor, inserted);
            };
        }

        private static bool IsStableReceiver(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax member => IsStableReceiver(member.Expression),
            _ => false,
        };

        /// <summary>The local a command (or adapter) is created into, and the statement after which parameters go.</summary>
        private static bool TryLocalOf(ExpressionSyntax creation, out string? local, out StatementSyntax? anchor, out bool insertIntoUsingBody)
        {
            local = null;
            anchor = null;
            insertIntoUsingBody = false;
            SyntaxNode? node = creation;
            while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } &&
                declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration)
            {
                local = declarator.Identifier.ValueText;
                switch (declaration.Parent)
                {
                    case LocalDeclarationStatementSyntax statement:
                        anchor = statement;
                        return true;
                    case UsingStatementSyntax usingStatement:
                        anchor = usingStatement;
                        insertIntoUsingBody = true;
                        return true;
                }
            }

            if (node.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } assignment && assignment.Right == node &&
                assignment.Parent is ExpressionStatementSyntax assignmentStatement)
            {
                local = assigned.Identifier.ValueText;
                anchor = assignmentStatement;
                return true;
            }

            return false;
        }

        private static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol property && !property.IsStatic && property.DeclaredAccessibility == Accessibility.Public)
                    {
                        return property;
                    }
                }
            }

            if (type is not null)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(name))
                    {
                        if (member is IPropertySymbol property)
                        {
                            return property;
                        }
                    }
                }
            }

            return null;
        }

        private static bool HasAddWithValue(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("AddWithValue"))
                {
                    if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 } method &&
                        method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
                        method.Parameters[1].Type.SpecialType == SpecialType.System_Object)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static string Indentation(SyntaxNode node)
        {
            var builder = new StringBuilder();
            foreach (var trivia in node.GetLeadingTrivia().Reverse())
            {
                if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    builder.Insert(0, trivia.ToString());
                }
                else
                {
                    break;
                }
            }

            return builder.ToString();
        }
    }
}
