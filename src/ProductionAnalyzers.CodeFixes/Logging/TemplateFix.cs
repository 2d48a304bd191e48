using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Logging;

namespace ProductionAnalyzers.CodeFixes.Logging
{
    /// <summary>
    /// PA4001 fix: <c>LogInformation($"Order {order.Id} took {ms:N0} ms")</c> →
    /// <c>LogInformation("Order {OrderId} took {Ms:N0} ms", order.Id, ms)</c>. Also for concatenation and
    /// <c>string.Format</c>, and for a local built right before the call and used only there (the local is inlined).
    /// </summary>
    internal static class TemplateFix
    {
        public static LogFixPlan? Plan(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var argument = node.FirstAncestorOrSelf<ArgumentSyntax>();
            if (argument?.Parent is not ArgumentListSyntax argumentList || argumentList.Parent is not InvocationExpressionSyntax invocation ||
                !LogCallSyntax.TryGetCall(invocation, model, cancellationToken, out var call) || call is null ||
                call.Kind is LogCallKind.Define or LogCallKind.Generated || !call.ValuesKnown || call.Template is null ||
                call.Template.Syntax != argument)
            {
                return null;
            }

            if (argumentList.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            // An interface logger of the user's (IAppLogger<T>): its implementation is not known, so it may format with
            // string.Format, where named placeholders would throw. Wrappers whose body forwards to a logger are fixed.
            if (call.Kind == LogCallKind.PassThrough && (call.Method.ReducedFrom ?? call.Method).IsAbstract)
            {
                return null;
            }

            var existing = LogCallSyntax.ValueSyntaxes(call);
            if (existing is null)
            {
                return null;
            }

            var message = argument.Expression;
            StatementSyntax? removeStatement = null;
            if (diagnostic.Properties.TryGetValue(NonConstantLogTemplateAnalyzer.LocalNameProperty, out var localName) && localName is not null)
            {
                if (!TryInlineLocal(argument.Expression, invocation, model, cancellationToken, out message, out removeStatement))
                {
                    return null;
                }
            }

            var builder = TemplateBuilder.TryCreate(message, model, existing, cancellationToken);
            if (builder is null)
            {
                return null;
            }

            // log4net's *Format methods take a composite format: numbered holes ({0}), where named ones would throw a
            // FormatException. A named hole already in the text is such a bug; the fix does not silently repair it.
            var compositeFormat = LoggingFrameworks.Get(call.Framework)?.TemplateSyntax == TemplateSyntax.CompositeFormat;
            if (compositeFormat && builder.Parts.Any(p => p.IsHole && p.Name is not null))
            {
                return null;
            }

            var (template, values) = compositeFormat ? builder.RenderCompositeFormat() : builder.Render(model);
            var newInvocation = LogCallSyntax.Rebuild(invocation, argument, template, values, insertBefore: null, style: builder.Style);
            if (!LogCallSyntax.ValuesCanBeBoxed(values, model, cancellationToken) ||
                !LogCallSyntax.Binds(model, invocation, newInvocation, requireException: false, cancellationToken))
            {
                return null;
            }

            // ILogger.BeginScope<string>(state) → BeginScope("...{X}", x) must land on LoggerExtensions.BeginScope(messageFormat, args).
            if (call.Kind == LogCallKind.Scope && values.Count > 0 &&
                !(model.GetSpeculativeSymbolInfo(invocation.SpanStart, newInvocation, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol bound &&
                  (bound.ReducedFrom ?? bound).Parameters.Any(p => p.Name == "messageFormat")))
            {
                return null;
            }

            return new LogFixPlan(invocation, newInvocation, removeStatement);
        }

        /// <summary>
        /// <c>var message = $"..."; logger.LogX(message);</c> → the message moves into the call. Only when the declaration is
        /// the statement right before the call, declares only this local, and the local is neither written nor read elsewhere.
        /// </summary>
        private static bool TryInlineLocal(
            ExpressionSyntax reference,
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            CancellationToken cancellationToken,
            out ExpressionSyntax message,
            out StatementSyntax? declaration)
        {
            message = reference;
            declaration = null;
            if (reference is not IdentifierNameSyntax identifier ||
                model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local ||
                local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator ||
                declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } ||
                declarator.Parent.Parent is not LocalDeclarationStatementSyntax statement ||
                statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || statement.IsConst ||
                statement.Parent is not BlockSyntax block)
            {
                return false;
            }

            var callStatement = invocation.FirstAncestorOrSelf<StatementSyntax>();
            while (callStatement is not null && callStatement.Parent != block)
            {
                callStatement = callStatement.Parent?.FirstAncestorOrSelf<StatementSyntax>();
            }

            if (callStatement is null)
            {
                return false;
            }

            var index = block.Statements.IndexOf(statement);
            if (index < 0 || index + 1 >= block.Statements.Count || block.Statements[index + 1] != callStatement)
            {
                return false;
            }

            // The call must be the local's only use, and nothing else may write it.
            var uses = 0;
            foreach (var name in block.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    uses++;
                }
            }

            if (uses != 1)
            {
                return false;
            }

            message = initializer.Value;
            declaration = statement;
            return true;
        }
    }

    /// <summary>Syntax helpers shared by the logging fixes.</summary>
    internal static class LogCallSyntax
    {
        public static bool TryGetCall(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken, out LogCall? call)
        {
            call = null;
            var resolver = LogCallResolver.Create(model.Compilation);
            return resolver is not null && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation &&
                   resolver.TryGetLogCall(operation, out call);
        }

        /// <summary>The syntax of the values of the call, or null when a value is not written as its own argument.</summary>
        public static List<ExpressionSyntax>? ValueSyntaxes(LogCall call)
        {
            var result = new List<ExpressionSyntax>();
            foreach (var value in call.Values)
            {
                if (value.Syntax is not ExpressionSyntax expression || expression.Parent is not ArgumentSyntax)
                {
                    return null;
                }

                result.Add(expression);
            }

            return result;
        }

        /// <summary>The call with the template replaced and the values after it; <paramref name="insertBefore"/> goes before the template.</summary>
        public static InvocationExpressionSyntax Rebuild(
            InvocationExpressionSyntax invocation,
            ArgumentSyntax templateArgument,
            string template,
            IReadOnlyList<ExpressionSyntax> values,
            ExpressionSyntax? insertBefore,
            int insertAt = -1,
            LiteralStyle? style = null)
        {
            var arguments = new List<ArgumentSyntax>();
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument == templateArgument)
                {
                    break;
                }

                arguments.Add(argument);
            }

            if (insertBefore is not null)
            {
                var exceptionArgument = SyntaxFactory.Argument(insertBefore.WithoutTrivia());
                if (insertAt >= 0 && insertAt <= arguments.Count)
                {
                    arguments.Insert(insertAt, exceptionArgument);
                }
                else
                {
                    arguments.Add(exceptionArgument);
                }
            }

            arguments.Add(templateArgument.WithExpression(TemplateBuilder.Literal(template, style).WithTriviaFrom(templateArgument.Expression)));
            foreach (var value in values)
            {
                arguments.Add(SyntaxFactory.Argument(value.WithoutTrivia()));
            }

            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), System.Math.Max(0, arguments.Count - 1));
            var list = invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, separators));
            return invocation.WithArgumentList(list);
        }

        public static bool ValuesCanBeBoxed(IEnumerable<ExpressionSyntax> values, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var value in values)
            {
                var type = model.GetTypeInfo(value, cancellationToken).Type;
                if (type is null || type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ||
                    type.SpecialType == SpecialType.System_Void)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the rewritten call binds to a method (with an exception parameter, when asked).</summary>
        public static bool Binds(SemanticModel model, InvocationExpressionSyntax original, InvocationExpressionSyntax rewritten, bool requireException, CancellationToken cancellationToken)
        {
            var info = model.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
            if (info.Symbol is not IMethodSymbol method)
            {
                return false;
            }

            if (!requireException)
            {
                return true;
            }

            var resolver = LogCallResolver.Create(model.Compilation);
            var definition = method.ReducedFrom ?? method;
            return resolver is not null && definition.Parameters.Any(p => resolver.IsException(p.Type));
        }
    }
}
