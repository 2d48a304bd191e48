using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>
    /// PA1001 fix: moves the values of a SQL text into parameters. EF Core <c>*Raw</c> calls become their
    /// <c>FormattableString</c> twins (<c>FromSql</c>, <c>ExecuteSql(Async)</c>, <c>SqlQuery</c>); Dapper calls get
    /// <c>@name</c> placeholders and an anonymous parameter object; ADO.NET commands get placeholders and parameters added
    /// right after the command text is set. Offered only when every value sits in a value position.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInjectionCodeFixProvider)), Shared]
    public sealed class SqlInjectionCodeFixProvider : CodeFixProvider
    {
        private static readonly SyntaxAnnotation TargetAnnotation = new SyntaxAnnotation("PA1001Target");

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SqlFromNonConstantText);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (node is not ExpressionSyntax expression || Plan(expression, model, context.CancellationToken) is null)
                {
                    continue;
                }

                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Pass the values as SQL parameters",
                        cancellationToken => FixAsync(document, span, cancellationToken),
                        FixKeys.Pa1001Parameterize),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            var plan = node is ExpressionSyntax expression ? Plan(expression, model, cancellationToken) : null;
            if (plan is null)
            {
                return document;
            }

            return document.WithSyntaxRoot(plan(root));
        }

        /// <summary>Fixes the diagnostics of one document one after another, on the code each previous fix produced.</summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var annotations = new List<SyntaxAnnotation>();
            var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (!nodes.ContainsKey(node))
                {
                    var annotation = new SyntaxAnnotation(TargetAnnotation.Kind, annotations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    annotations.Add(annotation);
                    nodes[node] = annotation;
                }
            }

            root = root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original]));
            document = document.WithSyntaxRoot(root);
            foreach (var annotation in annotations)
            {
                root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (root is null || model is null)
                {
                    break;
                }

                var target = root.GetAnnotatedNodes(annotation).FirstOrDefault();
                if (target is not ExpressionSyntax expression)
                {
                    continue;
                }

                var plan = Plan(expression, model, context.CancellationToken);
                if (plan is not null)
                {
                    document = document.WithSyntaxRoot(plan(root));
                }
            }

            return document;
        }

        /// <summary>Works out the fix for the text expression the diagnostic points at; null when none is correct.</summary>
        private static Func<SyntaxNode, SyntaxNode>? Plan(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            var compilation = model.Compilation;
            var apis = SqlApis.Create(compilation, default);
            var sinkOperation = FindSinkOperation(target, model, apis, cancellationToken, out var sink);
            if (sinkOperation is null)
            {
                return null;
            }

            // The text itself, or the initializer of a local used only here.
            var textExpression = target;
            VariableDeclaratorSyntax? localDeclarator = null;
            if (Strip(target) is IdentifierNameSyntax identifier && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local)
            {
                localDeclarator = SingleUseLocal(local, identifier, cancellationToken);
                if (localDeclarator?.Initializer is null)
                {
                    return null;
                }

                textExpression = localDeclarator.Initializer.Value;
            }

            var stripped = Strip(textExpression);
            if (stripped is not (InterpolatedStringExpressionSyntax or BinaryExpressionSyntax or InvocationExpressionSyntax))
            {
                return null;
            }

            var pieces = SqlTextPieces.Create(stripped, model, cancellationToken);
            if (pieces is null || !pieces.PrepareParameters())
            {
                return null;
            }

            switch (sink.Kind)
            {
                case SqlSinkKind.EntityFrameworkRaw:
                    return localDeclarator is null ? EntityFrameworkRawFix.Plan(target, pieces, (IInvocationOperation)sinkOperation) : null;
                case SqlSinkKind.Dapper:
                case SqlSinkKind.DapperCommandDefinition:
                    return DapperFix.Plan(textExpression, pieces, sinkOperation, sink.Kind, model);
                case SqlSinkKind.CommandText:
                case SqlSinkKind.CommandConstructor:
                case SqlSinkKind.DataAdapter:
                case SqlSinkKind.ProviderMethod:
                    return PlanAdo(textExpression, pieces, sinkOperation, sink.Kind, model, apis, cancellationToken);
                default:
                    return null;
            }
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static IOperation? FindSinkOperation(ExpressionSyntax target, SemanticModel model, SqlApis apis, CancellationToken cancellationToken, out SqlSink sink)
        {
            sink = default;
            for (SyntaxNode? node = target.Parent; node is not null && node is not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax))
                {
                    continue;
                }

                var operation = model.GetOperation(node, cancellationToken);
                if (operation is not null && apis.TryGetSink(operation, out var candidate) && candidate.Text.Syntax.Span == target.Span)
                {
                    sink = candidate;
                    return operation;
                }
            }

            return null;
        }

        /// <summary>The declarator of a local written once (its initializer) and read only at <paramref name="use"/>.</summary>
        private static VariableDeclaratorSyntax? SingleUseLocal(ILocalSymbol local, IdentifierNameSyntax use, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator ||
                declarator.Parent?.Parent is not LocalDeclarationStatementSyntax)
            {
                return null;
            }

            var scope = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<GlobalStatementSyntax>()?.Parent;
            if (scope is null)
            {
                return null;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name && identifier != use)
                {
                    return null;
                }
            }

            return declarator;
        }

        private static Func<SyntaxNode, SyntaxNode>? PlanAdo(ExpressionSyntax textExpression, SqlTextPieces pieces, IOperation sinkOperation, SqlSinkKind kind, SemanticModel model, SqlApis apis, CancellationToken cancellationToken)
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
                var endOfLine = DetectEndOfLine(root);
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

        private static string DetectEndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia.ToString();
                }
            }

            return "\n";
        }
    }
}
