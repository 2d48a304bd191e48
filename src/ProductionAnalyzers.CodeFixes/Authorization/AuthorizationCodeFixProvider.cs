using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.CodeFixes.Infrastructure;

namespace ProductionAnalyzers.CodeFixes.Authorization
{
    /// <summary>
    /// Fixes for PA5001–PA5003: add <c>[Authorize]</c> to the controller or page model, <c>[AllowAnonymous]</c> to the action or
    /// page model, or append <c>.RequireAuthorization()</c> / <c>.AllowAnonymous()</c> to the endpoint. Fix All adds one attribute per
    /// class however many of its actions were reported.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationCodeFixProvider)), Shared]
    public sealed class AuthorizationCodeFixProvider : CodeFixProvider
    {
        private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

        private enum FixKind
        {
            AuthorizeClass,
            AllowAnonymousMember,
            RequireAuthorization,
            AllowAnonymousEndpoint,
        }

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.ControllerActionWithoutAuthorization,
            DiagnosticIds.EndpointWithoutAuthorization,
            DiagnosticIds.RazorPageWithoutAuthorization);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                switch (diagnostic.Id)
                {
                    case DiagnosticIds.ControllerActionWithoutAuthorization:
                        if (Target(root, diagnostic, FixKind.AuthorizeClass) is TypeDeclarationSyntax controller)
                        {
                            Register(context, diagnostic, $"Add [Authorize] to '{controller.Identifier.ValueText}'", FixKind.AuthorizeClass, FixKeys.Pa5001AuthorizeController);
                        }

                        if (Target(root, diagnostic, FixKind.AllowAnonymousMember) is MethodDeclarationSyntax action)
                        {
                            Register(context, diagnostic, $"Add [AllowAnonymous] to '{action.Identifier.ValueText}' (public by intent)", FixKind.AllowAnonymousMember, FixKeys.Pa5001AllowAnonymousAction);
                        }

                        break;
                    case DiagnosticIds.RazorPageWithoutAuthorization:
                        if (Target(root, diagnostic, FixKind.AuthorizeClass) is TypeDeclarationSyntax page)
                        {
                            Register(context, diagnostic, $"Add [Authorize] to '{page.Identifier.ValueText}'", FixKind.AuthorizeClass, FixKeys.Pa5003AuthorizePage);
                            Register(context, diagnostic, $"Add [AllowAnonymous] to '{page.Identifier.ValueText}' (public by intent)", FixKind.AllowAnonymousMember, FixKeys.Pa5003AllowAnonymousPage);
                        }

                        break;
                    case DiagnosticIds.EndpointWithoutAuthorization:
                        if (Target(root, diagnostic, FixKind.RequireAuthorization) is InvocationExpressionSyntax)
                        {
                            Register(context, diagnostic, "Append .RequireAuthorization()", FixKind.RequireAuthorization, FixKeys.Pa5002RequireAuthorization);
                            Register(context, diagnostic, "Append .AllowAnonymous() (public by intent)", FixKind.AllowAnonymousEndpoint, FixKeys.Pa5002AllowAnonymous);
                        }

                        break;
                }
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, FixKind kind, string key)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(document, kind, new[] { diagnostic }, cancellationToken), key),
                diagnostic);
        }

        private static FixKind? KindOf(string? key) => key switch
        {
            FixKeys.Pa5001AuthorizeController or FixKeys.Pa5003AuthorizePage => FixKind.AuthorizeClass,
            FixKeys.Pa5001AllowAnonymousAction or FixKeys.Pa5003AllowAnonymousPage => FixKind.AllowAnonymousMember,
            FixKeys.Pa5002RequireAuthorization => FixKind.RequireAuthorization,
            FixKeys.Pa5002AllowAnonymous => FixKind.AllowAnonymousEndpoint,
            _ => null,
        };

        private static string? DiagnosticIdOf(string? key) => key switch
        {
            FixKeys.Pa5001AuthorizeController or FixKeys.Pa5001AllowAnonymousAction => DiagnosticIds.ControllerActionWithoutAuthorization,
            FixKeys.Pa5002RequireAuthorization or FixKeys.Pa5002AllowAnonymous => DiagnosticIds.EndpointWithoutAuthorization,
            FixKeys.Pa5003AuthorizePage or FixKeys.Pa5003AllowAnonymousPage => DiagnosticIds.RazorPageWithoutAuthorization,
            _ => null,
        };

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var kind = KindOf(context.CodeActionEquivalenceKey);
            var id = DiagnosticIdOf(context.CodeActionEquivalenceKey);
            if (kind is null || id is null)
            {
                return document;
            }

            return await ApplyAsync(document, kind.Value, diagnostics.Where(d => d.Id == id), context.CancellationToken).ConfigureAwait(false);
        }

        /// <summary>The node a fix edits: the class (controller, page model), the member (action, page model) or the Map* call.</summary>
        private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic, FixKind kind)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            switch (kind)
            {
                case FixKind.AuthorizeClass:
                    return node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                case FixKind.AllowAnonymousMember:
                    return (SyntaxNode?)node.FirstAncestorOrSelf<MethodDeclarationSyntax>() ?? node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                default:
                    // The Map* name: its invocation is the first one whose callee contains it.
                    foreach (var invocation in node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>())
                    {
                        if (invocation.Expression.Span.Contains(span))
                        {
                            return invocation;
                        }
                    }

                    return null;
            }
        }

        private static async Task<Document> ApplyAsync(Document document, FixKind kind, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax compilationUnit || semanticModel is null)
            {
                return document;
            }

            var targets = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (Target(root, diagnostic, kind) is { } target)
                {
                    targets.Add(target);
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            var endOfLine = UsingDirectives.EndOfLine(root);
            var needsUsing = false;
            SyntaxNode newRoot;
            if (kind is FixKind.RequireAuthorization or FixKind.AllowAnonymousEndpoint)
            {
                var method = kind == FixKind.RequireAuthorization ? "RequireAuthorization" : "AllowAnonymous";
                newRoot = root.ReplaceNodes(
                    targets.OfType<InvocationExpressionSyntax>(),
                    (original, rewritten) => Append(rewritten, method));
            }
            else
            {
                var attributeName = kind == FixKind.AuthorizeClass ? "Authorize" : "AllowAnonymous";
                var first = targets.OrderBy(t => t.SpanStart).First();
                var name = AttributeName(semanticModel, first.SpanStart, attributeName, out needsUsing);
                newRoot = root.ReplaceNodes(
                    targets.OfType<MemberDeclarationSyntax>(),
                    (original, rewritten) => AddAttribute(rewritten, name, endOfLine));
            }

            if (needsUsing && newRoot is CompilationUnitSyntax newUnit)
            {
                newRoot = UsingDirectives.AddMissing(newUnit, new[] { AuthorizationNamespace }, endOfLine);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>
        /// How to spell the attribute at this position: its short name when <c>Microsoft.AspNetCore.Authorization</c> is imported (or
        /// will be), its full name when another type of that name is in scope.
        /// </summary>
        private static string AttributeName(SemanticModel semanticModel, int position, string shortName, out bool needsUsing)
        {
            needsUsing = false;
            var visible = semanticModel.LookupNamespacesAndTypes(position, name: shortName + "Attribute");
            if (visible.IsEmpty)
            {
                visible = semanticModel.LookupNamespacesAndTypes(position, name: shortName);
            }

            if (visible.IsEmpty)
            {
                needsUsing = true;
                return shortName;
            }

            return visible.Any(s => s.ContainingNamespace?.ToDisplayString() == AuthorizationNamespace)
                ? shortName
                : AuthorizationNamespace + "." + shortName;
        }

        private static InvocationExpressionSyntax Append(InvocationExpressionSyntax invocation, string method)
        {
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    invocation.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName(method)));
            return call.WithTrailingTrivia(invocation.GetTrailingTrivia());
        }

        private static SyntaxNode AddAttribute(MemberDeclarationSyntax declaration, string name, SyntaxTrivia endOfLine)
        {
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(name))));
            var lists = declaration.AttributeLists;
            if (lists.Count > 0)
            {
                var indentation = Indentation(lists[lists.Count - 1].GetLeadingTrivia());
                list = list.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
                return declaration.WithAttributeLists(lists.Add(list));
            }

            var leading = declaration.GetLeadingTrivia();
            list = list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
            var bare = declaration.WithLeadingTrivia(Indentation(leading));
            return bare.WithAttributeLists(SyntaxFactory.SingletonList(list));
        }

        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            if (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return SyntaxFactory.TriviaList(leading[leading.Count - 1]);
            }

            return SyntaxFactory.TriviaList();
        }
    }
}
