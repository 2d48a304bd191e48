using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>Small helpers over operations and types used by the SQL rule.</summary>
    internal static class SqlOperations
    {
        /// <summary>Strips implicit and explicit conversions (boxing to <c>object</c>, <c>string?</c>, casts).</summary>
        [MethodImpl(HotPath.Options)]
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.Operand is not null:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        public static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// True for types whose text form cannot carry SQL: numbers, bool, Guid, date and time types, enums, and
        /// nullable versions of these.
        /// </summary>
        public static bool IsSafeType(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable &&
                nullable.TypeArguments.Length == 1)
            {
                type = nullable.TypeArguments[0];
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return true;
            }

            if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                switch (type.Name)
                {
                    case "Guid":
                    case "DateTimeOffset":
                    case "TimeSpan":
                    case "DateOnly":
                    case "TimeOnly":
                    case "Half":
                    case "Int128":
                    case "UInt128":
                        return true;
                }
            }

            if (type.ContainingNamespace is { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } &&
                type.Name == "BigInteger")
            {
                return true;
            }

            return false;
        }

        /// <summary>The element type of an array or <c>IEnumerable&lt;T&gt;</c>, or null.</summary>
        public static ITypeSymbol? ElementType(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return null;
                case IArrayTypeSymbol array:
                    return array.ElementType;
                case INamedTypeSymbol named:
                    if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    {
                        return named.TypeArguments[0];
                    }

                    foreach (var @interface in named.AllInterfaces)
                    {
                        if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                        {
                            return @interface.TypeArguments[0];
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The code of an operation as shown in a message: whitespace collapsed, at most 60 characters.</summary>
        public static string DisplayName(IOperation operation)
        {
            var text = operation.Syntax.ToString();
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            var result = builder.ToString();
            return result.Length <= 60 ? result : result.Substring(0, 59) + "…";
        }
    }
}
