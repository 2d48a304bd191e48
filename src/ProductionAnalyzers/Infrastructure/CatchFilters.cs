using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// What a catch clause's <c>when</c> filter says about the exceptions it takes: shared by PA3002 (a filter that selects
    /// failures makes the catch specific) and PA4002 (a catch-all narrowed by its filter is not a catch-all).
    /// </summary>
    internal static class CatchFilters
    {
        /// <summary>
        /// True when the filter limits the catch to types more specific than the caught one: <c>ex is A or B</c>,
        /// <c>ex is A a</c>, <c>ex is A { … }</c>, <c>ex is A &amp;&amp; …</c>, <c>ex is A || ex is B</c>.
        /// <c>ex is not A</c> and conditions that do not test the type leave the catch broad.
        /// </summary>
        public static bool NarrowsType(IOperation operation, ILocalSymbol local, ITypeSymbol caughtType)
        {
            switch (operation)
            {
                case IIsTypeOperation isType:
                    return IsLocal(isType.ValueOperand, local) && !isType.IsNegated && IsNarrower(isType.TypeOperand, caughtType);
                case IIsPatternOperation isPattern:
                    return IsLocal(isPattern.Value, local) && PatternNarrows(isPattern.Pattern, caughtType);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return NarrowsType(and.LeftOperand, local, caughtType) || NarrowsType(and.RightOperand, local, caughtType);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return NarrowsType(or.LeftOperand, local, caughtType) && NarrowsType(or.RightOperand, local, caughtType);
                default:
                    return false;
            }
        }

        private static bool PatternNarrows(IPatternOperation pattern, ITypeSymbol caughtType)
        {
            switch (pattern)
            {
                case ITypePatternOperation typePattern:
                    return IsNarrower(typePattern.MatchedType, caughtType);
                case IDeclarationPatternOperation declarationPattern:
                    return !declarationPattern.MatchesNull && IsNarrower(declarationPattern.MatchedType, caughtType);
                case IRecursivePatternOperation recursivePattern:
                    return IsNarrower(recursivePattern.MatchedType, caughtType);
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } orPattern:
                    return PatternNarrows(orPattern.LeftPattern, caughtType) && PatternNarrows(orPattern.RightPattern, caughtType);
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } andPattern:
                    return PatternNarrows(andPattern.LeftPattern, caughtType) || PatternNarrows(andPattern.RightPattern, caughtType);
                default:
                    return false;
            }
        }

        private static bool IsNarrower(ITypeSymbol? type, ITypeSymbol caughtType)
        {
            if (type is null)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                // Half-typed: the type being written may well be a narrower one; stay quiet until it resolves.
                return true;
            }

            // A test against the caught type itself or one of its bases (object) narrows nothing.
            for (ITypeSymbol? current = caughtType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, type))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLocal(IOperation? operation, ILocalSymbol local)
        {
            operation = SkipConversions(operation);
            return operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }

        private static IOperation? SkipConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>
        /// True when the filter selects failures through a method given the exception (<c>when (IsHostKey(ex))</c>,
        /// <c>when (ex.IsTransient())</c>): a catch of those failures.
        /// </summary>
        public static bool GivesExceptionToMethod(IOperation filter, ILocalSymbol local)
        {
            foreach (var operation in filter.DescendantsAndSelf())
            {
                if (operation is IArgumentOperation argument && IsLocal(argument.Value, local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
