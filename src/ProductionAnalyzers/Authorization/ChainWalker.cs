using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// Reads route-builder expressions inside one method: fluent chains (<c>MapGroup(...).RequireAuthorization()</c>),
    /// locals and parameters (their assignments and the calls made on them anywhere in the method), and hands what needs the
    /// whole compilation to <see cref="BuilderOrigin"/>s. Only the enclosing method (or top-level program) is ever walked.
    /// </summary>
    internal sealed class ChainWalker
    {
        private const int MaxDepth = 12;

        private readonly IAssemblySymbol _assembly;
        private readonly AttributeDecisions _attributes;
        private readonly ConcurrentDictionary<ISymbol, VariableFacts> _variables = new ConcurrentDictionary<ISymbol, VariableFacts>(SymbolEqualityComparer.Default);

        public ChainWalker(IAssemblySymbol assembly, AttributeDecisions attributes)
        {
            _assembly = assembly;
            _attributes = attributes;
        }

        public bool IsInCompilation(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _assembly);

        /// <summary>The builder a route builder expression stands for.</summary>
        [MethodImpl(HotPath.Options)]
        public BuilderChain Summarize(IOperation? operation) => Summarize(operation, 0);

        /// <summary>
        /// The calls chained on a Map* result (<c>app.MapGet(...).RequireAuthorization()</c>), and what happens to the result:
        /// a local whose later calls count, or an escape (returned, passed on, stored) that makes the decision unknown.
        /// </summary>
        public Decision ChainedOnResult(IOperation mapCall) => ChainedOnResult(mapCall, null);

        /// <summary>
        /// As <see cref="ChainedOnResult(IOperation)"/>; calls to convention helpers of the app (<c>.RequireAdmin()</c>) add the
        /// parameter they receive the builder in to <paramref name="helperParameters"/>, judged when the compilation is complete.
        /// </summary>
        public Decision ChainedOnResult(IOperation mapCall, List<IParameterSymbol>? helperParameters)
        {
            var decision = Decision.None;
            var current = mapCall;
            while (true)
            {
                var parent = ParentSkippingConversions(current);
                if (parent is IArgumentOperation argument && argument.Parent is IInvocationOperation outer && IsReceiverArgument(outer, argument))
                {
                    decision |= ConventionDecision(outer);
                    if (helperParameters is not null && IsInCompilation(outer.TargetMethod) && argument.Parameter is { } received)
                    {
                        helperParameters.Add(received.OriginalDefinition);
                    }

                    current = outer;
                    continue;
                }

                if (parent is IInvocationOperation instanceCall && instanceCall.Instance is { } instance && Unwrap(instance) == current)
                {
                    decision |= ConventionDecision(instanceCall);
                    current = instanceCall;
                    continue;
                }

                switch (parent)
                {
                    case null:
                    case IExpressionStatementOperation:
                    case IDiscardOperation:
                        return decision;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        var facts = FactsOf(declarator.Symbol, declarator);
                        return decision | facts.Decision | (facts.Escapes ? Decision.Unknown : Decision.None);
                    case IReturnOperation { ReturnedValue: null }:
                        return decision;
                    case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                        return decision;
                    default:
                        // Returned, passed to a method, stored: someone else may decide.
                        return decision | Decision.Unknown;
                }
            }
        }

        /// <summary>The decision a convention call makes on the builder it is called on.</summary>
        public Decision ConventionDecision(IInvocationOperation invocation)
        {
            switch (invocation.TargetMethod.Name)
            {
                case AspNetNames.RequireAuthorization:
                    return Decision.Authorize;
                case AspNetNames.AllowAnonymous:
                    return Decision.Anonymous;
                case AspNetNames.WithMetadata:
                    var decision = Decision.None;
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                decision |= MetadataDecision(element);
                            }
                        }
                        else
                        {
                            decision |= MetadataDecision(argument.Value);
                        }
                    }

                    return decision;
                default:
                    return Decision.None;
            }
        }

        private Decision MetadataDecision(IOperation value)
        {
            var type = Unwrap(value)?.Type;
            return type is null ? Decision.None : _attributes.OfType(type);
        }

        [MethodImpl(HotPath.Options)]
        private BuilderChain Summarize(IOperation? operation, int depth)
        {
            var decision = Decision.None;
            var current = operation;
            while (depth++ < MaxDepth)
            {
                current = Unwrap(current);
                if (current is null)
                {
                    break;
                }

                if (AspNetNames.IsWebApplication(current.Type))
                {
                    return new BuilderChain(decision, ImmutableArray.Create(BuilderOrigin.Host));
                }

                switch (current)
                {
                    case IInvocationOperation invocation:
                    {
                        var method = invocation.TargetMethod;
                        var receiver = Receiver(invocation);
                        var convention = ConventionDecision(invocation);
                        if (convention != Decision.None || method.Name == AspNetNames.MapGroup)
                        {
                            decision |= convention;
                            current = receiver;
                            continue;
                        }

                        if (IsInCompilation(method))
                        {
                            // A helper of the app: what it returns, given these arguments.
                            var arguments = ImmutableDictionary<int, BuilderChain>.Empty;
                            foreach (var argument in invocation.Arguments)
                            {
                                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue && IsBuilderLike(parameter.Type))
                                {
                                    arguments = arguments.SetItem(parameter.Ordinal, Summarize(argument.Value, depth));
                                }
                            }

                            return new BuilderChain(decision, ImmutableArray.Create<BuilderOrigin>(new CallOrigin(method.OriginalDefinition, arguments)));
                        }

                        if (receiver is not null && invocation.Type is { } resultType && SymbolEqualityComparer.Default.Equals(resultType, receiver.Type))
                        {
                            // WithTags, WithOpenApi, RequireCors, AddEndpointFilter...: the same builder, passed on.
                            current = receiver;
                            continue;
                        }

                        return Unknown(decision);
                    }

                    case ILocalReferenceOperation local:
                    {
                        var facts = FactsOf(local.Local, local);
                        return new BuilderChain(decision | facts.Decision, facts.ValueOrigins(this, depth));
                    }

                    case IParameterReferenceOperation parameterReference:
                    {
                        var parameter = parameterReference.Parameter;
                        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
                        {
                            return IsUseEndpointsLambdaParameter(parameterReference)
                                ? new BuilderChain(decision, ImmutableArray.Create(BuilderOrigin.Host))
                                : Unknown(decision);
                        }

                        var facts = FactsOf(parameter, parameterReference);
                        return new BuilderChain(decision | facts.Decision, ImmutableArray.Create<BuilderOrigin>(new ParameterOrigin(parameter.OriginalDefinition)));
                    }

                    case IFieldReferenceOperation field when IsInCompilation(field.Field):
                        return new BuilderChain(decision, ImmutableArray.Create<BuilderOrigin>(new MemberOrigin(field.Field.OriginalDefinition)));

                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsInCompilation(property.Property):
                        return new BuilderChain(decision, ImmutableArray.Create<BuilderOrigin>(new MemberOrigin(property.Property.OriginalDefinition)));

                    default:
                        return Unknown(decision);
                }
            }

            return Unknown(decision);
        }

        private static BuilderChain Unknown(Decision decision) =>
            decision == Decision.None ? BuilderChain.Unknown : new BuilderChain(decision | Decision.Unknown, ImmutableArray<BuilderOrigin>.Empty);

        /// <summary><c>app.UseEndpoints(endpoints => endpoints.MapGet(...))</c>: the app's own route builder.</summary>
        private static bool IsUseEndpointsLambdaParameter(IParameterReferenceOperation reference)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, reference.Parameter.ContainingSymbol))
                {
                    var call = function.Parent;
                    while (call is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
                    {
                        call = call.Parent;
                    }

                    return call is IInvocationOperation { TargetMethod.Name: "UseEndpoints" };
                }
            }

            return false;
        }

        /// <summary>A type that can carry route or endpoint conventions.</summary>
        public static bool IsBuilderLike(ITypeSymbol? type) =>
            type is not null &&
            (AspNetNames.IsRouteBuilder(type) || AspNetNames.IsOrImplements(type, AspNetNames.BuilderNamespace, "IEndpointConventionBuilder"));

        [MethodImpl(HotPath.Options)]
        private VariableFacts FactsOf(ISymbol variable, IOperation anyOperationInScope) =>
            _variables.TryGetValue(variable, out var known) ? known : _variables.GetOrAdd(variable, VariableFacts.Collect(variable, Root(anyOperationInScope), this));

        private static IOperation Root(IOperation operation)
        {
            var root = operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root;
        }

        [MethodImpl(HotPath.Options)]
        public static IOperation? Receiver(IInvocationOperation invocation)
        {
            if (invocation.Instance is { } instance)
            {
                return instance;
            }

            if (invocation.TargetMethod.IsExtensionMethod)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        return argument.Value;
                    }
                }
            }

            return null;
        }

        private static bool IsReceiverArgument(IInvocationOperation invocation, IArgumentOperation argument) =>
            invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;

        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        private static IOperation? ParentSkippingConversions(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>A local or parameter in its method: its values and the convention calls made on it.</summary>
        private sealed class VariableFacts
        {
            private readonly List<IOperation> _values;
            private ImmutableArray<BuilderOrigin> _origins;

            private VariableFacts(List<IOperation> values, Decision decision, bool escapes)
            {
                _values = values;
                Decision = decision;
                Escapes = escapes;
            }

            public Decision Decision { get; }

            /// <summary>Passed to a method, returned or copied: calls made elsewhere may decide.</summary>
            public bool Escapes { get; }

            [MethodImpl(HotPath.Options)]
            public ImmutableArray<BuilderOrigin> ValueOrigins(ChainWalker walker, int depth)
            {
                if (_origins.IsDefault)
                {
                    var builder = ImmutableArray.CreateBuilder<BuilderOrigin>(_values.Count);
                    foreach (var value in _values)
                    {
                        builder.Add(new NestedOrigin(walker.Summarize(value, depth + 1)));
                    }

                    // No value seen (out parameter, pattern variable): unknown.
                    var origins = builder.Count == 0 ? ImmutableArray.Create<BuilderOrigin>(new NestedOrigin(BuilderChain.Unknown)) : builder.ToImmutable();
                    ImmutableInterlocked.InterlockedInitialize(ref _origins, origins);
                }

                return _origins;
            }

            [MethodImpl(HotPath.Options)]
            public static VariableFacts Collect(ISymbol variable, IOperation root, ChainWalker walker)
            {
                var values = new List<IOperation>();
                var decision = Decision.None;
                var escapes = false;
                foreach (var operation in root.Descendants())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable):
                            if (declarator.Initializer?.Value is { } initial)
                            {
                                values.Add(initial);
                            }

                            break;
                        case ISimpleAssignmentOperation assignment when Refers(assignment.Target, variable):
                            values.Add(assignment.Value);
                            break;
                        case IInvocationOperation invocation when Refers(Receiver(invocation), variable):
                            decision |= walker.ConventionDecision(invocation);
                            break;
                        case ILocalReferenceOperation or IParameterReferenceOperation when Refers(operation, variable):
                            escapes |= IsEscape(operation);
                            break;
                    }
                }

                return new VariableFacts(values, decision, escapes);
            }

            private static bool IsEscape(IOperation reference)
            {
                var parent = ParentSkippingConversions(reference);
                return parent switch
                {
                    IArgumentOperation argument => !(argument.Parent is IInvocationOperation invocation && IsReceiverArgument(invocation, argument)),
                    IReturnOperation => true,
                    ISimpleAssignmentOperation assignment => Unwrap(assignment.Value) == reference,
                    _ => false,
                };
            }

            [MethodImpl(HotPath.Options)]
            private static bool Refers(IOperation? operation, ISymbol variable) =>
                Unwrap(operation) switch
                {
                    ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
                    IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
                    _ => false,
                };
        }
    }
}
