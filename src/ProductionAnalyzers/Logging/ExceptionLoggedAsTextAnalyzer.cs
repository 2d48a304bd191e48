using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>
    /// PA4002: a logging call that writes an exception (<c>ex</c>, <c>ex.Message</c>, <c>ex.ToString()</c>,
    /// <c>ex.StackTrace</c>) into its template or values instead of passing it as the exception argument. When the same
    /// exception is also passed as the exception argument, the text is only redundant and the call is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExceptionLoggedAsTextAnalyzer : ProductionAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ExceptionLoggedAsText);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var state = PerCompilation(() => LogCallResolver.Create(compilation) is { ExceptionType: not null } resolver ? resolver : null);
            context.RegisterOperationAction(
                c =>
                {
                    if (state.Value is { } resolver)
                    {
                        Analyze(c, resolver);
                    }
                },
                OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, LogCallResolver resolver)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!LogCallResolver.MayCarryNonConstantText(invocation) || !resolver.TryGetLogCall(invocation, out var call) || call is null ||
                call.Kind is LogCallKind.Scope or LogCallKind.Define)
            {
                return;
            }

            if (call.Kind != LogCallKind.Generated && !resolver.HasExceptionOverload(call.Method))
            {
                return;
            }

            var found = new List<ExceptionText>();
            if (call.Template is not null)
            {
                ExceptionTexts.Collect(call.Template.Value, resolver, found);
            }

            foreach (var value in call.Values)
            {
                ExceptionTexts.Collect(value, resolver, found);
            }

            if (found.Count == 0)
            {
                return;
            }

            // The exception passed as the exception argument, by its root: LogError(ex.InnerException, ex.Message) is fine too.
            var passed = call.Exception is null ? null : ExceptionTexts.ReferencedSymbol(ExceptionTexts.Root(call.Exception.Value, resolver));
            var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var reportedWithoutSymbol = false;
            foreach (var text in found)
            {
                if (text.ExceptionSymbol is not null && SymbolEqualityComparer.Default.Equals(text.ExceptionSymbol, passed))
                {
                    continue;
                }

                if (text.ExceptionSymbol is null ? reportedWithoutSymbol : !reported.Add(text.ExceptionSymbol))
                {
                    continue;
                }

                reportedWithoutSymbol |= text.ExceptionSymbol is null;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ExceptionLoggedAsText,
                    text.Text.Syntax.GetLocation(),
                    text.Exception.Syntax.ToString(),
                    text.Text.Syntax.ToString(),
                    call.Method.Name));
            }
        }
    }
}
