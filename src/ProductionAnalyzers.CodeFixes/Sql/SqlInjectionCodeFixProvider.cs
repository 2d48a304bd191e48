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
    /// right after the command text is set. Offered only when every value sits in a value position. The rewrite is chosen
    /// by the sink kind the analyzer puts on the diagnostic (<see cref="SqlInjectionAnalyzer.SinkKindProperty"/>); a
    /// diagnostic without it, or with a kind the fix does not know, gets no fix.
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
                if (!TryGetSinkKind(diagnostic, out var kind))
                {
                    continue;
                }

                if (TextAt(root, diagnostic.Location.SourceSpan) is not { } expression || Plan(expression, kind, model, context.CancellationToken) is null)
                {
                    continue;
                }

                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Pass the values as SQL parameters",
                        cancellationToken => FixAsync(document, span, kind, cancellationToken),
                        FixKeys.Pa1001Parameterize),
                    diagnostic);
            }
        }

        /// <summary>
        /// The sink kind the analyzer put on the diagnostic; false when the property is missing or names no kind of
        /// <see cref="SqlSinkKind"/> exactly as the analyzer writes it (a number or another spelling is not taken).
        /// </summary>
        internal static bool TryGetSinkKind(Diagnostic diagnostic, out SqlSinkKind kind)
        {
            kind = default;
            return diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SinkKindProperty, out var text) && text is not null &&
                   Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(typeof(SqlSinkKind), kind) &&
                   kind.ToString() == text;
        }

        private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, SqlSinkKind kind, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var plan = TextAt(root, span) is { } expression ? Plan(expression, kind, model, cancellationToken) : null;
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

            var annotations = new List<(SyntaxAnnotation Annotation, SqlSinkKind Kind)>();
            var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (!TryGetSinkKind(diagnostic, out var kind))
                {
                    continue;
                }

                if (TextAt(root, diagnostic.Location.SourceSpan) is { } node && !nodes.ContainsKey(node))
                {
                    var annotation = new SyntaxAnnotation(TargetAnnotation.Kind, annotations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    annotations.Add((annotation, kind));
                    nodes[node] = annotation;
                }
            }

            root = root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original]));
            document = document.WithSyntaxRoot(root);
            foreach (var (annotation, kind) in annotations)
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

                var plan = Plan(expression, kind, model, context.CancellationToken);
                if (plan is not null)
                {
                    document = document.WithSyntaxRoot(plan(root));
                }
            }

            return document;
        }

        /// <summary>
        /// Works out the fix for the text expression the diagnostic points at, with the rewrite of the diagnostic's sink
        /// <paramref name="kind"/>; null when the kind has no rewrite, the text does not reach a sink of that kind here, or no
        /// rewrite is correct.
        /// </summary>
        private static Func<SyntaxNode, SyntaxNode>? Plan(ExpressionSyntax target, SqlSinkKind kind, SemanticModel model, CancellationToken cancellationToken)
        {
            if (kind is SqlSinkKind.Configured or SqlSinkKind.Wrapper)
            {
                // A sink named in .editorconfig or a method of the project: no known way to pass parameters.
                return null;
            }

            var apis = SqlApis.Create(model.Compilation, default);
            var sinkOperation = FindSinkOperation(target, kind, model, apis, cancellationToken);
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

            switch (kind)
            {
                case SqlSinkKind.EntityFrameworkRaw:
                    return localDeclarator is null ? EntityFrameworkRawFix.Plan(target, pieces, (IInvocationOperation)sinkOperation) : null;
                case SqlSinkKind.Dapper:
                case SqlSinkKind.DapperCommandDefinition:
                    return DapperFix.Plan(textExpression, pieces, sinkOperation, kind, model);
                case SqlSinkKind.CommandText:
                case SqlSinkKind.CommandConstructor:
                case SqlSinkKind.DataAdapter:
                case SqlSinkKind.ProviderMethod:
                    return AdoNetFix.Plan(textExpression, pieces, sinkOperation, kind, model, apis, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>The SQL text expression a diagnostic points at (an argument's value), or null.</summary>
        private static ExpressionSyntax? TextAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            return (node is ArgumentSyntax argument ? argument.Expression : node) as ExpressionSyntax;
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>The call, creation or assignment where <paramref name="target"/> is the text of a sink of <paramref name="kind"/>, or null.</summary>
        private static IOperation? FindSinkOperation(ExpressionSyntax target, SqlSinkKind kind, SemanticModel model, SqlApis apis, CancellationToken cancellationToken)
        {
            for (SyntaxNode? node = target.Parent; node is not null && node is not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax))
                {
                    continue;
                }

                var operation = model.GetOperation(node, cancellationToken);
                if (operation is not null && apis.TryGetSink(operation, out var sink, includeWrappers: false) &&
                    sink.Kind == kind && sink.Text.Syntax.Span == target.Span)
                {
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
    }
}
