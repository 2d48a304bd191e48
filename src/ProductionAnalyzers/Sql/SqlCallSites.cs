using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// The call sites of the compilation's own methods, for judging a parameter by what its callers pass. An index of
    /// invocations by invoked name is made once per compilation, on the first question (one walk over the syntax trees);
    /// the calls of a method are bound on first need and cached. A method with more than <see cref="MaxCallSites"/>
    /// candidate calls is not followed: its parameters are judged inside it.
    /// </summary>
    internal sealed class SqlCallSites
    {
        /// <summary>The most calls (by name) bound for one method; beyond it the method is judged inside.</summary>
        public const int MaxCallSites = 64;

        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private Dictionary<string, List<InvocationExpressionSyntax>>? _byName;
        private readonly ConcurrentDictionary<IMethodSymbol, CallSiteList> _calls = new ConcurrentDictionary<IMethodSymbol, CallSiteList>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, byte> _reported = new ConcurrentDictionary<SyntaxNode, byte>();
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        public SqlCallSites(Compilation compilation) => _compilation = compilation;

        /// <summary>
        /// A method whose parameters can be judged at its call sites: an ordinary method of the compilation that nothing
        /// can call without naming it (not virtual, abstract, an override or an interface member's implementation).
        /// </summary>
        public static bool IsJudgedByCallers(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride ||
                !method.ExplicitInterfaceImplementations.IsEmpty || method.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            if (method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic && method.ContainingType is { } type)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// The calls of <paramref name="method"/> in the compilation, or null when there are too many to follow. Empty
        /// when no code of the compilation calls it (a library's public API, an entry point, a method used only as a
        /// delegate).
        /// </summary>
        public CallSiteList CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            return _calls.GetOrAdd(method, m => Find(m, cancellationToken));
        }

        /// <summary>True the first time a call-site argument is reported (two sinks of one helper can reach the same argument).</summary>
        public bool TryMarkReported(SyntaxNode argument) => _reported.TryAdd(argument, 0);

        private CallSiteList Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!Index(cancellationToken).TryGetValue(method.Name, out var candidates))
            {
                return CallSiteList.None;
            }

            if (candidates.Count > MaxCallSites)
            {
                return CallSiteList.TooMany;
            }

            var result = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var syntax in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = _models.GetOrAdd(syntax.SyntaxTree, Model);
                if (model.GetOperation(syntax, cancellationToken) is IInvocationOperation invocation &&
                    SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, method))
                {
                    result.Add(invocation);
                }
            }

            return new CallSiteList(result.ToImmutable());
        }

#pragma warning disable RS1030 // The trees of call sites are read once per compilation and their models cached.
        private SemanticModel Model(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        private Dictionary<string, List<InvocationExpressionSyntax>> Index(CancellationToken cancellationToken)
        {
            var index = Volatile.Read(ref _byName);
            if (index is not null)
            {
                return index;
            }

            lock (_gate)
            {
                if (_byName is null)
                {
                    var built = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
                    foreach (var tree in _compilation.SyntaxTrees)
                    {
                        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                        {
                            if (node is InvocationExpressionSyntax invocation && InvokedName(invocation.Expression) is { } name)
                            {
                                if (!built.TryGetValue(name, out var list))
                                {
                                    built[name] = list = new List<InvocationExpressionSyntax>();
                                }

                                list.Add(invocation);
                            }
                        }
                    }

                    Volatile.Write(ref _byName, built);
                }

                return _byName!;
            }
        }

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>The calls of one method, or the mark that it has too many to follow.</summary>
    internal sealed class CallSiteList
    {
        public static readonly CallSiteList None = new CallSiteList(ImmutableArray<IInvocationOperation>.Empty);

        public static readonly CallSiteList TooMany = new CallSiteList(ImmutableArray<IInvocationOperation>.Empty) { IsTooMany = true };

        public CallSiteList(ImmutableArray<IInvocationOperation> calls) => Calls = calls;

        public ImmutableArray<IInvocationOperation> Calls { get; }

        public bool IsTooMany { get; private set; }
    }
}
