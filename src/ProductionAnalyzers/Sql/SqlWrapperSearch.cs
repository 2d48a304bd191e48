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
    /// Wrapper discovery: does a method of the compilation pass one of its string parameters into a SQL sink? A
    /// syntax-only pre-pass decides which methods may be wrappers; only those are bound, and the number of bodies the
    /// search binds per compilation is bounded (<see cref="MaxWrapperBodies"/>).
    /// </summary>
    internal sealed partial class SqlApis
    {
        /// <summary>The most method bodies the wrapper search binds per compilation; beyond it, methods are no wrappers.</summary>
        public const int MaxWrapperBodies = 4096;

        private int _bodiesBound;

        /// <summary>The bound in force: <see cref="MaxWrapperBodies"/>, lowered only by tests.</summary>
        internal int WrapperBodyLimit { get; set; } = MaxWrapperBodies;

        /// <summary>How many method bodies the wrapper search has bound in this compilation (at most <see cref="WrapperBodyLimit"/>).</summary>
        public int BodiesBound => Math.Min(Volatile.Read(ref _bodiesBound), WrapperBodyLimit);

        private bool TryCountBody() => Interlocked.Increment(ref _bodiesBound) <= WrapperBodyLimit;

        private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> _methodsByName = new ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _wrappers = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayBeWrapper = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, WrapperLinks> _links = new ConcurrentDictionary<IMethodSymbol, WrapperLinks>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The ordinals of the string parameters a method of this compilation passes unchanged to a sink (directly,
        /// through a local that only holds the parameter, or through other wrappers, implementations and overrides).
        /// Each body is read once (<see cref="GetLinks"/>); the closure over the links is computed from the method
        /// itself, so the answer never depends on which method was asked first.
        /// </summary>
        public ImmutableArray<int> GetWrapperOrdinals(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_wrappers.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (!MayBeWrapper(method, null, cancellationToken))
            {
                return _wrappers.GetOrAdd(method, ImmutableArray<int>.Empty);
            }

            var result = ImmutableArray.CreateBuilder<int>();
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None &&
                    IsWrapperParameter(method, parameter.Ordinal, new HashSet<(IMethodSymbol, int)>(), 0, cancellationToken))
                {
                    result.Add(parameter.Ordinal);
                }
            }

            return _wrappers.GetOrAdd(method, result.ToImmutable());
        }

        private bool IsWrapperParameter(IMethodSymbol method, int ordinal, HashSet<(IMethodSymbol, int)> visited, int depth, CancellationToken cancellationToken)
        {
            if (depth > 6 || !visited.Add((method, ordinal)))
            {
                return false;
            }

            var links = GetLinks(method, cancellationToken);
            if (links.Direct.Contains(ordinal))
            {
                return true;
            }

            foreach (var (from, callee, calleeOrdinal) in links.Edges)
            {
                if (from == ordinal && IsWrapperParameter(callee, calleeOrdinal, visited, depth + 1, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A syntax-only over-approximation of "some string parameter of this method reaches a sink": its body hands a
        /// string parameter (or a local holding it) to <c>CommandText</c>, to an object creation, to a method named like
        /// a sink, or to a method of the compilation that may itself be a wrapper; or it is an interface, abstract or
        /// virtual method with such an implementation. Binds nothing; cached per method for the compilation. Methods
        /// that fail it are never bound by the wrapper search.
        /// </summary>
        private bool MayBeWrapper(IMethodSymbol method, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_mayBeWrapper.TryGetValue(method, out var cached))
            {
                return cached;
            }

            visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!visiting.Add(method))
            {
                // A cycle: assume it may (never prunes a real wrapper); not cached.
                return true;
            }

            try
            {
                var result = ComputeMayBeWrapper(method, visiting, cancellationToken);
                return _mayBeWrapper.GetOrAdd(method, result);
            }
            finally
            {
                visiting.Remove(method);
            }
        }

        private bool ComputeMayBeWrapper(IMethodSymbol method, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None)
                {
                    names.Add(parameter.Name);
                }
            }

            if (names.Count == 0 || !IsSourceMethod(method))
            {
                return false;
            }

            if (method.IsAbstract || method.IsVirtual || method.ContainingType.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in ImplementationsOf(method))
                {
                    if (MayBeWrapper(implementation, visiting, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            if (method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return HasLinkSite(declaration, names, visiting, cancellationToken);
        }

        /// <summary>
        /// True when the declaration hands one of <paramref name="parameters"/> (or a local initialized or assigned from
        /// one) to <c>CommandText</c>, an object creation, or an invocation whose name may be a sink or a wrapper. With
        /// <paramref name="visiting"/> null, any method of the compilation counts as a possible wrapper.
        /// </summary>
        private bool HasLinkSite(SyntaxNode declaration, IEnumerable<string> parameters, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(parameters, StringComparer.Ordinal);
            var aliases = new List<string>();
            HashSet<string>? localFunctions = null;
            foreach (var node in declaration.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer.Value: IdentifierNameSyntax value } declarator when names.Contains(value.Identifier.ValueText):
                        aliases.Add(declarator.Identifier.ValueText);
                        break;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left, Right: IdentifierNameSyntax right } when names.Contains(right.Identifier.ValueText):
                        aliases.Add(left.Identifier.ValueText);
                        break;
                    case LocalFunctionStatementSyntax localFunction:
                        (localFunctions ??= new HashSet<string>(StringComparer.Ordinal)).Add(localFunction.Identifier.ValueText);
                        break;
                }
            }

            foreach (var alias in aliases)
            {
                names.Add(alias);
            }

            foreach (var node in declaration.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || !names.Contains(identifier.Identifier.ValueText))
                {
                    continue;
                }

                SyntaxNode expression = identifier;
                while (expression.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
                {
                    expression = expression.Parent;
                }

                switch (expression.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Right == expression && AssignedName(assignment.Left) == "CommandText":
                        return true;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } }:
                        switch (call)
                        {
                            case ObjectCreationExpressionSyntax creation:
                                if (CreationMayBeSinkOrWrapper(creation.Type, visiting, cancellationToken))
                                {
                                    return true;
                                }

                                break;
                            case ImplicitObjectCreationExpressionSyntax:
                                // new(text, connection): the type is not written here; taken as a possible sink.
                                return true;
                            case InvocationExpressionSyntax invocation:
                                var name = InvokedName(invocation.Expression);
                                if (name is null || IsSinkName(name) || localFunctions?.Contains(name) == true ||
                                    NameMayBeWrapper(name, visiting, cancellationToken))
                                {
                                    return true;
                                }

                                break;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <c>new T(...)</c> may take SQL text, from the written type name alone: a command, adapter or Dapper
        /// <c>CommandDefinition</c> type (<c>SqlCommand</c>, <c>NpgsqlCommand</c>, <c>SqlDataAdapter</c>, ...), or a source type
        /// whose constructor may be a wrapper. A command type behind a using-alias of another name is not seen here.
        /// </summary>
        private bool CreationMayBeSinkOrWrapper(TypeSyntax type, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            var name = type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };

            if (name is null)
            {
                return false;
            }

            if (IsCommandTypeName(name))
            {
                return true;
            }

            if (!SourceTypesByName().TryGetValue(name, out var types))
            {
                return false;
            }

            if (visiting is null)
            {
                return true;
            }

            foreach (var candidate in types)
            {
                foreach (var constructor in candidate.InstanceConstructors)
                {
                    if (HasStringParameter(constructor) && MayBeWrapper(constructor, visiting, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Type names of command, batch-command and adapter types of every provider, and Dapper's CommandDefinition.</summary>
        private static bool IsCommandTypeName(string name) =>
            name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("DataAdapter", StringComparison.Ordinal) ||
            name == "CommandDefinition";

        /// <summary>The source types by name, built once per compilation on first need.</summary>
        private Dictionary<string, List<INamedTypeSymbol>> SourceTypesByName()
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

        private static string? AssignedName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// Names of methods that can take SQL text: Dapper and provider Query*/Execute*, EF Core and EF6 raw SQL
        /// (FromSqlRaw, ExecuteSqlRaw, SqlQuery..., anything with "Sql" in it), CreateCommand, micro-ORM reads, configured sinks.
        /// </summary>
        private bool IsSinkName(string name) =>
            name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) ||
            name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0 || name == "CreateCommand" ||
            name is "Select" or "Single" or "SingleOrDefault" or "First" or "FirstOrDefault" or "Scalar" or "Column" or "Fetch" or "Page" ||
            _configuredSinkNames.Contains(name);

        /// <summary>Whether a method of the compilation with this name may be a wrapper (any, when <paramref name="visiting"/> is null).</summary>
        private bool NameMayBeWrapper(string name, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            if (!MemberNameIndex().TryGetValue(name, out var declaringTypes))
            {
                return false;
            }

            if (visiting is null)
            {
                return true;
            }

            var methods = _methodsByName.GetOrAdd(name, n =>
            {
                var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
                foreach (var type in declaringTypes)
                {
                    foreach (var member in type.GetMembers(n))
                    {
                        if (member is IMethodSymbol method && HasStringParameter(method))
                        {
                            builder.Add(method);
                        }
                    }
                }

                return builder.ToImmutable();
            });

            foreach (var candidate in methods)
            {
                if (MayBeWrapper(candidate, visiting, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private WrapperLinks GetLinks(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            return _links.GetOrAdd(method, m => ComputeLinks(m, cancellationToken));
        }

        /// <summary>
        /// Where a method's string parameters go: straight into a sink (<see cref="WrapperLinks.Direct"/>), or unchanged
        /// into a string parameter of another method of the compilation, an implementation or an override
        /// (<see cref="WrapperLinks.Edges"/>).
        /// </summary>
        private WrapperLinks ComputeLinks(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var candidates = new Dictionary<string, IParameterSymbol>(StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None)
                {
                    candidates[parameter.Name] = parameter;
                }
            }

            if (candidates.Count == 0)
            {
                return WrapperLinks.None;
            }

            var direct = ImmutableArray.CreateBuilder<int>();
            var edges = ImmutableArray.CreateBuilder<(int, IMethodSymbol, int)>();

            // An interface, abstract or virtual method (an injected ISqlExecutor): a wrapper when an implementation is.
            if (method.IsAbstract || method.IsVirtual || method.ContainingType.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in ImplementationsOf(method))
                {
                    foreach (var parameter in candidates.Values)
                    {
                        edges.Add((parameter.Ordinal, implementation, parameter.Ordinal));
                    }
                }
            }

            if (method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1)
            {
                return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
            }

            // Cheap syntax check first: a parameter must be handed to something that can be a sink or a wrapper.
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var mentioned = HasLinkSite(declaration, candidates.Keys, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method }, cancellationToken);

            // The bound: past MaxWrapperBodies bodies bound by this search, a method that passed the syntax check is
            // taken as no wrapper (its calls are then judged as ordinary calls).
            var body = mentioned && TryCountBody() ? GetBody(method, cancellationToken) : null;
            if (body is null)
            {
                return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
            }

            foreach (var operation in body.Root.DescendantsAndSelf())
            {
                if (operation is not (IInvocationOperation or IObjectCreationOperation or IAssignmentOperation))
                {
                    continue;
                }

                if (TryGetSink(operation, out var sink, includeWrappers: false))
                {
                    var parameter = PassedParameter(sink.Text, body.Index, method);
                    if (parameter is not null && !direct.Contains(parameter.Ordinal))
                    {
                        direct.Add(parameter.Ordinal);
                    }

                    continue;
                }

                var (target, arguments) = operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (target is null || !IsSourceMethod(target))
                {
                    continue;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } calleeParameter && SqlOperations.IsString(calleeParameter.Type) &&
                        argument.ArgumentKind != ArgumentKind.DefaultValue &&
                        PassedParameter(argument.Value, body.Index, method) is { } passed)
                    {
                        edges.Add((passed.Ordinal, target.PartialImplementationPart ?? target.OriginalDefinition, calleeParameter.Ordinal));
                    }
                }
            }

            return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
        }

        private sealed class WrapperLinks
        {
            public static readonly WrapperLinks None = new WrapperLinks(ImmutableArray<int>.Empty, ImmutableArray<(int, IMethodSymbol, int)>.Empty);

            public WrapperLinks(ImmutableArray<int> direct, ImmutableArray<(int From, IMethodSymbol Callee, int CalleeOrdinal)> edges)
            {
                Direct = direct;
                Edges = edges;
            }

            public ImmutableArray<int> Direct { get; }

            public ImmutableArray<(int From, IMethodSymbol Callee, int CalleeOrdinal)> Edges { get; }
        }

        private static IParameterSymbol? PassedParameter(IOperation text, MethodIndex index, IMethodSymbol method)
        {
            text = SqlOperations.Unwrap(text);
            if (text is ILocalReferenceOperation local)
            {
                var writes = index.WritesOf(local.Local);
                if (writes.Count != 1 || writes[0].Compound)
                {
                    return null;
                }

                text = SqlOperations.Unwrap(writes[0].Value);
            }

            if (text is IParameterReferenceOperation parameterReference &&
                SymbolEqualityComparer.Default.Equals(parameterReference.Parameter.ContainingSymbol, method) &&
                SqlOperations.IsString(parameterReference.Parameter.Type))
            {
                return parameterReference.Parameter;
            }

            return null;
        }

        private bool TryGetWrapperArgument(ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method, out IOperation text)
        {
            text = null!;

            // Once a method's wrapper parameters are known, its calls are decided without looking at their arguments.
            var known = _wrappers.TryGetValue(method.PartialImplementationPart ?? method.OriginalDefinition, out var knownOrdinals);
            if (known && knownOrdinals.IsEmpty)
            {
                return false;
            }

            // Only a call that hands over text built here can be reported as a wrapper sink: a constant or the caller's own
            // parameter passed on (_orders.FindByEmail(email)) cannot, so the wrapper search is skipped for it. That is most
            // calls between the services and repositories of a code base.
            var mayCarryBuiltText = false;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SqlOperations.IsString(parameter.Type) &&
                    argument.ArgumentKind != ArgumentKind.DefaultValue && MayCarryBuiltText(argument.Value))
                {
                    mayCarryBuiltText = true;
                    break;
                }
            }

            if (!mayCarryBuiltText)
            {
                return false;
            }

            var ordinals = GetWrapperOrdinals(method, CancellationToken.None);
            foreach (var ordinal in ordinals)
            {
                var argument = ArgumentForOrdinal(arguments, ordinal);
                if (argument is not null)
                {
                    text = argument;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the argument can be text built at the call site, the only kind a wrapper call is reported for. Not a
        /// constant, not the caller's own parameter passed on, and not the result of a library call that only reads a
        /// value (<c>reader.GetString(0)</c>, <c>id.ToString()</c>, <c>User.FindFirstValue(...)</c>): the text evaluator
        /// sees text built only in string methods (<c>Format</c>, <c>Concat</c>, <c>Join</c>, <c>Replace</c>, ...),
        /// <c>StringBuilder.ToString()</c>, map lookups and the project's own helpers.
        /// </summary>
        private bool MayCarryBuiltText(IOperation value)
        {
            var unwrapped = SqlOperations.Unwrap(value);
            if (unwrapped.ConstantValue.HasValue || unwrapped is IParameterReferenceOperation)
            {
                return false;
            }

            switch (unwrapped)
            {
                case IArrayElementReferenceOperation:
                    // parts[0]: an element read from an array is never text built here.
                    return false;
                case IPropertyReferenceOperation { Property: var property }:
                    // A library property only reads a value; the project's own get-only properties may return built text.
                    return IsSourceAssembly(property.ContainingAssembly);
                case IInvocationOperation:
                    break;
                default:
                    return true;
            }

            var invocation = (IInvocationOperation)unwrapped;
            var method = invocation.TargetMethod;

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                // string.Format/Concat/Join build; name.Trim() or name.ToUpper() carries what its receiver carries.
                return method.IsStatic || invocation.Instance is null || MayCarryBuiltText(invocation.Instance);
            }

            if (method.Name == "GetValueOrDefault" || IsSourceAssembly(method.ContainingAssembly))
            {
                return true;
            }

            return method.Name == "ToString" && invocation.Instance?.Type is { } receiver && StringBuilder is not null &&
                   SymbolEqualityComparer.Default.Equals(receiver, StringBuilder);
        }
    }
}
