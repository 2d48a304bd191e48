using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
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
        private ImmutableArray<IAssemblySymbol> _assemblies;

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        public Compilation Compilation => _compilation;

        public static WellKnownTypes Get(Compilation compilation) =>
            Cache.GetValue(compilation, c => new WellKnownTypes(c));

        /// <summary>
        /// The type with this metadata name (<c>Namespace.Type`1</c>, nested types with <c>+</c>), or null when the
        /// compilation does not reference it. When several assemblies define it, the project's own declaration wins,
        /// else the first public one.
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
            // Compilation.GetTypeByMetadataName searches every referenced assembly (hundreds in an ASP.NET Core project),
            // and it is called for every name the rules know, most of which a project does not reference (log4net,
            // Dapper, EF6). A type is looked up only where it can live: the project itself, the core library and
            // .NET Standard / .NET Framework facades, and the assemblies named after its namespace
            // (Dapper.SqlMapper in Dapper, System.Data.Common.DbCommand in System.Data.Common or System.Data,
            // Microsoft.Extensions.Logging.ILogger in Microsoft.Extensions.Logging.Abstractions).
            var ns = Namespace(metadataName);
            var assemblies = CandidateAssemblies();

            // The project's own declaration first, then the core library (System.Exception, System.Text.StringBuilder):
            // a type found there is the one every project binds to, and the other System.* assemblies are not searched.
            if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
            {
                return own;
            }

            if (_compilation.ObjectType.ContainingAssembly?.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } core)
            {
                return core;
            }

            INamedTypeSymbol? found = null;
            foreach (var assembly in assemblies)
            {
                var name = assembly.Name;
                var related = IsCoreAssembly(assembly) ||
                              (ns.Length > 0 && (IsNamespacePrefix(name, ns) || IsNamespacePrefix(ns, name)));
                if (!related || assembly.GetTypeByMetadataName(metadataName) is not { } type)
                {
                    continue;
                }

                if (type.DeclaredAccessibility == Accessibility.Public)
                {
                    found ??= type;
                }
            }

            return found;
        }

        private ImmutableArray<IAssemblySymbol> CandidateAssemblies()
        {
            var assemblies = _assemblies;
            if (assemblies.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<IAssemblySymbol>();
                builder.Add(_compilation.Assembly);
                foreach (var module in _compilation.Assembly.Modules)
                {
                    builder.AddRange(module.ReferencedAssemblySymbols);
                }

                ImmutableInterlocked.InterlockedInitialize(ref _assemblies, builder.ToImmutable());
                assemblies = _assemblies;
            }

            return assemblies;
        }

        private bool IsCoreAssembly(IAssemblySymbol assembly) =>
            assembly.Name is "netstandard" or "mscorlib" or "System.Runtime" or "System.Private.CoreLib" ||
            SymbolEqualityComparer.Default.Equals(assembly, _compilation.ObjectType.ContainingAssembly);

        /// <summary>True when <paramref name="prefix"/> equals <paramref name="name"/> or starts it, followed by a dot.</summary>
        private static bool IsNamespacePrefix(string prefix, string name) =>
            name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '.');

        private static string Namespace(string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var end = nested < 0 ? metadataName.Length : nested;
            var dot = metadataName.LastIndexOf('.', end - 1);
            return dot < 0 ? string.Empty : metadataName.Substring(0, dot);
        }
    }
}
