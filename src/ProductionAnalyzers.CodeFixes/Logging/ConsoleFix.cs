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
    /// <c>Console.Error</c> → error level, <c>Debug</c> → debug level, <c>Trace.TraceWarning/TraceError</c> → warning/error.
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
            if (!method.ReturnsVoid || method.Name is not ("Write" or "WriteLine" or "Print" or "TraceInformation" or "TraceWarning" or "TraceError") ||
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

        /// <summary>Loggers usable at the call, nearest first.</summary>
        private static IEnumerable<(ExpressionSyntax Logger, LoggingFramework Framework)> FindLoggers(
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            var apis = LoggingApis.Get(WellKnownTypes.Get(model.Compilation));
            var isStatic = false;

            // Parameters of the enclosing lambdas, local functions and method.
            foreach (var ancestor in invocation.Ancestors())
            {
                IEnumerable<ParameterSyntax> parameters = ancestor switch
                {
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                    SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter },
                    AnonymousMethodExpressionSyntax anonymous when anonymous.ParameterList is not null => anonymous.ParameterList.Parameters,
                    LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
                    BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                    _ => Enumerable.Empty<ParameterSyntax>(),
                };
                foreach (var parameter in parameters)
                {
                    if (model.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol)
                    {
                        var framework = apis.FrameworkOf(symbol.Type);
                        if (IsUsable(framework))
                        {
                            yield return (SyntaxFactory.IdentifierName(symbol.Name), framework);
                        }
                    }
                }

                if (ancestor is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax or FieldDeclarationSyntax)
                {
                    if (ancestor is MemberDeclarationSyntax member && member.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        isStatic = true;
                    }
                }

                if (ancestor is TypeDeclarationSyntax)
                {
                    break;
                }
            }

            var typeDeclaration = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (typeDeclaration is not null && model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is INamedTypeSymbol type)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member.IsImplicitlyDeclared || (isStatic && !member.IsStatic) ||
                            (!SymbolEqualityComparer.Default.Equals(current, type) && member.DeclaredAccessibility == Accessibility.Private))
                        {
                            continue;
                        }

                        var memberType = member switch
                        {
                            IFieldSymbol field => field.Type,
                            IPropertySymbol { IsIndexer: false } property => property.Type,
                            _ => null,
                        };
                        var framework = apis.FrameworkOf(memberType);
                        if (memberType is not null && IsUsable(framework))
                        {
                            yield return (SyntaxFactory.IdentifierName(member.Name), framework);
                        }
                    }
                }

                if (!isStatic && typeDeclaration.ParameterList is { } primary)
                {
                    foreach (var parameter in primary.Parameters)
                    {
                        if (model.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsUsable(apis.FrameworkOf(symbol.Type)))
                        {
                            yield return (SyntaxFactory.IdentifierName(symbol.Name), apis.FrameworkOf(symbol.Type));
                        }
                    }
                }
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
