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
    /// The index of a compilation's source types: every declared type, the types by member name, the overrides of a
    /// property and the implementations and overrides of a method among the source types. Each part is built once per
    /// compilation on first need, so that a rule asking "who implements this?" never walks the compilation per question.
    /// </summary>
    internal sealed class SourceIndex
    {
        /// <summary>The most implementations and overrides returned for one method (a bound on searches over them).</summary>
        public const int MaxImplementations = 17;

        private readonly Compilation _compilation;
        private Dictionary<IPropertySymbol, List<IPropertySymbol>>? _overrides;
        private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IMethodSymbol>> _implementations = new ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly Func<IMethodSymbol, IReadOnlyList<IMethodSymbol>> _findImplementations;
        private ImmutableArray<CandidateType> _candidateTypes;
        private ImmutableArray<INamedTypeSymbol> _sourceTypes;
        private IAssemblySymbol? _sourceAssembly;

        public SourceIndex(Compilation compilation)
        {
            _compilation = compilation;
            _findImplementations = FindImplementations;
        }

        /// <summary>The compilation's own assembly (by reference first: the common answer, no symbol comparison).</summary>
        public bool IsSourceAssembly(IAssemblySymbol? assembly)
        {
            var source = _sourceAssembly ??= _compilation.Assembly;
            return ReferenceEquals(assembly, source) || (assembly is ISourceAssemblySymbol && SymbolEqualityComparer.Default.Equals(assembly, source));
        }

        /// <summary>A method of this compilation, with source we can read.</summary>
        public bool IsSourceMethod(IMethodSymbol method) =>
            IsSourceAssembly(method.ContainingAssembly) && !method.DeclaringSyntaxReferences.IsEmpty;

        /// <summary>
        /// The overrides of an abstract or virtual property in this compilation (<c>protected abstract string TableName</c>
        /// of a generic repository). Collected once per compilation from the source types, on first need.
        /// </summary>
        public IReadOnlyList<IPropertySymbol> OverridesOf(IPropertySymbol property)
        {
            var map = _overrides;
            if (map is null)
            {
                map = new Dictionary<IPropertySymbol, List<IPropertySymbol>>(SymbolEqualityComparer.Default);
                foreach (var type in SourceTypes())
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IPropertySymbol { IsOverride: true } candidate)
                        {
                            for (var overridden = candidate.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
                            {
                                var key = overridden.OriginalDefinition;
                                if (!map.TryGetValue(key, out var list))
                                {
                                    map[key] = list = new List<IPropertySymbol>();
                                }

                                list.Add(candidate);
                            }
                        }
                    }
                }

                map = Interlocked.CompareExchange(ref _overrides, map, null) ?? map;
            }

            return map.TryGetValue(property.OriginalDefinition, out var result) ? result : (IReadOnlyList<IPropertySymbol>)Array.Empty<IPropertySymbol>();
        }

        /// <summary>
        /// Implementations (interface members) and overrides of an interface, abstract or virtual method in the compilation's
        /// source types (at most <see cref="MaxImplementations"/>, a bound on the wrapper search). Searched per method on first
        /// need, among the types that can implement or override a source member at all (<see cref="CandidateTypes"/>): a code
        /// base asks this for a few dozen methods, so a map of every interface member of every type would cost far more.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol method) =>
            _implementations.GetOrAdd(method.OriginalDefinition, _findImplementations);

        [MethodImpl(HotPath.Options)]
        private IReadOnlyList<IMethodSymbol> FindImplementations(IMethodSymbol method)
        {
            var containing = method.ContainingType;
            if (containing is null || !IsSourceAssembly(containing.ContainingAssembly))
            {
                // Only members of this compilation can be wrappers.
                return Array.Empty<IMethodSymbol>();
            }

            var found = new List<IMethodSymbol>();
            void Add(IMethodSymbol implementation)
            {
                implementation = implementation.OriginalDefinition;
                if (found.Count < MaxImplementations && IsSourceMethod(implementation) &&
                    !found.Exists(existing => SymbolEqualityComparer.Default.Equals(existing, implementation)))
                {
                    found.Add(implementation);
                }
            }

            if (containing.TypeKind == TypeKind.Interface)
            {
                if (!ImplementersByInterface().TryGetValue(containing.OriginalDefinition, out var implementers))
                {
                    return Array.Empty<IMethodSymbol>();
                }

                foreach (var type in implementers)
                {
                    if (found.Count >= MaxImplementations)
                    {
                        break;
                    }

                    foreach (var @interface in type.AllInterfaces)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, containing))
                        {
                            continue;
                        }

                        // The member of the constructed interface (IRepository<Order>.Query) that this method defines.
                        foreach (var member in @interface.GetMembers(method.Name))
                        {
                            if (member is IMethodSymbol interfaceMethod && SymbolEqualityComparer.Default.Equals(interfaceMethod.OriginalDefinition, method) &&
                                type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation)
                            {
                                Add(implementation);
                            }
                        }
                    }
                }
            }
            else
            {
                // Overrides: only the candidate types with a source base type that declare a member of that name.
                foreach (var candidate in CandidateTypes())
                {
                    if (found.Count >= MaxImplementations)
                    {
                        break;
                    }

                    var type = candidate.Type;
                    if (!candidate.DerivesFromSource || !System.Linq.Enumerable.Contains(type.MemberNames, method.Name))
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol { IsOverride: true } candidateMethod)
                        {
                            for (var overridden = candidateMethod.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                            {
                                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                                {
                                    Add(candidateMethod);
                                    break;
                                }
                            }
                        }
                    }
                }
            }

            return found.Count == 0 ? Array.Empty<IMethodSymbol>() : found;
        }

        /// <summary>
        /// The candidate types (<see cref="CandidateTypes"/>) by each source interface they implement (definitions), built
        /// once per compilation on first need: an interface's implementations are then found among its implementers only.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> ImplementersByInterface()
        {
            var map = Volatile.Read(ref _implementersByInterface);
            if (map is null)
            {
                map = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach (var candidate in CandidateTypes())
                {
                    foreach (var @interface in candidate.Type.AllInterfaces)
                    {
                        var definition = @interface.OriginalDefinition;
                        if (!IsSourceAssembly(definition.ContainingAssembly))
                        {
                            continue;
                        }

                        if (!map.TryGetValue(definition, out var types))
                        {
                            map[definition] = types = new List<INamedTypeSymbol>();
                        }

                        types.Add(candidate.Type);
                    }
                }

                map = Interlocked.CompareExchange(ref _implementersByInterface, map, null) ?? map;
            }

            return map;
        }

        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _implementersByInterface;

        /// <summary>
        /// The source classes and structs that can implement a source interface or override a source method: those with a
        /// source base type or a direct source interface (a type reaches a source interface only through one of these). Most
        /// types of a code base (DTOs, options, controllers, DbContexts, hosted services) have neither. Collected once.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private ImmutableArray<CandidateType> CandidateTypes()
        {
            var candidates = _candidateTypes;
            if (candidates.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<CandidateType>();
                foreach (var type in SourceTypes())
                {
                    if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                    {
                        continue;
                    }

                    var derives = type.BaseType is { } baseType && IsSourceAssembly(baseType.ContainingAssembly);
                    var implementsSource = derives;
                    if (!implementsSource)
                    {
                        foreach (var direct in type.Interfaces)
                        {
                            if (IsSourceAssembly(direct.ContainingAssembly))
                            {
                                implementsSource = true;
                                break;
                            }
                        }
                    }

                    if (implementsSource)
                    {
                        builder.Add(new CandidateType(type, derives));
                    }
                }

                ImmutableInterlocked.InterlockedInitialize(ref _candidateTypes, builder.ToImmutable());
                candidates = _candidateTypes;
            }

            return candidates;
        }

        private readonly struct CandidateType
        {
            public CandidateType(INamedTypeSymbol type, bool derivesFromSource)
            {
                Type = type;
                DerivesFromSource = derivesFromSource;
            }

            public INamedTypeSymbol Type { get; }

            public bool DerivesFromSource { get; }
        }

        /// <summary>Every named type declared in the compilation's source, collected once on first need.</summary>
        [MethodImpl(HotPath.Options)]
        public ImmutableArray<INamedTypeSymbol> SourceTypes()
        {
            var types = _sourceTypes;
            if (types.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(_compilation.Assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    var current = stack.Pop();
                    if (current is INamespaceSymbol ns)
                    {
                        foreach (var member in ns.GetMembers())
                        {
                            stack.Push(member);
                        }

                        continue;
                    }

                    var type = (INamedTypeSymbol)current;
                    builder.Add(type);
                    foreach (var nested in type.GetTypeMembers())
                    {
                        stack.Push(nested);
                    }
                }

                types = builder.ToImmutable();
                ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, types);
                types = _sourceTypes;
            }

            return types;
        }

        /// <summary>The source types by name, built once per compilation on first need.</summary>
        [MethodImpl(HotPath.Options)]
        public Dictionary<string, List<INamedTypeSymbol>> SourceTypesByName()
        {
            var index = Volatile.Read(ref _sourceTypesByName);
            if (index is null)
            {
                index = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
                foreach (var type in SourceTypes())
                {
                    if (!index.TryGetValue(type.Name, out var types))
                    {
                        index[type.Name] = types = new List<INamedTypeSymbol>();
                    }

                    types.Add(type);
                }

                index = Interlocked.CompareExchange(ref _sourceTypesByName, index, null) ?? index;
            }

            return index;
        }

        private Dictionary<string, List<INamedTypeSymbol>>? _sourceTypesByName;
    }
}
