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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ProductionAnalyzers.CodeFixes.Infrastructure;

namespace ProductionAnalyzers.CodeFixes.Logging
{
    /// <summary>
    /// Fixes of the logging family: PA4001 (constant template with named placeholders), PA4002 (pass the exception to
    /// the overload that takes it, drop the text), PA4003 (the equivalent call on the logger in scope). Every fix is
    /// computed on the original document as a <see cref="LogFixPlan"/>; Fix All applies the plans of one document together.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LoggingCodeFixProvider))]
    [Shared]
    public sealed class LoggingCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.NonConstantLogTemplate,
            DiagnosticIds.ExceptionLoggedAsText,
            DiagnosticIds.ConsoleOutputInServiceCode);

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
                var plan = Plan(root, model, diagnostic, context.CancellationToken);
                if (plan is null)
                {
                    continue;
                }

                var (title, key) = diagnostic.Id switch
                {
                    DiagnosticIds.NonConstantLogTemplate => ("Use a constant message template", FixKeys.Pa4001UseMessageTemplate),
                    DiagnosticIds.ExceptionLoggedAsText => ("Pass the exception to the logger", FixKeys.Pa4002PassException),
                    _ => ("Use the logger", FixKeys.Pa4003UseLogger),
                };
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(document, root, new[] { plan }, ct), key),
                    diagnostic);
            }
        }

        internal static LogFixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return diagnostic.Id switch
            {
                DiagnosticIds.NonConstantLogTemplate => TemplateFix.Plan(node, model, diagnostic, cancellationToken),
                DiagnosticIds.ExceptionLoggedAsText => ExceptionFix.Plan(node, model, cancellationToken),
                DiagnosticIds.ConsoleOutputInServiceCode => ConsoleFix.Plan(node, model, diagnostic, cancellationToken),
                _ => null,
            };
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // Each rule has its own action: Fix All of one action fixes that rule's diagnostics only, even when the caller
            // hands over the other logging rules' diagnostics too (the test harness passes every ID the analyzers support).
            var ruleId = RuleOf(context.CodeActionEquivalenceKey);
            var plans = new List<LogFixPlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (ruleId is not null && diagnostic.Id != ruleId)
                {
                    continue;
                }

                var plan = Plan(root, model, diagnostic, context.CancellationToken);
                if (plan is not null)
                {
                    plans.Add(plan);
                }
            }

            return await ApplyAsync(document, root, plans, context.CancellationToken).ConfigureAwait(false);
        }

        private static string? RuleOf(string? equivalenceKey) => equivalenceKey switch
        {
            FixKeys.Pa4001UseMessageTemplate => DiagnosticIds.NonConstantLogTemplate,
            FixKeys.Pa4002PassException => DiagnosticIds.ExceptionLoggedAsText,
            FixKeys.Pa4003UseLogger => DiagnosticIds.ConsoleOutputInServiceCode,
            _ => null,
        };

        private static Task<Document> ApplyAsync(Document document, SyntaxNode root, IReadOnlyList<LogFixPlan> plans, CancellationToken cancellationToken)
        {
            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var touched = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            var usings = new HashSet<string>();
            foreach (var plan in plans)
            {
                var span = plan.Target.FullSpan;
                if (touched.Any(t => t.OverlapsWith(span)) ||
                    (plan.RemoveStatement is not null && touched.Any(t => t.OverlapsWith(plan.RemoveStatement.FullSpan))))
                {
                    continue;
                }

                touched.Add(span);
                editor.ReplaceNode(plan.Target, plan.Replacement.WithTriviaFrom(plan.Target).WithAdditionalAnnotations(Formatter.Annotation));
                if (plan.RemoveStatement is not null)
                {
                    touched.Add(plan.RemoveStatement.FullSpan);
                    editor.RemoveNode(plan.RemoveStatement, SyntaxRemoveOptions.KeepNoTrivia);
                }

                if (plan.AddUsing is not null)
                {
                    usings.Add(plan.AddUsing);
                }
            }

            var newRoot = editor.GetChangedRoot();
            if (usings.Count > 0 && newRoot is CompilationUnitSyntax unit)
            {
                newRoot = UsingDirectives.AddMissing(unit, usings.OrderBy(n => n, System.StringComparer.Ordinal), UsingDirectives.EndOfLine(root));
            }

            return Task.FromResult(document.WithSyntaxRoot(newRoot));
        }
    }

    /// <summary>One fix: replace <see cref="Target"/>, optionally remove a statement and add a using.</summary>
    internal sealed class LogFixPlan
    {
        public LogFixPlan(SyntaxNode target, SyntaxNode replacement, StatementSyntax? removeStatement = null, string? addUsing = null)
        {
            Target = target;
            Replacement = replacement;
            RemoveStatement = removeStatement;
            AddUsing = addUsing;
        }

        public SyntaxNode Target { get; }

        public SyntaxNode Replacement { get; }

        public StatementSyntax? RemoveStatement { get; }

        public string? AddUsing { get; }
    }
}
