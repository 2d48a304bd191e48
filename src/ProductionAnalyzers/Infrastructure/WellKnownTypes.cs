using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Per-compilation cache of types looked up by metadata name. Every analyzer gets the same instance
    /// for a compilation (<see cref="Get"/>), so a type is resolved once per compilation, however many
    /// rules ask for it. Resolve in a compilation-start action, never per node.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new ConditionalWeakTable<Compilation, WellKnownTypes>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new ConcurrentDictionary<string, INamedTypeSymbol?>();

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        public Compilation Compilation => _compilation;

        public static WellKnownTypes Get(Compilation compilation) =>
            Cache.GetValue(compilation, c => new WellKnownTypes(c));

        /// <summary>
        /// The type with this metadata name (<c>Namespace.Type`1</c>, nested types with <c>+</c>), or null when the
        /// compilation does not reference it. When several assemblies define it, the one the compilation itself
        /// would bind to wins, else the first public one.
        /// </summary>
        public INamedTypeSymbol? Type(string metadataName) => _types.GetOrAdd(metadataName, Resolve);

        /// <summary>True when <paramref name="symbol"/> is the type with this metadata name.</summary>
        public bool Is(ITypeSymbol? symbol, string metadataName)
        {
            if (symbol is null)
            {
                return false;
            }

            var type = Type(metadataName);
            return type is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, type);
        }

        private INamedTypeSymbol? Resolve(string metadataName)
        {
            var type = _compilation.GetTypeByMetadataName(metadataName);
            if (type is not null)
            {
                return type;
            }

            foreach (var candidate in _compilation.GetTypesByMetadataName(metadataName))
            {
                if (candidate.DeclaredAccessibility == Accessibility.Public)
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
