using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>"Does this type derive from / implement that one?": the one answer every rule asks for.</summary>
    internal static class TypeHierarchy
    {
        /// <summary>The type is <paramref name="baseType"/> or derives from it (generic types compared by their definition).</summary>
        [MethodImpl(HotPath.Options)]
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type implements <paramref name="interface"/> (generic interfaces compared by their definition); an interface does not implement itself.</summary>
        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? @interface)
        {
            if (type is null || @interface is null)
            {
                return false;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, @interface.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

    }
}
