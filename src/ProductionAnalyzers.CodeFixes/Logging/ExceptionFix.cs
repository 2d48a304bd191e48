using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Logging;

namespace ProductionAnalyzers.CodeFixes.Logging
{
    /// <summary>
    /// PA4002 fix: <c>LogError($"Saving order {id} failed: {ex.Message}")</c> →
    /// <c>LogError(ex, "Saving order {Id} failed", id)</c>. The exception goes to the overload that takes it (MEL
    /// <c>LogError(ex, …)</c>, Serilog <c>Error(ex, …)</c>, NLog <c>Error(ex, …)</c>); every text of that exception and
    /// its placeholder is dropped, with the label before it ("failed: ", "Error: "). A template that was only the
    /// exception text (<c>LogError(ex.Message)</c>) becomes <c>"&lt;Member&gt; failed"</c>. log4net takes the exception after
    /// a plain message (<c>Error(object message, Exception exception)</c>) and its <c>*Format</c> methods have no exception
    /// overload: <c>Log.ErrorFormat("Export failed: {0}", ex.Message)</c> → <c>Log.Error("Export failed", ex)</c>, offered when
    /// no other value remains.
    /// </summary>
    internal static class ExceptionFix
    {
        public static LogFixPlan? Plan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var resolver = LogCallResolver.Create(model.Compilation);
            if (resolver is null)
            {
                return null;
            }

            // The logging call around the reported text.
            InvocationExpressionSyntax? invocation = null;
            LogCall? call = null;
            foreach (var candidate in node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (LogCallSyntax.TryGetCall(candidate, model, cancellationToken, out call) && call is not null)
                {
                    invocation = candidate;
                    break;
                }
            }

            if (invocation is null || call is null || call.Template is null || call.Exception is not null || !call.ValuesKnown ||
                call.Kind is not (LogCallKind.Event or LogCallKind.Wrapper or LogCallKind.Message) ||
                invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var textOperation = model.GetOperation(node, cancellationToken);
            if (textOperation is null || !ExceptionTexts.TryGetExceptionText(textOperation, resolver.ExceptionType, out var reported))
            {
                return null;
            }

            if (reported.Exception.Syntax is not ExpressionSyntax exceptionExpression || !IsSimpleReference(exceptionExpression))
            {
                return null;
            }

            // Every text of the same exception in the template and the values.
            var found = new List<ExceptionText>();
            ExceptionTexts.Collect(call.Template.Value, resolver.ExceptionType, found);
            foreach (var value in call.Values)
            {
                ExceptionTexts.Collect(value, resolver.ExceptionType, found);
            }

            var texts = found
                .Where(t => reported.ExceptionSymbol is not null
                    ? SymbolEqualityComparer.Default.Equals(t.ExceptionSymbol, reported.ExceptionSymbol)
                    : t.Exception.Syntax.ToString() == exceptionExpression.ToString())
                .Select(t => t.Text.Syntax)
                .ToList();
            if (texts.Count == 0)
            {
                return null;
            }

            // new { Error = ex.Message } as a value: fixed only when the text is the object's only member (the whole value
            // and its placeholder go); other members would be lost with it.
            foreach (var text in texts)
            {
                if (text.FirstAncestorOrSelf<AnonymousObjectCreationExpressionSyntax>() is { } anonymous &&
                    invocation.ArgumentList.Span.Contains(anonymous.Span) && anonymous.Initializers.Count != 1)
                {
                    return null;
                }
            }

            var framework = LoggingFrameworks.Get(call.Framework);
            var exceptionAfterMessage = framework?.ExceptionPosition == ExceptionPosition.AfterMessage;
            if (call.Kind == LogCallKind.Message && !exceptionAfterMessage)
            {
                return null;
            }

            var templateArgument = (ArgumentSyntax)call.Template.Syntax;
            string? plainText = null;
            LiteralStyle? style = null;
            var templateExpression = templateArgument.Expression;
            string template;
            List<ExpressionSyntax> values;
            if (texts.Any(t => Unparenthesize(templateExpression).Span == t.Span))
            {
                // LogError(ex.Message) → LogError(ex, "<Member> failed"); LogError(ex.Message, ex) too.
                if (call.Values.Any(v => !texts.Any(t => t.Span == v.Syntax.Span)))
                {
                    return null;
                }

                template = DefaultMessage(invocation, model, cancellationToken);
                plainText = template;
                values = new List<ExpressionSyntax>();
            }
            else
            {
                var existing = LogCallSyntax.ValueSyntaxes(call);
                if (existing is null)
                {
                    return null;
                }

                var builder = TemplateBuilder.TryCreate(templateExpression, model, existing, cancellationToken);
                if (builder is null)
                {
                    return null;
                }

                builder.RemoveHoles(expression => texts.Any(t => expression.Span.Contains(t.Span)));
                if (builder.Parts.Any(p => p.IsHole && texts.Any(t => t.Span.IntersectsWith(p.Expression!.Span))))
                {
                    return null;
                }

                (template, values) = builder.Render(model);
                plainText = builder.PlainText();
                style = builder.Style;
                if (template.Trim().Length == 0)
                {
                    template = DefaultMessage(invocation, model, cancellationToken);
                    plainText = template;
                    style = null;
                }
            }

            if (exceptionAfterMessage)
            {
                return framework is not null && values.Count == 0 && plainText is not null
                    ? PlanMessageThenException(invocation, framework, plainText, exceptionExpression, model, cancellationToken)
                    : null;
            }

            if (!LogCallSyntax.ValuesCanBeBoxed(values, model, cancellationToken))
            {
                return null;
            }

            // NLog's fluent builder takes the exception in a call of its own: .Message("...", values).Exception(ex).
            if (framework?.FluentExceptionMethod is { } exceptionMethod &&
                call.Method.ContainingType?.OriginalDefinition.ToDisplayString() == framework.FluentBuilderType)
            {
                var message = LogCallSyntax.Rebuild(invocation, templateArgument, template, values, insertBefore: null, style: style);
                var chained = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, message, SyntaxFactory.IdentifierName(exceptionMethod)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(exceptionExpression.WithoutTrivia()))));
                return LogCallSyntax.Binds(model, invocation, chained, requireException: true, cancellationToken)
                    ? new LogFixPlan(invocation, chained)
                    : null;
            }

            // The exception goes right before the template (LogError(ex, "..."), Log(level, ex, "...")), or first.
            var rewritten = LogCallSyntax.Rebuild(invocation, templateArgument, template, values, exceptionExpression, style: style);
            if (!LogCallSyntax.Binds(model, invocation, rewritten, requireException: true, cancellationToken))
            {
                rewritten = LogCallSyntax.Rebuild(invocation, templateArgument, template, values, exceptionExpression, insertAt: 0, style: style);
                if (!LogCallSyntax.Binds(model, invocation, rewritten, requireException: true, cancellationToken))
                {
                    return null;
                }
            }

            return new LogFixPlan(invocation, rewritten);
        }

        /// <summary>
        /// log4net: <c>Log.ErrorFormat("…: {0}", ex.Message)</c> / <c>Log.Error("…: " + ex.Message)</c> →
        /// <c>Log.Error("…", ex)</c>, the plain level method with the message first and the exception after it.
        /// </summary>
        private static LogFixPlan? PlanMessageThenException(
            InvocationExpressionSyntax invocation,
            LoggingFrameworkDescription framework,
            string message,
            ExpressionSyntax exception,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            SimpleNameSyntax? name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };
            if (name is not IdentifierNameSyntax identifier)
            {
                return null;
            }

            var methodName = identifier.Identifier.ValueText;
            if (framework.IsFormatMethod(methodName) && framework.FormatSuffix is { } suffix)
            {
                methodName = methodName.Substring(0, methodName.Length - suffix.Length);
            }

            var arguments = SyntaxFactory.SeparatedList(
                new[] { SyntaxFactory.Argument(TemplateBuilder.Literal(message)), SyntaxFactory.Argument(exception.WithoutTrivia()) },
                new[] { SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) });
            var rewritten = invocation
                .ReplaceNode(identifier, identifier.WithIdentifier(SyntaxFactory.Identifier(methodName).WithTriviaFrom(identifier.Identifier)))
                .WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
            return LogCallSyntax.Binds(model, invocation, rewritten, requireException: true, cancellationToken)
                ? new LogFixPlan(invocation, rewritten)
                : null;
        }

        private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static bool IsSimpleReference(ExpressionSyntax expression)
        {
            return expression switch
            {
                IdentifierNameSyntax => true,
                MemberAccessExpressionSyntax member => member.Expression is ThisExpressionSyntax || IsSimpleReference(member.Expression),
                _ => false,
            };
        }

        private static string DefaultMessage(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var member = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is not null)
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction } local)
                {
                    return local.Name + " failed";
                }

                member = member.ContainingSymbol;
            }

            return member switch
            {
                IMethodSymbol { MethodKind: MethodKind.Ordinary } method when !method.Name.StartsWith("<", System.StringComparison.Ordinal) =>
                    (method.Name.EndsWith("Async", System.StringComparison.Ordinal) && method.Name.Length > 5 ? method.Name.Substring(0, method.Name.Length - 5) : method.Name) + " failed",
                _ => "Operation failed",
            };
        }
    }
}
