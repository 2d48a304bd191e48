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
        /// types of one namespace (five of System.Data.Common, five of Microsoft.Extensions.Logging), and going through some
        /// 300 references for each name cost more than the lookups.
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

            // Looked up in the index of names, not compared with every reference: the assemblies named as the namespace,
            // named inside it, or named as a namespace that contains it; put back in reference order.
            var candidates = CandidateAssemblies();
            var indexes = new List<int>();
            AddAll(indexes, candidates.Named, ns);
            AddAll(indexes, candidates.Inside, ns);
            for (var dot = ns.IndexOf('.'); dot > 0; dot = ns.IndexOf('.', dot + 1))
            {
                AddAll(indexes, candidates.Named, ns.Substring(0, dot));
            }

            indexes.Sort();
            var related = ImmutableArray.CreateBuilder<IAssemblySymbol>(indexes.Count);
            for (var i = 0; i < indexes.Count; i++)
            {
                if (i == 0 || indexes[i] != indexes[i - 1])
                {
                    related.Add(candidates.All[indexes[i]].Assembly);
                }
            }

            return related.ToImmutable();
        }

        private static void AddAll(List<int> indexes, Dictionary<string, List<int>> index, string name)
        {
            if (index.TryGetValue(name, out var found))
            {
                indexes.AddRange(found);
            }
        }

        /// <summary>
        /// The project's assemblies and references, with their names and whether each is a core library, read once per
        /// compilation, and indexed by name (the references other than the project and its core libraries: by their whole
        /// name and by every namespace their name is inside, System.Data and System for System.Data.Common). Comparing the
        /// names of some 300 references with each namespace the rules ask about cost more than the lookups themselves.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private Candidates CandidateAssemblies()
        {
            var candidates = _candidates;
            if (candidates is null)
            {
                var own = _compilation.Assembly;
                var coreAssembly = _compilation.ObjectType.ContainingAssembly;
                var all = ImmutableArray.CreateBuilder<Candidate>();
                all.Add(new Candidate(own, own.Name, IsCoreAssembly(own, coreAssembly)));
                foreach (var module in own.Modules)
                {
                    foreach (var assembly in module.ReferencedAssemblySymbols)
                    {
                        all.Add(new Candidate(assembly, assembly.Name, IsCoreAssembly(assembly, coreAssembly)));
                    }
                }

                var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                var inside = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var i = 0; i < all.Count; i++)
                {
                    var candidate = all[i];
                    if (candidate.IsCore || ReferenceEquals(candidate.Assembly, own))
                    {
                        continue;
                    }

                    Add(named, candidate.Name, i);
                    for (var dot = candidate.Name.IndexOf('.'); dot > 0; dot = candidate.Name.IndexOf('.', dot + 1))
                    {
                        Add(inside, candidate.Name.Substring(0, dot), i);
                    }
                }

                Interlocked.CompareExchange(ref _candidates, new Candidates(own, coreAssembly, all.ToImmutable(), named, inside), null);
                candidates = _candidates!;
            }

            return candidates;
        }

        [MethodImpl(HotPath.Options)]
        private static void Add(Dictionary<string, List<int>> index, string name, int candidate)
        {
            if (!index.TryGetValue(name, out var list))
            {
                index[name] = list = new List<int>(1);
            }

            list.Add(candidate);
        }

        [MethodImpl(HotPath.Options)]
        private static bool IsCoreAssembly(IAssemblySymbol assembly, IAssemblySymbol? coreAssembly) =>
            assembly.Name is "netstandard" or "mscorlib" or "System.Runtime" or "System.Private.CoreLib" ||
            SymbolEqualityComparer.Default.Equals(assembly, coreAssembly);

        private readonly struct Candidate
        {
            public Candidate(IAssemblySymbol assembly, string name, bool isCore)
            {
                Assembly = assembly;
                Name = name;
                IsCore = isCore;
            }

            public IAssemblySymbol Assembly { get; }

            public string Name { get; }

            public bool IsCore { get; }
        }

        private sealed class Candidates
        {
            public Candidates(
                IAssemblySymbol own,
                IAssemblySymbol? core,
                ImmutableArray<Candidate> all,
                Dictionary<string, List<int>> named,
                Dictionary<string, List<int>> inside)
            {
                Own = own;
                Core = core;
                All = all;
                Named = named;
                Inside = inside;
            }

            public IAssemblySymbol Own { get; }

            public IAssemblySymbol? Core { get; }

            public ImmutableArray<Candidate> All { get; }

            /// <summary>Indexes in <see cref="All"/> of the references searched by namespace, by their whole name.</summary>
            public Dictionary<string, List<int>> Named { get; }

            /// <summary>Indexes in <see cref="All"/> of the references searched by namespace, by each namespace their name is inside.</summary>
            public Dictionary<string, List<int>> Inside { get; }
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
