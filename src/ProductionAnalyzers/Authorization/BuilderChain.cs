using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// What a route builder expression says about authorization, as far as one method shows it: the decisions found on the
    /// way (<c>.RequireAuthorization()</c> on a group, a group local's own calls) and where the builder comes from. Origins that
    /// need the whole compilation (a module's parameter, a field, a helper's return value) are resolved when it is complete.
    /// </summary>
    internal sealed class BuilderChain
    {
        public static readonly BuilderChain Unknown = new BuilderChain(Decision.Unknown, ImmutableArray<BuilderOrigin>.Empty);

        public BuilderChain(Decision decision, ImmutableArray<BuilderOrigin> origins)
        {
            Decision = decision;
            Origins = origins;
        }

        public Decision Decision { get; }

        /// <summary>Where the builder may come from; empty when the chain ends at nothing further (decided or unknown).</summary>
        public ImmutableArray<BuilderOrigin> Origins { get; }
    }

    internal abstract class BuilderOrigin
    {
        /// <summary>The app itself (a <c>WebApplication</c>, the parameter of <c>UseEndpoints</c>): no decision beyond this point.</summary>
        public static readonly BuilderOrigin Host = new HostOrigin();

        private sealed class HostOrigin : BuilderOrigin
        {
        }
    }

    /// <summary>A parameter of a method of the compilation (an endpoint module): decided at each call site.</summary>
    internal sealed class ParameterOrigin : BuilderOrigin
    {
        public ParameterOrigin(IParameterSymbol parameter) => Parameter = parameter;

        public IParameterSymbol Parameter { get; }
    }

    /// <summary>A field or property of the compilation: decided by what is assigned to it and the calls made on it.</summary>
    internal sealed class MemberOrigin : BuilderOrigin
    {
        public MemberOrigin(ISymbol member) => Member = member;

        public ISymbol Member { get; }
    }

    /// <summary>The return value of a method of the compilation, called with these builder arguments (by parameter ordinal).</summary>
    internal sealed class CallOrigin : BuilderOrigin
    {
        public CallOrigin(IMethodSymbol method, ImmutableDictionary<int, BuilderChain> arguments)
        {
            Method = method;
            Arguments = arguments;
        }

        public IMethodSymbol Method { get; }

        public ImmutableDictionary<int, BuilderChain> Arguments { get; }
    }

    /// <summary>One of several values (a local assigned in several places).</summary>
    internal sealed class NestedOrigin : BuilderOrigin
    {
        public NestedOrigin(BuilderChain chain) => Chain = chain;

        public BuilderChain Chain { get; }
    }
}
