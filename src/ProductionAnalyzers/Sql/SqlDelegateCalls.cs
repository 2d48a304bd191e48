using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// The invocations of the delegate a lambda becomes, for judging the lambda's parameters by what is passed to them
    /// (a purge handler hands its callback its own GUID-named scratch table: <c>set.ApplyAsync((cmd, table) =&gt;
    /// broken.MarkAsync(cmd, table))</c>). The lambda must be written as an argument of a method of the compilation; the
    /// delegate is followed through the methods that hand it on as an argument (at most <see cref="MaxHops"/> of them, through
    /// interface, abstract and virtual methods to their implementations and overrides) to the calls that invoke it. Any other
    /// use — stored in a field or local, returned, handed to a library method — and the lambda is not judged this way
    /// (null): its parameter is then judged where the text is built, as before. Computed on demand, when a parameter of a
    /// lambda is part of SQL text; each body is read once through the compilation's body cache.
    /// </summary>
    internal static class SqlDelegateCalls
    {
        /// <summary>How many methods a delegate is followed through after the one it is first handed to.</summary>
        public const int MaxHops = 3;

        public static List<(IInvocationOperation Invocation, MethodBody Body)>? Find(SqlApis apis, IMethodSymbol lambda, CancellationToken cancellationToken)
        {
            if (lambda.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var node = lambda.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var written = node;
            while (written.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                written = written.Parent;
            }

            if (written.Parent is not ArgumentSyntax argument || !apis.Compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // Only for a lambda whose parameter is part of SQL text; the lambda may sit in another file than the sink.
            var model = apis.Compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } first })
            {
                return null;
            }

            var found = new List<(IInvocationOperation, MethodBody)>();
            var seen = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            var pending = new Queue<(IParameterSymbol Parameter, int Hops)>();
            pending.Enqueue((first.OriginalDefinition, 0));
            while (pending.Count > 0)
            {
                var (handedTo, hops) = pending.Dequeue();
                if (!seen.Add(handedTo))
                {
                    continue;
                }

                if (handedTo.ContainingSymbol is not IMethodSymbol receiver || Receivers(apis, receiver) is not { } receivers)
                {
                    return null;
                }

                foreach (var target in receivers)
                {
                    if (handedTo.Ordinal >= target.Parameters.Length || apis.GetBody(target, cancellationToken) is not { } body ||
                        !CollectUses(body, target.Parameters[handedTo.Ordinal], hops, found, pending))
                    {
                        return null;
                    }
                }
            }

            return found.Count == 0 ? null : found;
        }

        /// <summary>
        /// The methods whose bodies receive the delegate: the method itself, and for an interface, abstract or virtual method
        /// (or an override that can be overridden again) its implementations and overrides in the compilation. Null for a
        /// method without source (a library's) or with more implementations than the search follows.
        /// </summary>
        private static List<IMethodSymbol>? Receivers(SqlApis apis, IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, apis.Compilation.Assembly))
            {
                return null;
            }

            var receivers = new List<IMethodSymbol>();
            if (!method.IsAbstract)
            {
                receivers.Add(method);
            }

            var dispatched = method.IsAbstract || method.IsVirtual || (method.IsOverride && !method.IsSealed) ||
                             method.ContainingType.TypeKind == TypeKind.Interface;
            if (dispatched)
            {
                var implementations = apis.Sources.ImplementationsOf(method);
                if (implementations.Count >= SourceIndex.MaxImplementations)
                {
                    return null;
                }

                foreach (var implementation in implementations)
                {
                    receivers.Add(implementation.OriginalDefinition);
                }
            }

            return receivers.Count == 0 ? null : receivers;
        }

        /// <summary>
        /// Reads every use of the delegate parameter in the body: an invocation (<c>filter(cmd, table)</c>,
        /// <c>filter.Invoke(…)</c>, <c>filter?.Invoke(…)</c>) is collected, an argument is followed to the parameter it is
        /// passed to, a null check is no use. False for any other use.
        /// </summary>
        private static bool CollectUses(
            MethodBody body,
            IParameterSymbol parameter,
            int hops,
            List<(IInvocationOperation, MethodBody)> found,
            Queue<(IParameterSymbol, int)> pending)
        {
            foreach (var operation in body.Root.DescendantsAndSelf())
            {
                if (operation is not IParameterReferenceOperation reference ||
                    !SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition))
                {
                    continue;
                }

                switch (reference.Parent)
                {
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invocation when invocation.Instance == reference:
                        found.Add((invocation, body));
                        break;
                    case IConditionalAccessOperation access when access.Operation == reference &&
                                                                 access.WhenNotNull is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invocation:
                        found.Add((invocation, body));
                        break;
                    case IArgumentOperation { Parameter: { } next } when next.Type?.TypeKind == TypeKind.Delegate:
                        if (hops + 1 > MaxHops)
                        {
                            return false;
                        }

                        pending.Enqueue((next.OriginalDefinition, hops + 1));
                        break;
                    case IBinaryOperation or IIsPatternOperation:
                        // filter == null, filter is null: a check, not a use.
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}
