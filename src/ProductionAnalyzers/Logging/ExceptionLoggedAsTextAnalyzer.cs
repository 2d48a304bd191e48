using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

            // Two steps per compilation, both built by the first callback that needs them: the exception type, and the
            // logging model (logger types, the shape of every called method, cached per method). The model is asked first
            // whether the called method can log (most calls cannot); only then are the arguments searched for exception
            // text, and the call's template and exception located.
            var exception = PerCompilation(() => WellKnownTypes.Get(compilation).Type("System.Exception"));
            var state = PerCompilation(() => LogCallResolver.Create(compilation) is { ExceptionType: not null } resolver ? resolver : null);
            context.RegisterOperationAction(
                [MethodImpl(HotPath.Options)] (c) =>
                {
                    if (exception.Value is { } exceptionType)
                    {
                        Analyze(c, exceptionType, state);
                    }
                },
                OperationKind.Invocation);
            context.RegisterOperationAction(
                [MethodImpl(HotPath.Options)] (c) =>
                {
                    if (exception.Value is { } exceptionType)
                    {
                        AnalyzeUnresolvedCall(c, exceptionType, state);
                    }
                },
                OperationKind.Invalid);
        }

        /// <summary>
        /// A logging call that does not bind because an argument's type does not resolve (<c>LogError("… {Error}",
        /// stripeException.Message)</c> without the Stripe assembly, or with a name made ambiguous by implicit usings): the
        /// candidates still say it is a logging call and its name the level; the catch variable is an exception whatever its
        /// type binds to. The arguments are read first; the candidates are looked up only for a call that writes exception
        /// text.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static void AnalyzeUnresolvedCall(OperationAnalysisContext context, INamedTypeSymbol exceptionType, System.Lazy<LogCallResolver?> state)
        {
            var invalid = (IInvalidOperation)context.Operation;
            if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax ||
                LogLevels.FromName(access.Name.Identifier.ValueText) is not { } level ||
                invalid.SemanticModel is not { } model)
            {
                return;
            }

            ISymbol? passed = null;
            var seenText = false;
            List<ExceptionText>? texts = null;
            foreach (var child in invalid.ChildOperations)
            {
                var argument = TemplateForms.Unwrap(child);
                if (argument is null || argument.Syntax == access.Expression)
                {
                    continue;
                }

                if (!seenText)
                {
                    if (ExceptionTexts.IsCatchVariable(argument) || TypeHierarchy.DerivesFrom(argument.Type, exceptionType))
                    {
                        // LogError(ex, "…") or LogError(eventId, ex, "…"): the exception argument comes before the message.
                        passed ??= ExceptionTexts.ReferencedSymbol(ExceptionTexts.Root(argument, exceptionType));
                        continue;
                    }

                    if (argument.Type is { TypeKind: not TypeKind.Error, SpecialType: not SpecialType.System_String })
                    {
                        // An EventId or a level before the message is not text.
                        continue;
                    }
                }

                seenText = true;
                if (!ExceptionTexts.TryGetExceptionText(argument, exceptionType, out var text) ||
                    (text.ExceptionSymbol is not null && SymbolEqualityComparer.Default.Equals(text.ExceptionSymbol, passed)) ||
                    (text.IsSummary && !IsBroad(text, exceptionType, model, context.CancellationToken) && level < LogLevels.Error))
                {
                    continue;
                }

                (texts ??= new List<ExceptionText>()).Add(text);
            }

            if (texts is null || state.Value is not { } resolver)
            {
                return;
            }

            var isLoggingCall = false;
            foreach (var candidate in model.GetSymbolInfo(syntax, context.CancellationToken).CandidateSymbols)
            {
                if (candidate is IMethodSymbol method &&
                    (resolver.IsLoggerType(method.ContainingType) ||
                     (method.IsExtensionMethod && method.Parameters.Length > 0 && resolver.IsLoggerType(method.Parameters[0].Type))))
                {
                    isLoggingCall = true;
                    break;
                }
            }

            if (!isLoggingCall)
            {
                return;
            }

            foreach (var text in texts)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ExceptionLoggedAsText,
                    text.Text.Syntax.GetLocation(),
                    text.Exception.Syntax.ToString(),
                    text.Text.Syntax.ToString(),
                    access.Name.Identifier.ValueText));
            }
        }

        [MethodImpl(HotPath.Options)]
        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol exceptionType, System.Lazy<LogCallResolver?> state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            // The method first (a cached answer per assembly and method: most calls of a code base cannot log), then the
            // written arguments (syntax: exception text is never a literal), the arguments' exception text only for a call
            // that can log: reading the syntax of every call's arguments from an operation callback costs more than the
            // symbol test.
            if (state.Value is not { } resolver || !resolver.MayBeLogCall(invocation) || !LogCallResolver.MayCarryNonConstantText(invocation) ||
                !MayCarryExceptionText(invocation, exceptionType) ||
                !resolver.TryGetLogCall(invocation, out var call) || call is null ||
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
                ExceptionTexts.Collect(call.Template.Value, exceptionType, found);
            }

            foreach (var value in call.Values)
            {
                ExceptionTexts.Collect(value, exceptionType, found);
            }

            if (found.Count == 0)
            {
                return;
            }

            // The exception passed as the exception argument, by its root: LogError(ex.InnerException, ex.Message) is fine too.
            var passedException = call.Exception?.Value ?? FluentException(invocation);
            var passed = passedException is null ? null : ExceptionTexts.ReferencedSymbol(ExceptionTexts.Root(passedException, exceptionType));
            var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var reportedWithoutSymbol = false;
            foreach (var text in found)
            {
                if (text.ExceptionSymbol is not null && SymbolEqualityComparer.Default.Equals(text.ExceptionSymbol, passed))
                {
                    continue;
                }

                // A specific, expected exception summarized in one line (ex.Message) at Warning or below is a deliberate
                // choice; a catch-all's message, or any message at Error or above, loses the type and stack trace that matter.
                if (text.IsSummary && LogLevels.Of(call.Invocation) is { } level && level < LogLevels.Error &&
                    !(invocation.SemanticModel is { } model && IsBroad(text, exceptionType, model, context.CancellationToken)))
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

        /// <summary>
        /// False when no argument can hold exception text: what <see cref="ExceptionTexts.Collect"/> would find in the call's
        /// template and values, looked for in every argument (also the exception argument, which is not known before the
        /// method is classified), in the argument itself, the operands it is converted from and the elements of a params
        /// array or collection, so that it finds at least what <see cref="LogCallResolver.TryGetLogCall"/> lists. Needs
        /// only the exception type: the logging model is not asked about the method of a call that cannot be reported,
        /// nearly every call of a code base.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayCarryExceptionText(IInvocationOperation invocation, INamedTypeSymbol exceptionType)
        {
            foreach (var argument in invocation.Arguments)
            {
                for (IOperation? value = argument.Value; value is not null; value = (value as IConversionOperation)?.Operand)
                {
                    if (MayHoldExceptionText(value, exceptionType))
                    {
                        return true;
                    }

                    switch (value)
                    {
                        case IArrayCreationOperation { Initializer: { } initializer }:
                            foreach (var element in initializer.ElementValues)
                            {
                                if (MayHoldExceptionText(element, exceptionType))
                                {
                                    return true;
                                }
                            }

                            break;
                        case ICollectionExpressionOperation collection:
                            foreach (var element in collection.Elements)
                            {
                                if (MayHoldExceptionText(element, exceptionType))
                                {
                                    return true;
                                }
                            }

                            break;
                    }
                }
            }

            return false;
        }

        [System.ThreadStatic]
        private static List<ExceptionText>? _scratch;

        /// <summary>
        /// True when <see cref="ExceptionTexts.Collect"/> could find exception text in <paramref name="operation"/>. The
        /// common arguments are answered directly: a literal holds none, and a variable, field or property holds one only
        /// when it is an exception (or a catch variable) or its <c>Message</c>/<c>StackTrace</c>; the rest are collected.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayHoldExceptionText(IOperation operation, INamedTypeSymbol exceptionType)
        {
            switch (TemplateForms.Unwrap(operation))
            {
                case null:
                case ILiteralOperation:
                    return false;
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    return ExceptionTexts.TryGetExceptionText(operation, exceptionType, out _);
                default:
                    var found = _scratch ??= new List<ExceptionText>();
                    found.Clear();
                    ExceptionTexts.Collect(operation, exceptionType, found);
                    var any = found.Count > 0;
                    found.Clear();
                    return any;
            }
        }

        /// <summary>The exception given further down NLog's fluent chain: <c>.Message(…).Exception(ex).Log()</c>.</summary>
        private static IOperation? FluentException(IInvocationOperation invocation)
        {
            IOperation current = invocation;
            for (var depth = 0; depth < 8 && current.Parent is IInvocationOperation next && next.Instance == current; depth++, current = next)
            {
                if (next.TargetMethod.Name == LoggingFrameworks.NLog.FluentExceptionMethod && next.Arguments.Length == 1)
                {
                    return next.Arguments[0].Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The exception of a catch-all: its type is <c>Exception</c> or <c>SystemException</c> and, when it is a catch
        /// variable, the catch's <c>when</c> filter does not select failures (<c>when (ex is HttpRequestException)</c>,
        /// <c>when (IsTransient(ex))</c> make the catch specific). Read only for a summary logged below Error.
        /// </summary>
        private static bool IsBroad(ExceptionText text, INamedTypeSymbol exceptionType, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (!IsBroad(text.Exception.Type, exceptionType))
            {
                return false;
            }

            if (text.ExceptionSymbol is ILocalSymbol { DeclaringSyntaxReferences: { Length: 1 } references } local &&
                references[0].GetSyntax(cancellationToken) is CatchDeclarationSyntax { Parent: CatchClauseSyntax { Filter: { } filter } } &&
                filter.SyntaxTree == model.SyntaxTree &&
                model.GetOperation(filter.FilterExpression, cancellationToken) is { } filterOperation &&
                (CatchFilters.GivesExceptionToMethod(filterOperation, local) ||
                 (local.Type is { TypeKind: not TypeKind.Error } caught && CatchFilters.NarrowsType(filterOperation, local, caught))))
            {
                return false;
            }

            return true;
        }

        /// <summary>
        /// <c>Exception</c> or <c>SystemException</c> (what a catch-all catches), also when the name does not resolve; a
        /// specific type, or a type that does not resolve under another name, is not broad.
        /// </summary>
        private static bool IsBroad(ITypeSymbol? type, INamedTypeSymbol exceptionType)
        {
            if (type is null)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                return type.Name is "Exception" or "SystemException";
            }

            return SymbolEqualityComparer.Default.Equals(type, exceptionType) ||
                   type is { Name: "SystemException", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }
    }
}
