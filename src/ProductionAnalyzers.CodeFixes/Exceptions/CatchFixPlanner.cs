using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Exceptions;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.CodeFixes.Exceptions
{
    internal enum CatchFixKind
    {
        LogException,
        Rethrow,
        KeepCause,
    }

    /// <summary>What one fix does to one catch clause; computed on the original tree, applied by <see cref="CatchFixApplier"/>.</summary>
    internal sealed class CatchFixPlan
    {
        public CatchFixPlan(CatchClauseSyntax catchClause, CatchFixKind kind)
        {
            CatchClause = catchClause;
            Kind = kind;
        }

        public CatchClauseSyntax CatchClause { get; }

        public CatchFixKind Kind { get; }

        /// <summary>The exception variable the fix uses; set when the catch has to declare one.</summary>
        public string? NewVariableName { get; set; }

        /// <summary>The variable name the statements use (existing or new).</summary>
        public string VariableName { get; set; } = "ex";

        /// <summary>True when <c>using System;</c> is needed for a new <c>Exception</c> declaration.</summary>
        public bool NeedsSystemUsing { get; set; }

        public bool QualifyException { get; set; }

        /// <summary>Log fix: the call text without the variable, e.g. <c>_logger.LogError({0}, "Save failed");</c>.</summary>
        public string? LogStatementFormat { get; set; }

        public string? LoggerDisplay { get; set; }

        public string? ExtraUsing { get; set; }

        /// <summary>Rethrow fix: replace the last statement instead of appending.</summary>
        public bool ReplaceLastStatement { get; set; }

        /// <summary>Keep-cause fix: the object creations that get the caught exception as last argument.</summary>
        public ImmutableArray<ObjectCreationExpressionSyntax> CreationsToWrap { get; set; } = ImmutableArray<ObjectCreationExpressionSyntax>.Empty;
    }

    /// <summary>Decides, with the semantic model, whether and how each fix applies to a catch clause.</summary>
    internal static class CatchFixPlanner
    {
        public static CatchFixPlan? Plan(
            SemanticModel semanticModel,
            CatchClauseSyntax catchClause,
            CatchFixKind kind,
            ISet<string>? reservedNames,
            CancellationToken cancellationToken)
        {
            if (catchClause.Block is null || catchClause.Block.IsMissing)
            {
                return null;
            }

            return kind switch
            {
                CatchFixKind.LogException => PlanLog(semanticModel, catchClause, reservedNames, cancellationToken),
                CatchFixKind.Rethrow => PlanRethrow(semanticModel, catchClause, cancellationToken),
                CatchFixKind.KeepCause => PlanKeepCause(semanticModel, catchClause, reservedNames, cancellationToken),
                _ => null,
            };
        }

        private static CatchFixPlan? PlanRethrow(SemanticModel semanticModel, CatchClauseSyntax catchClause, CancellationToken cancellationToken)
        {
            var plan = new CatchFixPlan(catchClause, CatchFixKind.Rethrow);
            var statements = catchClause.Block.Statements;
            if (CatchClauseFacts.HasNoStatements(catchClause.Block))
            {
                return plan;
            }

            var flow = semanticModel.AnalyzeControlFlow(statements.First(), statements.Last());
            if (flow is null || !flow.Succeeded)
            {
                return null;
            }

            if (flow.EndPointIsReachable)
            {
                return plan;
            }

            // The block ends by leaving: replace the final discarding statement when dropping it loses nothing.
            switch (statements.Last())
            {
                case ContinueStatementSyntax:
                case BreakStatementSyntax:
                case ReturnStatementSyntax { Expression: null }:
                case ReturnStatementSyntax { Expression: { } returned } when IsSideEffectFree(returned):
                    plan.ReplaceLastStatement = true;
                    return plan;
                default:
                    return null;
            }
        }

        private static bool IsSideEffectFree(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax:
                case DefaultExpressionSyntax:
                case IdentifierNameSyntax:
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsSideEffectFree(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return IsSideEffectFree(cast.Expression);
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.LogicalNotExpression):
                    return IsSideEffectFree(unary.Operand);
                case MemberAccessExpressionSyntax memberAccess:
                    return IsSideEffectFree(memberAccess.Expression) || memberAccess.Expression is PredefinedTypeSyntax;
                case PredefinedTypeSyntax:
                    return true;
                default:
                    return false;
            }
        }

        private static CatchFixPlan? PlanKeepCause(SemanticModel semanticModel, CatchClauseSyntax catchClause, ISet<string>? reservedNames, CancellationToken cancellationToken)
        {
            var exceptionType = semanticModel.Compilation.GetTypeByMetadataName("System.Exception");
            if (exceptionType is null)
            {
                return null;
            }

            var creations = ImmutableArray.CreateBuilder<ObjectCreationExpressionSyntax>();
            foreach (var node in catchClause.Block.DescendantNodes())
            {
                var thrown = node switch
                {
                    ThrowStatementSyntax statement => statement.Expression,
                    ThrowExpressionSyntax expression => expression.Expression,
                    _ => null,
                };

                if (thrown is not ObjectCreationExpressionSyntax creation || CatchClauseFacts.EnclosingCatch(node) != catchClause)
                {
                    continue;
                }

                if (CanAppendInnerException(semanticModel, creation, exceptionType, cancellationToken))
                {
                    creations.Add(creation);
                }
            }

            if (creations.Count == 0)
            {
                return null;
            }

            var plan = new CatchFixPlan(catchClause, CatchFixKind.KeepCause) { CreationsToWrap = creations.ToImmutable() };
            return ChooseVariable(semanticModel, plan, reservedNames, cancellationToken) ? plan : null;
        }

        private static bool CanAppendInnerException(SemanticModel semanticModel, ObjectCreationExpressionSyntax creation, INamedTypeSymbol exceptionType, CancellationToken cancellationToken)
        {
            if (creation.ArgumentList is not { } arguments ||
                arguments.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)) ||
                semanticModel.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol constructor ||
                constructor.Parameters.Length != arguments.Arguments.Count ||
                constructor.Parameters.Any(p => p.IsParams) ||
                arguments.Arguments.Count == 0)
            {
                return false;
            }

            foreach (var candidate in constructor.ContainingType.InstanceConstructors)
            {
                if (candidate.Parameters.Length != constructor.Parameters.Length + 1 ||
                    !semanticModel.IsAccessible(creation.SpanStart, candidate))
                {
                    continue;
                }

                var matches = true;
                for (var i = 0; i < constructor.Parameters.Length; i++)
                {
                    if (!SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, constructor.Parameters[i].Type) ||
                        candidate.Parameters[i].RefKind != constructor.Parameters[i].RefKind)
                    {
                        matches = false;
                        break;
                    }
                }

                var last = candidate.Parameters[candidate.Parameters.Length - 1];
                if (matches && last.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(last.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), exceptionType))
                {
                    return true;
                }
            }

            return false;
        }

        private static CatchFixPlan? PlanLog(SemanticModel semanticModel, CatchClauseSyntax catchClause, ISet<string>? reservedNames, CancellationToken cancellationToken)
        {
            var warning = ContinuesLoop(catchClause);
            var logger = LoggerLookup.Find(semanticModel, catchClause, catchClause.Block.SpanStart, cancellationToken)
                .FirstOrDefault(c => LoggingFrameworks.Get(c.Framework) is { IsDiagnostics: false });
            if (logger is null || LoggingFrameworks.Get(logger.Framework) is not { } framework ||
                framework.FixMethod(warning ? LogLevels.Warning : LogLevels.Error) is not { } method)
            {
                return null;
            }

            var message = OperationName(semanticModel, catchClause, cancellationToken) + " failed";
            var literal = SyntaxFactory.Literal(message).Text;
            var receiver = logger.ExpressionText + (logger.IsNullable ? "?" : string.Empty);
            // The exception goes where the framework takes it: before the message (MEL, Serilog, NLog) or after it (log4net).
            var format = receiver + "." + method + (framework.ExceptionPosition == ExceptionPosition.AfterMessage
                ? "(" + literal + ", {0});"
                : "({0}, " + literal + ");");
            string? extraUsing = null;
            if (framework.LevelMethodsNamespace is { } extensionNamespace && !HasExtension(semanticModel, catchClause.Block.SpanStart, logger.Type, method))
            {
                // MEL's LogError & co. are extension methods: they need their namespace imported.
                extraUsing = extensionNamespace;
            }

            var plan = new CatchFixPlan(catchClause, CatchFixKind.LogException)
            {
                LogStatementFormat = format,
                LoggerDisplay = logger.Name,
                ExtraUsing = extraUsing,
            };

            return ChooseVariable(semanticModel, plan, reservedNames, cancellationToken) ? plan : null;
        }

        private static bool HasExtension(SemanticModel semanticModel, int position, ITypeSymbol receiverType, string name)
        {
            return !semanticModel.LookupSymbols(position, receiverType, name, includeReducedExtensionMethods: true).IsEmpty;
        }

        /// <summary>Picks the exception variable: the declared one, or a new name free in the catch's scope.</summary>
        private static bool ChooseVariable(SemanticModel semanticModel, CatchFixPlan plan, ISet<string>? reservedNames, CancellationToken cancellationToken)
        {
            var catchClause = plan.CatchClause;
            var declaration = catchClause.Declaration;
            if (declaration is not null && declaration.Identifier.ValueText.Length > 0)
            {
                plan.VariableName = declaration.Identifier.ValueText;
                return true;
            }

            if (declaration is null)
            {
                var position = catchClause.SpanStart;
                var exceptionType = semanticModel.Compilation.GetTypeByMetadataName("System.Exception");
                var bound = semanticModel.LookupNamespacesAndTypes(position, name: "Exception");
                if (bound.IsEmpty)
                {
                    plan.NeedsSystemUsing = true;
                }
                else if (!bound.Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, exceptionType)))
                {
                    plan.QualifyException = true;
                }
            }

            var declared = DeclaredNames(catchClause.Block);
            foreach (var candidate in Candidates())
            {
                if (declared.Contains(candidate) ||
                    (reservedNames is not null && reservedNames.Contains(candidate)) ||
                    !semanticModel.LookupSymbols(catchClause.Block.SpanStart, name: candidate).IsEmpty)
                {
                    continue;
                }

                plan.NewVariableName = candidate;
                plan.VariableName = candidate;
                return true;
            }

            return false;
        }

        private static IEnumerable<string> Candidates()
        {
            yield return "ex";
            yield return "exception";
            for (var i = 2; i < 10; i++)
            {
                yield return "ex" + i;
            }
        }

        private static HashSet<string> DeclaredNames(BlockSyntax block)
        {
            var names = new HashSet<string>();
            foreach (var node in block.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator:
                        names.Add(declarator.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        names.Add(designation.Identifier.ValueText);
                        break;
                    case ParameterSyntax parameter:
                        names.Add(parameter.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax forEach:
                        names.Add(forEach.Identifier.ValueText);
                        break;
                    case CatchDeclarationSyntax catchDeclaration:
                        names.Add(catchDeclaration.Identifier.ValueText);
                        break;
                    case LocalFunctionStatementSyntax localFunction:
                        names.Add(localFunction.Identifier.ValueText);
                        break;
                    case IdentifierNameSyntax identifier:
                        // A name used inside the block (a field, a local of an outer scope) must not be shadowed either.
                        names.Add(identifier.Identifier.ValueText);
                        break;
                }
            }

            return names;
        }

        /// <summary>True when the catch sits in a loop body and lets the loop go on (no return, throw or break at its end).</summary>
        private static bool ContinuesLoop(CatchClauseSyntax catchClause)
        {
            var last = catchClause.Block.Statements.LastOrDefault(s => !s.IsKind(SyntaxKind.EmptyStatement));
            if (last is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax)
            {
                return false;
            }

            for (var current = catchClause.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ForStatementSyntax:
                    case ForEachStatementSyntax:
                    case WhileStatementSyntax:
                    case DoStatementSyntax:
                        return true;
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The name of the operation the catch belongs to: <c>ProcessOrderAsync</c> → <c>ProcessOrder</c>.</summary>
        private static string OperationName(SemanticModel semanticModel, CatchClauseSyntax catchClause, CancellationToken cancellationToken)
        {
            for (var symbol = semanticModel.GetEnclosingSymbol(catchClause.Block.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is not IMethodSymbol method)
                {
                    break;
                }

                switch (method.MethodKind)
                {
                    case MethodKind.AnonymousFunction:
                        continue;
                    case MethodKind.Constructor:
                    case MethodKind.StaticConstructor:
                        return "Creating " + method.ContainingType.Name;
                    case MethodKind.PropertyGet:
                    case MethodKind.PropertySet:
                    case MethodKind.EventAdd:
                    case MethodKind.EventRemove:
                        return method.AssociatedSymbol?.Name ?? method.Name;
                }

                if (!SyntaxFacts.IsValidIdentifier(method.Name))
                {
                    // <Main>$ of top-level statements, operators.
                    break;
                }

                var name = method.Name;
                if (name.Length > 5 && name.EndsWith("Async", System.StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - 5);
                }

                return name;
            }

            return "Operation";
        }
    }
}
