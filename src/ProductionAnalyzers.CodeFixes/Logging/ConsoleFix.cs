using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
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

            foreach (var (logger, framework) in FindLoggers(invocation, model, cancellationToken))
            {
                var methodName = MethodName(framework, level);
                if (methodName is null)
                {
                    continue;
                }

                var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(TemplateBuilder.Literal(template)) };
                arguments.AddRange(values.Select(v => SyntaxFactory.Argument(v.WithoutTrivia())));
                var call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, logger, SyntaxFactory.IdentifierName(methodName)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                        arguments,
                        Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1))));

                var binding = model.GetSpeculativeSymbolInfo(invocation.SpanStart, call, SpeculativeBindingOption.BindAsExpression);
                if (binding.Symbol is IMethodSymbol)
                {
                    return new LogFixPlan(invocation, call);
                }

                // MEL's LogInformation & co. are extension methods: they need the namespace imported.
                if (framework == LoggingFramework.MicrosoftExtensionsLogging)
                {
                    return new LogFixPlan(invocation, call, addUsing: "Microsoft.Extensions.Logging");
                }
            }

            return null;
        }

        private static TemplateBuilder? BuildMessage(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (method.Parameters.Length >= 2 && method.Parameters[0].Name == "format" && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                var format = model.GetConstantValue(arguments[0].Expression, cancellationToken);
                if (!format.HasValue || format.Value is not string formatText)
                {
                    return null;
                }

                var values = new List<ExpressionSyntax>();
                for (var i = 1; i < arguments.Count; i++)
                {
                    var expression = arguments[i].Expression;
                    if (arguments.Count == 2 && model.GetTypeInfo(expression, cancellationToken).Type is IArrayTypeSymbol)
                    {
                        if (expression is ArrayCreationExpressionSyntax { Initializer: { } initializer })
                        {
                            values.AddRange(initializer.Expressions);
                            continue;
                        }

                        return null;
                    }

                    values.Add(expression);
                }

                return TemplateBuilder.FromCompositeFormat(formatText, values);
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

        private static string? MethodName(LoggingFramework framework, string level)
        {
            return framework switch
            {
                LoggingFramework.MicrosoftExtensionsLogging => "Log" + level,
                LoggingFramework.Serilog => level,
                LoggingFramework.NLog => level switch
                {
                    "Information" => "Info",
                    "Warning" => "Warn",
                    _ => level,
                },
                _ => null,
            };
        }

        /// <summary>
        /// Loggers usable at the call, nearest first: locals and parameters (also of enclosing lambdas and local functions),
        /// then fields and properties of the type and its bases, then primary-constructor parameters, then Serilog's static
        /// <c>Log</c> in a file that imports Serilog.
        /// </summary>
        private static IEnumerable<(ExpressionSyntax Logger, LoggingFramework Framework)> FindLoggers(
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            var apis = LoggingApis.Get(WellKnownTypes.Get(model.Compilation));
            var position = invocation.SpanStart;
            var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
            var member = enclosing;
            var inStaticFunction = false;

            // Inside a static lambda or local function only its own locals and parameters can be used.
            var capturable = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is not null)
            {
                if (!inStaticFunction)
                {
                    capturable.Add(member);
                }

                inStaticFunction |= member.IsStatic;
                member = member.ContainingSymbol;
            }

            var isStatic = inStaticFunction || (member?.IsStatic ?? true);
            var nearest = new List<(ExpressionSyntax, LoggingFramework)>();
            var members = new List<(ExpressionSyntax, LoggingFramework)>();
            var primary = new List<(ExpressionSyntax, LoggingFramework)>();
            foreach (var symbol in model.LookupSymbols(position))
            {
                ITypeSymbol? type;
                List<(ExpressionSyntax, LoggingFramework)> target;
                switch (symbol)
                {
                    case ILocalSymbol local:
                        // Declared before the call (a local's scope is its whole block).
                        if (local.DeclaringSyntaxReferences.Length == 0 || local.DeclaringSyntaxReferences[0].Span.End > position ||
                            (inStaticFunction && !capturable.Contains(local.ContainingSymbol)))
                        {
                            continue;
                        }

                        type = local.Type;
                        target = nearest;
                        break;
                    case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } &&
                                                       !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, member):
                        if (isStatic)
                        {
                            continue;
                        }

                        type = parameter.Type;
                        target = primary;
                        break;
                    case IParameterSymbol parameter:
                        if (inStaticFunction && !capturable.Contains(parameter.ContainingSymbol))
                        {
                            continue;
                        }

                        type = parameter.Type;
                        target = nearest;
                        break;
                    case IFieldSymbol field when !field.IsImplicitlyDeclared:
                        if (isStatic && !field.IsStatic)
                        {
                            continue;
                        }

                        type = field.Type;
                        target = members;
                        break;
                    case IPropertySymbol { IsIndexer: false } property:
                        if (isStatic && !property.IsStatic)
                        {
                            continue;
                        }

                        type = property.Type;
                        target = members;
                        break;
                    default:
                        continue;
                }

                var framework = apis.FrameworkOf(type);
                if (IsUsable(framework))
                {
                    target.Add((SyntaxFactory.IdentifierName(symbol.Name), framework));
                }
            }

            foreach (var candidate in nearest.Concat(members).Concat(primary))
            {
                yield return candidate;
            }

            // Serilog's static Log, in a file that imports Serilog.
            if (model.Compilation.GetTypeByMetadataName(LoggingApis.SerilogLog) is not null &&
                invocation.SyntaxTree.GetRoot(cancellationToken) is CompilationUnitSyntax unit &&
                unit.Usings.Any(u => u.Name?.ToString() == "Serilog"))
            {
                yield return (SyntaxFactory.IdentifierName("Log"), LoggingFramework.Serilog);
            }
        }

        private static bool IsUsable(LoggingFramework framework) =>
            framework is LoggingFramework.MicrosoftExtensionsLogging or LoggingFramework.Serilog or LoggingFramework.NLog;
    }
}
