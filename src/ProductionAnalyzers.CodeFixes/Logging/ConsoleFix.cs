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
    /// PA4003 fix: <c>Console.WriteLine($"Imported {count} rows")</c> → <c>_logger.LogInformation("Imported {Count} rows", count)</c>
    /// on the logger in scope (a parameter of the enclosing method or lambda, a field or property of the type or its
    /// bases, a primary-constructor parameter; Serilog's static <c>Log</c> when the file imports Serilog).
    /// <c>Console.Error</c> → error level, <c>Debug</c> → debug level, <c>Trace.Write*</c> → information.
    /// Not offered for <c>*If</c>, <c>*Async</c>, category overloads, or without a logger.
    /// </summary>
    internal static class ConsoleFix
    {
        public static LogFixPlan? Plan(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            // The logger methods return void like the replaced calls, so any place the call stands in stays valid.
            if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation ||
                !diagnostic.Properties.TryGetValue(ConsoleOutputAnalyzer.LevelProperty, out var level) || level is null)
            {
                return null;
            }

            var method = operation.TargetMethod;
            if (!method.ReturnsVoid || method.Name is not ("Write" or "WriteLine" or "Print") ||
                method.Parameters.Any(p => p.Name == "category") || invocation.ArgumentList.Arguments.Count == 0 ||
                invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var builder = BuildMessage(invocation, method, model, cancellationToken);
            if (builder is null)
            {
                return null;
            }

            var (template, values) = builder.Render(model);
            if (!LogCallSyntax.ValuesCanBeBoxed(values, model, cancellationToken))
            {
                return null;
            }

            foreach (var logger in LoggerLookup.Find(model, invocation, invocation.SpanStart, cancellationToken))
            {
                if (LoggingFrameworks.Get(logger.Framework) is not { } framework || LogLevels.FromName(level) is not { } levelValue ||
                    framework.FixMethod(levelValue) is not { } methodName)
                {
                    continue;
                }

                var text = template;
                var textValues = values;
                if (framework.TemplateSyntax == TemplateSyntax.CompositeFormat)
                {
                    // log4net: a plain message to Info(object), or a composite format to InfoFormat(format, args).
                    if (builder.PlainText() is { } plain)
                    {
                        text = plain;
                    }
                    else if (framework.FormatSuffix is { } suffix)
                    {
                        (text, textValues) = builder.RenderCompositeFormat();
                        methodName += suffix;
                    }
                    else
                    {
                        continue;
                    }
                }
                else if (framework.TemplateSyntax != TemplateSyntax.MessageTemplate)
                {
                    continue;
                }

                var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(TemplateBuilder.Literal(text)) };
                arguments.AddRange(textValues.Select(v => SyntaxFactory.Argument(v.WithoutTrivia())));
                var argumentList = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                    arguments,
                    Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1)));
                var call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, logger.Expression, SyntaxFactory.IdentifierName(methodName)),
                    argumentList);

                // A logger declared nullable is called with '?.' (bound as the plain call, which resolves the same method).
                ExpressionSyntax replacement = logger.IsNullable
                    ? SyntaxFactory.ConditionalAccessExpression(
                        logger.Expression,
                        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName(methodName)), argumentList))
                    : call;

                var binding = model.GetSpeculativeSymbolInfo(invocation.SpanStart, call, SpeculativeBindingOption.BindAsExpression);
                if (binding.Symbol is IMethodSymbol)
                {
                    return new LogFixPlan(invocation, replacement);
                }

                // MEL's LogInformation & co. are extension methods: they need the namespace imported.
                if (LoggingFrameworks.Get(logger.Framework)?.LevelMethodsNamespace is { } extensionNamespace)
                {
                    return new LogFixPlan(invocation, replacement, addUsing: extensionNamespace);
                }
            }

            return null;
        }

        private static TemplateBuilder? BuildMessage(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (method.Parameters.Length >= 2 && method.Parameters[0].Name == "format" && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                return TemplateBuilder.FromCompositeFormat(arguments, model, cancellationToken);
            }

            if (arguments.Count != 1)
            {
                return null;
            }

            var argument = arguments[0].Expression;
            var type = model.GetTypeInfo(argument, cancellationToken).Type;
            if (type is null || type is IArrayTypeSymbol)
            {
                return null;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                var built = TemplateBuilder.TryCreate(argument, model, new List<ExpressionSyntax>(), cancellationToken);
                if (built is not null)
                {
                    return built;
                }
            }

            return TemplateBuilder.FromSingleValue(argument);
        }
    }
}
