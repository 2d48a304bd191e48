using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>A logger a fix can call at a position: <see cref="Expression"/> is the receiver without <c>?.</c>.</summary>
    internal sealed class LoggerCandidate
    {
        public LoggerCandidate(string name, ITypeSymbol type, LoggingFramework framework, bool isNullable)
        {
            Name = name;
            Type = type;
            Framework = framework;
            IsNullable = isNullable;
        }

        /// <summary>The symbol's name as users read it, e.g. <c>_logger</c>.</summary>
        public string Name { get; }

        public ITypeSymbol Type { get; }

        public LoggingFramework Framework { get; }

        /// <summary>True when the member or parameter is declared nullable: calls need <c>?.</c>.</summary>
        public bool IsNullable { get; }

        /// <summary>The receiver's text, escaped when the name is a keyword (<c>@log</c>).</summary>
        public string ExpressionText => SyntaxFacts.GetKeywordKind(Name) != SyntaxKind.None ? "@" + Name : Name;

        public IdentifierNameSyntax Expression => SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(
            SyntaxTriviaList.Empty, SyntaxKind.IdentifierToken, ExpressionText, Name, SyntaxTriviaList.Empty));
    }

    /// <summary>
    /// "Which logger is in scope here?" for the fixes that add a log call: locals declared before the fixed node,
    /// parameters of the enclosing function(s) up to the first static lambda or local function, fields and properties of
    /// the type and its bases (static ones only in a static context or a field initializer), primary-constructor
    /// parameters of the type, then Serilog's static <c>Log</c> when that name binds to it.
    /// </summary>
    internal static class LoggerLookup
    {
        private const int LocalRank = 0;
        private const int ParameterRank = 1;
        private const int MemberRank = 2;
        private const int PrimaryConstructorRank = 3;

        /// <summary>
        /// The loggers usable at <paramref name="position"/>, nearest first; locals count only when declared before
        /// <paramref name="node"/>. Each name binds to its logger at the position (nothing shadows it), and members are
        /// accessible there. The caller keeps the frameworks it can call.
        /// </summary>
        public static ImmutableArray<LoggerCandidate> Find(SemanticModel semanticModel, SyntaxNode node, int position, CancellationToken cancellationToken)
        {
            var logging = LogCallResolver.Get(semanticModel.Compilation);

            // Which functions' locals and parameters are reachable, and whether 'this' is.
            var reachableFunctions = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var staticContext = false;
            INamedTypeSymbol? containingType = null;
            var reachable = true;
            for (var symbol = semanticModel.GetEnclosingSymbol(position, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is INamedTypeSymbol type)
                {
                    containingType = type;
                    break;
                }

                if (symbol is not IMethodSymbol method)
                {
                    // A lambda in a field or property initializer: 'this' is not available there.
                    staticContext = true;
                    reachable = false;
                    continue;
                }

                if (reachable)
                {
                    reachableFunctions.Add(method);
                }

                if (method.IsStatic)
                {
                    staticContext = true;
                    reachable = false;
                }
            }

            var found = new List<(LoggerCandidate Candidate, int Rank)>();
            foreach (var symbol in semanticModel.LookupSymbols(position))
            {
                ITypeSymbol type;
                int rank;
                switch (symbol)
                {
                    case ILocalSymbol local:
                        // Declared before the node (a local's scope is its whole block), and not captured by a static function.
                        if (local.DeclaringSyntaxReferences.Length == 0 ||
                            local.DeclaringSyntaxReferences[0].Span.End > node.SpanStart ||
                            local.DeclaringSyntaxReferences[0].SyntaxTree != node.SyntaxTree ||
                            (local.ContainingSymbol is IMethodSymbol && !reachableFunctions.Contains(local.ContainingSymbol)))
                        {
                            continue;
                        }

                        type = local.Type;
                        rank = LocalRank;
                        break;
                    case IParameterSymbol parameter when reachableFunctions.Contains(parameter.ContainingSymbol):
                        type = parameter.Type;
                        rank = ParameterRank;
                        break;
                    case IParameterSymbol parameter when !staticContext &&
                                                         parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor &&
                                                         SymbolEqualityComparer.Default.Equals(constructor.ContainingType, containingType):
                        // A primary-constructor parameter.
                        type = parameter.Type;
                        rank = PrimaryConstructorRank;
                        break;
                    case IFieldSymbol field when (field.IsStatic || (!staticContext && IsThisOrBase(containingType, field.ContainingType))) && !field.IsImplicitlyDeclared:
                        type = field.Type;
                        rank = MemberRank;
                        break;
                    case IPropertySymbol property when (property.IsStatic || (!staticContext && IsThisOrBase(containingType, property.ContainingType))) &&
                                                       property.GetMethod is not null && !property.IsIndexer &&
                                                       semanticModel.IsAccessible(position, property.GetMethod):
                        type = property.Type;
                        rank = MemberRank;
                        break;
                    default:
                        continue;
                }

                var framework = logging.FrameworkOf(type);
                if (framework == LoggingFramework.None || IsFluentBuilder(semanticModel.Compilation, type, framework))
                {
                    continue;
                }

                // The name must bind to this symbol here (not shadowed by a local or parameter).
                // (Types of the same name - MEL's Logger<T> - lose against members in an expression.)
                var bound = semanticModel.LookupSymbols(position, name: symbol.Name).Where(s => s is not INamespaceOrTypeSymbol).ToList();
                if (bound.Count != 1 || !SymbolEqualityComparer.Default.Equals(bound[0], symbol))
                {
                    continue;
                }

                // 'var' locals are always annotated as nullable; only declared nullability of members and parameters counts.
                var nullable = symbol is not ILocalSymbol && type.NullableAnnotation == NullableAnnotation.Annotated;
                found.Add((new LoggerCandidate(symbol.Name, type, framework, nullable), rank));
            }

            var result = ImmutableArray.CreateBuilder<LoggerCandidate>(found.Count + 1);
            result.AddRange(found.OrderBy(f => f.Rank).Select(f => f.Candidate));

            // A static logger class (Serilog's Log), when its name binds to it here (using Serilog; in the file).
            foreach (var description in LoggingFrameworks.All)
            {
                if (description.StaticLoggerType is not { } staticLoggerType ||
                    semanticModel.Compilation.GetTypeByMetadataName(staticLoggerType) is not { } staticLogger)
                {
                    continue;
                }

                var bound = semanticModel.LookupNamespacesAndTypes(position, name: staticLogger.Name);
                if (bound.Length == 1 && SymbolEqualityComparer.Default.Equals(bound[0], staticLogger))
                {
                    result.Add(new LoggerCandidate(staticLogger.Name, staticLogger, description.Framework, isNullable: false));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// True for the framework's fluent event builder (NLog's <c>LogEventBuilder</c> of <c>ForInfoEvent()</c>): it logs, but
        /// has no level methods a fix can call.
        /// </summary>
        private static bool IsFluentBuilder(Compilation compilation, ITypeSymbol type, LoggingFramework framework) =>
            LoggingFrameworks.Get(framework)?.FluentBuilderType is { } builder &&
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, compilation.GetTypeByMetadataName(builder));

        /// <summary>True when <paramref name="owner"/> is <paramref name="type"/> or one of its base types (an instance member reachable through 'this').</summary>
        private static bool IsThisOrBase(INamedTypeSymbol? type, INamedTypeSymbol owner)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
