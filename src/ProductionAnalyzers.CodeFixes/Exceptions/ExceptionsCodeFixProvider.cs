using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.CodeFixes.Exceptions
{
    /// <summary>
    /// Fixes for PA3001 (empty catch) and PA3002 (exception discarded): log the exception with the logger in scope,
    /// rethrow it, or (PA3002) pass it as the inner exception of the exception thrown instead.
    /// </summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ExceptionsCodeFixProvider)), Shared]
    public sealed class ExceptionsCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.EmptyCatchBlock, DiagnosticIds.ExceptionDiscarded);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var catchClause = FindCatchClause(root, diagnostic);
                if (catchClause is null)
                {
                    continue;
                }

                var log = CatchFixPlanner.Plan(semanticModel, catchClause, CatchFixKind.LogException, null, context.CancellationToken);
                if (log is not null)
                {
                    Register(context, diagnostic, log, $"Log the exception with '{log.LoggerDisplay}'", FixKeys.Pa3001LogException);
                }

                var rethrow = CatchFixPlanner.Plan(semanticModel, catchClause, CatchFixKind.Rethrow, null, context.CancellationToken);
                if (rethrow is not null)
                {
                    Register(context, diagnostic, rethrow, "Rethrow the exception", FixKeys.Pa3001Rethrow);
                }

                if (diagnostic.Id == DiagnosticIds.ExceptionDiscarded)
                {
                    var keepCause = CatchFixPlanner.Plan(semanticModel, catchClause, CatchFixKind.KeepCause, null, context.CancellationToken);
                    if (keepCause is not null)
                    {
                        Register(context, diagnostic, keepCause, "Pass the caught exception as inner exception", FixKeys.Pa3002KeepCause);
                    }
                }
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, CatchFixPlan plan, string title, string equivalenceKey)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => CatchFixApplier.ApplyAsync(document, new[] { plan }, cancellationToken),
                    equivalenceKey),
                diagnostic);
        }

        private static CatchClauseSyntax? FindCatchClause(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return node.FirstAncestorOrSelf<CatchClauseSyntax>();
        }

        /// <summary>The action a key stands for; the log and rethrow keys are shared by both rules (see <see cref="FixKeys"/>).</summary>
        private static CatchFixKind? KindOf(string? equivalenceKey) => equivalenceKey switch
        {
            FixKeys.Pa3001LogException => CatchFixKind.LogException,
            FixKeys.Pa3001Rethrow => CatchFixKind.Rethrow,
            FixKeys.Pa3002KeepCause => CatchFixKind.KeepCause,
            _ => null,
        };

        /// <summary>
        /// Fix All: the key's action for every PA3001 and PA3002 diagnostic it applies to (the keep-cause action applies only
        /// to PA3002's catches that throw a new exception). Every catch of the document is planned on the original tree,
        /// outermost first, so that a new exception variable of an outer catch is never reused by a catch nested in it;
        /// then all edits are applied at once.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var kind = KindOf(context.CodeActionEquivalenceKey);
            if (kind is null || diagnostics.IsEmpty)
            {
                return document;
            }

            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return document;
            }

            var catchClauses = diagnostics
                .Where(d => d.Id == DiagnosticIds.EmptyCatchBlock || d.Id == DiagnosticIds.ExceptionDiscarded)
                .Select(d => FindCatchClause(root, d))
                .OfType<CatchClauseSyntax>()
                .Distinct()
                .OrderBy(c => c.SpanStart)
                .ToList();

            var plans = new List<CatchFixPlan>();
            var newNames = new Dictionary<CatchClauseSyntax, string>();
            foreach (var catchClause in catchClauses)
            {
                var reserved = new HashSet<string>();
                foreach (var ancestor in catchClause.Ancestors().OfType<CatchClauseSyntax>())
                {
                    if (newNames.TryGetValue(ancestor, out var name))
                    {
                        reserved.Add(name);
                    }
                }

                var plan = CatchFixPlanner.Plan(semanticModel, catchClause, kind.Value, reserved, cancellationToken);
                if (plan is null)
                {
                    continue;
                }

                if (plan.NewVariableName is { } newName)
                {
                    newNames[catchClause] = newName;
                }

                plans.Add(plan);
            }

            return await CatchFixApplier.ApplyAsync(document, plans, cancellationToken).ConfigureAwait(false);
        }
    }
}
