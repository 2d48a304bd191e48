using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>
    /// PA4001: a message template of Microsoft.Extensions.Logging, Serilog or NLog that is interpolated, concatenated or
    /// formatted from non-constant parts — at the call or in a local of the same method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonConstantLogTemplateAnalyzer : ProductionAnalyzer
    {
        /// <summary>Property carrying the name of the pre-built local, when the template was built in one.</summary>
        internal const string LocalNameProperty = "Local";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.NonConstantLogTemplate);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var state = PerCompilation(() => LogCallResolver.Create(compilation));
            context.RegisterOperationAction(
                [MethodImpl(HotPath.Options)] (c) =>
                {
                    if (state.Value is { } resolver)
                    {
                        Analyze(c, resolver);
                    }
                },
                OperationKind.Invocation);
        }

        [MethodImpl(HotPath.Options)]
        private static void Analyze(OperationAnalysisContext context, LogCallResolver resolver)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!resolver.MayBeLogCall(invocation) || !LogCallResolver.MayCarryNonConstantText(invocation) || !resolver.TryGetLogCall(invocation, out var call) || call?.Template is null ||
                call.Kind == LogCallKind.Message)
            {
                return;
            }

            // Half-typed code (an unterminated string swallowing the rest of the method) is not a finding yet.
            if (call.Template.Syntax.ContainsDiagnostics)
            {
                return;
            }

            var form = TemplateForms.Classify(call.Template.Value, out var local);
            if (form == TemplateForm.NotBuilt)
            {
                return;
            }

            var properties = local is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(LocalNameProperty, local.Name);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NonConstantLogTemplate,
                call.Template.Value.Syntax.GetLocation(),
                properties,
                call.Method.Name,
                TemplateForms.Describe(form, local)));
        }
    }
}
