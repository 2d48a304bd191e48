using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// Resolves a <see cref="BuilderChain"/> against the facts of the whole compilation (<see cref="CompilationFacts"/>): the call sites of endpoint modules, the
    /// values of builder fields and the return values of helpers. Each resolution is the list of possible decisions, one per way the
    /// builder can arrive (a module called twice, once on a protected group and once on the app, gives two).
    /// </summary>
    internal sealed class DecisionResolver
    {
        private const int MaxDepth = 16;
        private const int MaxOutcomes = 32;

        private readonly CompilationFacts _facts;
        private readonly Dictionary<ISymbol, List<Decision>?> _memo = new Dictionary<ISymbol, List<Decision>?>(SymbolEqualityComparer.Default);

        public DecisionResolver(CompilationFacts facts) => _facts = facts;

        /// <summary>The possible decisions of the builder (never empty; <see cref="Decision.Unknown"/> where a path is not visible).</summary>
        [MethodImpl(HotPath.Options)]
        public List<Decision> Resolve(BuilderChain chain) => Resolve(chain, ImmutableDictionary<IMethodSymbol, ImmutableDictionary<int, BuilderChain>>.Empty, 0);

        [MethodImpl(HotPath.Options)]
        private List<Decision> Resolve(BuilderChain chain, ImmutableDictionary<IMethodSymbol, ImmutableDictionary<int, BuilderChain>> bound, int depth)
        {
            var results = new List<Decision>();
            if (chain.Origins.IsEmpty || depth > MaxDepth)
            {
                results.Add(chain.Decision | (chain.Origins.IsEmpty ? Decision.None : Decision.Unknown));
                return results;
            }

            foreach (var origin in chain.Origins)
            {
                foreach (var outcome in ResolveOrigin(origin, bound, depth + 1))
                {
                    Add(results, chain.Decision | outcome);
                }
            }

            return results;
        }

        [MethodImpl(HotPath.Options)]
        private List<Decision> ResolveOrigin(BuilderOrigin origin, ImmutableDictionary<IMethodSymbol, ImmutableDictionary<int, BuilderChain>> bound, int depth)
        {
            switch (origin)
            {
                case ParameterOrigin parameterOrigin:
                {
                    var parameter = parameterOrigin.Parameter;
                    if (parameter.ContainingSymbol is IMethodSymbol method &&
                        bound.TryGetValue(method.OriginalDefinition, out var arguments) &&
                        arguments.TryGetValue(parameter.Ordinal, out var argument))
                    {
                        return Resolve(argument, bound, depth);
                    }

                    return Memoized(parameter, () =>
                    {
                        var results = new List<Decision>();
                        var sites = _facts.CallSitesOf(parameter);
                        if (sites is null)
                        {
                            results.Add(Decision.Unknown);
                        }
                        else
                        {
                            foreach (var site in sites)
                            {
                                foreach (var outcome in Resolve(site, ImmutableDictionary<IMethodSymbol, ImmutableDictionary<int, BuilderChain>>.Empty, depth))
                                {
                                    Add(results, outcome);
                                }
                            }
                        }

                        return results;
                    });
                }

                case MemberOrigin memberOrigin:
                {
                    var member = memberOrigin.Member;
                    return Memoized(member, () =>
                    {
                        var own = _facts.DecisionOf(member);
                        var results = new List<Decision>();
                        {
                            foreach (var value in _facts.ValuesOf(member))
                            {
                                foreach (var outcome in Resolve(value, ImmutableDictionary<IMethodSymbol, ImmutableDictionary<int, BuilderChain>>.Empty, depth))
                                {
                                    Add(results, own | outcome);
                                }
                            }
                        }

                        if (results.Count == 0)
                        {
                            results.Add(own | Decision.Unknown);
                        }

                        return results;
                    });
                }

                case CallOrigin call:
                {
                    var results = new List<Decision>();
                    if (!bound.ContainsKey(call.Method))
                    {
                        var inner = bound.SetItem(call.Method, call.Arguments);
                        foreach (var returned in _facts.ReturnsOf(call.Method))
                        {
                            foreach (var outcome in Resolve(returned, inner, depth))
                            {
                                Add(results, outcome);
                            }
                        }
                    }

                    if (results.Count == 0)
                    {
                        results.Add(Decision.Unknown);
                    }

                    return results;
                }

                case NestedOrigin nested:
                    return Resolve(nested.Chain, bound, depth);

                default:
                    // The host: nothing beyond this point decides.
                    return new List<Decision> { Decision.None };
            }
        }

        /// <summary>A parameter's or member's outcomes, computed once; a cycle (a module that maps itself) is unknown.</summary>
        [MethodImpl(HotPath.Options)]
        private List<Decision> Memoized(ISymbol key, System.Func<List<Decision>> compute)
        {
            if (_memo.TryGetValue(key, out var known))
            {
                return known ?? new List<Decision> { Decision.Unknown };
            }

            _memo[key] = null;
            var results = compute();
            if (results.Count == 0)
            {
                // A module nobody in this compilation calls: its builder comes from elsewhere.
                results.Add(Decision.Unknown);
            }

            _memo[key] = results;
            return results;
        }

        private static void Add(List<Decision> results, Decision outcome)
        {
            if (results.Count < MaxOutcomes && !results.Contains(outcome))
            {
                results.Add(outcome);
            }
        }
    }
}
