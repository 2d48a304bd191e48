using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
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
        private Candidates? _candidates;
        private readonly ConcurrentDictionary<string, ImmutableArray<IAssemblySymbol>> _related = new ConcurrentDictionary<string, ImmutableArray<IAssemblySymbol>>(StringComparer.Ordinal);

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
        [MethodImpl(HotPath.Options)]
        public INamedTypeSymbol? Type(string metadataName) => _types.TryGetValue(metadataName, out var known) ? known : _types.GetOrAdd(metadataName, Resolve(metadataName));

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

        [MethodImpl(HotPath.Options)]
        private INamedTypeSymbol? Resolve(string metadataName)
        {
            // Compilation.GetTypeByMetadataName searches every referenced assembly (hundreds in an ASP.NET Core project),
            // and it is called for every name the rules know, most of which a project does not reference (log4net,
            // Dapper, EF6). A type is looked up only where it can live: the project itself, the core library, and the
            // assemblies named after its namespace
            // (Dapper.SqlMapper in Dapper, System.Data.Common.DbCommand in System.Data.Common or System.Data,
            // Microsoft.Extensions.Logging.ILogger in Microsoft.Extensions.Logging.Abstractions).
            // The project's own declaration first, then the core library (System.Exception, System.Text.StringBuilder):
            // a type found there is the one every project binds to, and the other System.* assemblies are not searched
            // (nor read: a compilation whose rules ask only for core types never lists its references).
            if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
            {
                return own;
            }

            if (_compilation.ObjectType.ContainingAssembly?.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } core)
            {
                return core;
            }

            // The first public declaration in reference order wins.
            foreach (var assembly in RelatedAssemblies(Namespace(metadataName)))
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>
        /// The references a type of namespace <paramref name="ns"/> can be declared in (beyond the project and its core library,
        /// searched first): those named after the namespace or a namespace that contains it (System.Data.Common for
        /// System.Data.Common.DbCommand, System for System.Diagnostics.Trace on .NET Framework) and those named inside it
        /// (System.Console for System.Console, System.Data.Common for System.Data.IDbCommand), in reference order. The
        /// other core-library names (netstandard, mscorlib, System.Runtime when they are not the core library) are facades
        /// that only forward types and are not searched. Listed once per namespace and compilation: the rules ask for several
        /// types of one namespace (five of System.Data.Common, five of Microsoft.Extensions.Logging).
        /// </summary>
        private ImmutableArray<IAssemblySymbol> RelatedAssemblies(string ns) =>
            _related.TryGetValue(ns, out var known) ? known : _related.GetOrAdd(ns, ComputeRelatedAssemblies(ns));

        [MethodImpl(HotPath.Options)]
        private ImmutableArray<IAssemblySymbol> ComputeRelatedAssemblies(string ns)
        {
            if (ns.Length == 0)
            {
                return ImmutableArray<IAssemblySymbol>.Empty;
            }

            // One pass over the references' names, read once per compilation (CandidateAssemblies): a name is compared with
            // the namespace by its length and one character before any text is compared, with no string made.
            var candidates = CandidateAssemblies();
            var related = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            for (var i = 0; i < candidates.Names.Length; i++)
            {
                var name = candidates.Names[i];
                var isRelated = name.Length == ns.Length
                    ? string.Equals(name, ns, StringComparison.Ordinal)
                    : name.Length > ns.Length
                        ? name[ns.Length] == '.' && string.CompareOrdinal(name, 0, ns, 0, ns.Length) == 0
                        : ns[name.Length] == '.' && string.CompareOrdinal(ns, 0, name, 0, name.Length) == 0;
                if (isRelated)
                {
                    related.Add(candidates.Assemblies[i]);
                }
            }

            return related.ToImmutable();
        }

        /// <summary>
        /// The project's references other than its core libraries, with their names, in reference order: read once per
        /// compilation, into two arrays (no index is built: the few namespaces the rules ask about are compared with the
        /// names in one pass each).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private Candidates CandidateAssemblies()
        {
            var candidates = _candidates;
            if (candidates is null)
            {
                var own = _compilation.Assembly;
                var coreAssembly = _compilation.ObjectType.ContainingAssembly;
                var assemblies = new List<IAssemblySymbol>();
                var names = new List<string>();
                foreach (var module in own.Modules)
                {
                    foreach (var assembly in module.ReferencedAssemblySymbols)
                    {
                        if (ReferenceEquals(assembly, coreAssembly) || ReferenceEquals(assembly, own))
                        {
                            continue;
                        }

                        var name = assembly.Name;
                        if (IsCoreName(name))
                        {
                            continue;
                        }

                        assemblies.Add(assembly);
                        names.Add(name);
                    }
                }

                Interlocked.CompareExchange(ref _candidates, new Candidates(assemblies.ToArray(), names.ToArray()), null);
                candidates = _candidates!;
            }

            return candidates;
        }

        /// <summary>
        /// Whether the project references an assembly of one of these names (case-insensitive; core libraries excluded), from
        /// the names read once per compilation. <see cref="Compilation.ReferencedAssemblyNames"/> makes an identity per
        /// reference on every call and costs milliseconds in a project with hundreds of references.
        /// </summary>
        public bool ReferencesAny(string[] assemblyNames)
        {
            foreach (var name in CandidateAssemblies().Names)
            {
                foreach (var wanted in assemblyNames)
                {
                    if (name.Length == wanted.Length && string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private static bool IsCoreName(string name) =>
            name.Length switch
            {
                8 => name == "mscorlib",
                11 => name == "netstandard",
                14 => name == "System.Runtime",
                22 => name == "System.Private.CoreLib",
                _ => false,
            };

        private sealed class Candidates
        {
            public Candidates(IAssemblySymbol[] assemblies, string[] names)
            {
                Assemblies = assemblies;
                Names = names;
            }

            /// <summary>The references searched by namespace, in reference order.</summary>
            public IAssemblySymbol[] Assemblies { get; }

            /// <summary>Their names, at the same indexes.</summary>
            public string[] Names { get; }
        }

        private static string Namespace(string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var end = nested < 0 ? metadataName.Length : nested;
            var dot = metadataName.LastIndexOf('.', end - 1);
            return dot < 0 ? string.Empty : metadataName.Substring(0, dot);
        }
    }
}
