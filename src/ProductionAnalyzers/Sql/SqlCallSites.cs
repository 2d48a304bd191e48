using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// The call sites of the compilation's own methods, for judging a parameter by what its callers pass. The calls of a
    /// method or constructor are found on the first question about it by searching the source text for its name
    /// (<see cref="SourceSearch"/>: no tree is walked node by node; for a private method, or one of a private nested type,
    /// only in the declarations of the type that holds it), then bound and cached. A method with more than
    /// <see cref="MaxCallSites"/> candidate calls is not followed: its parameters are judged inside it.
    /// </summary>
    internal sealed class SqlCallSites
    {
        /// <summary>The most calls (by name) bound for one method; beyond it the method is judged inside.</summary>
        public const int MaxCallSites = 64;

        /// <summary>
        /// The most candidate calls bound for one constructor: a generic repository base is called from the
        /// <c>: base(…)</c> of every repository of the application (80 on one real code base); each binds only its arguments.
        /// </summary>
        public const int MaxConstructorCallSites = 256;

        private readonly Compilation _compilation;
        private readonly SourceSearch _search;
        private readonly ConcurrentDictionary<IMethodSymbol, CallSiteList> _calls = new ConcurrentDictionary<IMethodSymbol, CallSiteList>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, byte> _reported = new ConcurrentDictionary<SyntaxNode, byte>();

        public SqlCallSites(Compilation compilation)
        {
            _compilation = compilation;
            _search = new SourceSearch(compilation);
        }

        /// <summary>The compilation-wide name search these questions share with the other SQL questions about source.</summary>
        public SourceSearch Search => _search;

        /// <summary>
        /// A method whose parameters can be judged at its call sites: an ordinary method of the compilation, or the
        /// implementation of interface members, that nothing can call without naming it or one of those members (not
        /// virtual, abstract or an override).
        /// </summary>
        public static bool IsJudgedByCallers(IMethodSymbol method) => !CallTargets(method).IsDefault;

        /// <summary>
        /// The methods a call of which runs <paramref name="method"/>: the method itself and each interface member it
        /// implements (a repository is called through its interface). Default when it can run without any of them being
        /// named (virtual, abstract, an override, an accessor or operator, a partial method's two parts).
        /// </summary>
        internal static ImmutableArray<IMethodSymbol> CallTargets(IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) || method.IsVirtual || method.IsAbstract ||
                method.IsOverride || method.DeclaringSyntaxReferences.Length != 1)
            {
                return default;
            }

            var targets = ImmutableArray.CreateBuilder<IMethodSymbol>();
            targets.Add(method.OriginalDefinition);
            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                targets.Add(implemented.OriginalDefinition);
            }

            if (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic &&
                method.ContainingType is { } type)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod &&
                            SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                        {
                            targets.Add(interfaceMethod.OriginalDefinition);
                        }
                    }
                }
            }

            return targets.ToImmutable();
        }

        /// <summary>
        /// The calls of <paramref name="method"/> in the compilation (and of the interface members it implements), or null
        /// when there are too many to follow. Empty when no code of the compilation calls it (a library's public API, an
        /// entry point, a method used only as a delegate).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public CallSiteList CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            return _calls.TryGetValue(method, out var known) ? known : _calls.GetOrAdd(method, Find(method, cancellationToken));
        }

        /// <summary>True the first time a call-site argument is reported (two sinks of one helper can reach the same argument).</summary>
        public bool TryMarkReported(SyntaxNode argument) => _reported.TryAdd(argument, 0);

        [MethodImpl(HotPath.Options)]
        private CallSiteList Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var targets = CallTargets(method);
            if (targets.IsDefault)
            {
                return CallSiteList.TooMany;
            }

            // The names the calls are spelled with: an explicit implementation is only called by its interface member's name.
            var names = new List<string>();
            foreach (var target in targets)
            {
                if (target.MethodKind != MethodKind.ExplicitInterfaceImplementation && !names.Contains(target.Name))
                {
                    names.Add(target.Name);
                }
            }

            // A private method, or one of a private nested type, can be called only from inside the type that holds it:
            // only that type's declarations are searched (the factories of a private nested class share a common name).
            // (Not for an implementation of an interface member: the interface is called from anywhere.)
            var domain = targets.Length == 1 ? AccessibilityDomain(method) : null;
            var domainReferences = domain?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty;
            var trees = domain is null ? null : domainReferences.Select(r => r.SyntaxTree).Distinct().ToList();
            var candidates = new List<InvocationExpressionSyntax>();
            foreach (var token in _search.IdentifiersNamed(names, trees, int.MaxValue, cancellationToken)!)
            {
                if (domain is not null && !InsideAny(domainReferences, token))
                {
                    continue;
                }

                if (InvocationNamedBy(token) is { } invocation)
                {
                    if (candidates.Count == MaxCallSites)
                    {
                        return CallSiteList.TooMany;
                    }

                    candidates.Add(invocation);
                }
            }

            if (candidates.Count == 0)
            {
                return CallSiteList.None;
            }

            var result = ImmutableArray.CreateBuilder<MethodCall>();
            foreach (var syntax in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = _search.Model(syntax.SyntaxTree);
                switch (model.GetOperation(syntax, cancellationToken))
                {
                    case IInvocationOperation invocation when IsTarget(targets, invocation.TargetMethod):
                        result.Add(new MethodCall(invocation, invocation.Arguments));
                        break;
                    case IInvalidOperation invalid when UnresolvedCallOf(targets, syntax, model, cancellationToken) is { } candidate:
                        // A call that does not bind because another argument's type does not resolve (a test passing a
                        // command from a database type of a project it cannot see): its only candidate is the method, and
                        // its arguments are read from the syntax.
                        result.Add(new MethodCall(invalid, UnboundArguments(syntax, candidate, model, cancellationToken)));
                        break;
                }
            }

            return new CallSiteList(result.ToImmutable());
        }

        /// <summary>
        /// The type whose declarations hold every call <paramref name="method"/> can have: the type that holds the innermost
        /// private element of the method and its containing types; null when the method can be called from other types.
        /// </summary>
        private static INamedTypeSymbol? AccessibilityDomain(IMethodSymbol method)
        {
            for (ISymbol? element = method; element is not null and not INamespaceSymbol; element = element.ContainingType)
            {
                if (element.DeclaredAccessibility == Accessibility.Private)
                {
                    return element.ContainingType is { DeclaringSyntaxReferences.IsEmpty: false } domain ? domain : null;
                }
            }

            return null;
        }

        private static bool InsideAny(ImmutableArray<SyntaxReference> references, SyntaxToken token)
        {
            foreach (var reference in references)
            {
                if (reference.SyntaxTree == token.SyntaxTree && reference.Span.Contains(token.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTarget(ImmutableArray<IMethodSymbol> targets, IMethodSymbol method) =>
            targets.Contains((method.ReducedFrom ?? method).OriginalDefinition, SymbolEqualityComparer.Default);

        /// <summary>The candidate of a call that did not bind when it is one of <paramref name="targets"/> and the only candidate.</summary>
        private static IMethodSymbol? UnresolvedCallOf(ImmutableArray<IMethodSymbol> targets, InvocationExpressionSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
        {
            var info = model.GetSymbolInfo(syntax, cancellationToken);
            return info.Symbol is null && info.CandidateSymbols.Length == 1 && info.CandidateSymbols[0] is IMethodSymbol candidate && IsTarget(targets, candidate)
                ? candidate
                : null;
        }

        /// <summary>
        /// The written arguments of a call that did not bind, each with the ordinal of the parameter of the method's
        /// declaration it goes to (by name, or by position up to the first named one; an extension method called on its
        /// receiver counts its <c>this</c> parameter). An argument after a named one out of position is left out.
        /// </summary>
        private static ImmutableArray<(int Ordinal, IOperation Value)> UnboundArguments(
            InvocationExpressionSyntax syntax, IMethodSymbol candidate, SemanticModel model, CancellationToken cancellationToken)
        {
            var declaration = candidate.ReducedFrom ?? candidate;
            var shift = candidate.ReducedFrom is null ? 0 : 1;
            var result = ImmutableArray.CreateBuilder<(int, IOperation)>();
            var positional = true;
            var arguments = syntax.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                int ordinal;
                if (argument.NameColon is { } nameColon)
                {
                    positional = false;
                    ordinal = -1;
                    foreach (var parameter in declaration.Parameters)
                    {
                        if (parameter.Name == nameColon.Name.Identifier.ValueText)
                        {
                            ordinal = parameter.Ordinal;
                        }
                    }
                }
                else
                {
                    ordinal = positional ? i + shift : -1;
                }

                if (ordinal >= 0 && ordinal < declaration.Parameters.Length && !declaration.Parameters[ordinal].IsParams &&
                    model.GetOperation(argument.Expression, cancellationToken) is { } value)
                {
                    result.Add((ordinal, value));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>The invocation whose invoked name is <paramref name="identifier"/>: <c>Name(…)</c>, <c>x.Name(…)</c>, <c>x?.Name(…)</c>, with or without type arguments.</summary>
        private static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken identifier)
        {
            if (identifier.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            ExpressionSyntax callee = name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access,
                MemberBindingExpressionSyntax binding when binding.Name == name => binding,
                _ => name,
            };
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>
        /// The calls of a constructor of the compilation: <c>new T(…)</c>, target-typed <c>new(…)</c>, and the
        /// <c>: base(…)</c> / <c>: this(…)</c> initializers of constructors (an abstract repository base is only ever called
        /// from those). Each is an <see cref="IObjectCreationOperation"/> or an <see cref="IInvocationOperation"/>; bounded
        /// like <see cref="CallsOf"/>.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public ConstructorCallList ConstructorCallsOf(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            constructor = constructor.OriginalDefinition;
            return _constructorCalls.TryGetValue(constructor, out var known) ? known : _constructorCalls.GetOrAdd(constructor, FindConstructorCalls(constructor, cancellationToken));
        }

        /// <summary>Memo of <see cref="SqlTextEvaluator"/>'s "every call of this constructor passes trusted text" per parameter.</summary>
        public ConcurrentDictionary<IParameterSymbol, bool> TrustedConstructorParameters { get; } =
            new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, ConstructorCallList> _constructorCalls =
            new ConcurrentDictionary<IMethodSymbol, ConstructorCallList>(SymbolEqualityComparer.Default);

        [MethodImpl(HotPath.Options)]
        private ConstructorCallList FindConstructorCalls(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            if (constructor.ContainingType is not { } type)
            {
                return ConstructorCallList.TooMany;
            }

            // new T(…), and the : base(…) initializers of types whose base list starts with T, found through the
            // identifiers spelled T; : this(…) in the type's own declarations; target-typed new(…) that may call it.
            var creations = new List<SyntaxNode>();
            var initializers = new List<SyntaxNode>();
            foreach (var token in _search.IdentifiersNamed(new[] { type.Name }, null, int.MaxValue, cancellationToken)!)
            {
                if (token.Parent is not SimpleNameSyntax name || name.Arity != type.Arity)
                {
                    // Repository<T, TModel, TId> of another namespace is not Repository<T, TId>: never a call of this constructor.
                    continue;
                }

                SyntaxNode typeSyntax = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? qualified
                    : name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name ? alias
                    : name;
                switch (typeSyntax.Parent)
                {
                    case ObjectCreationExpressionSyntax creation when creation.Type == typeSyntax:
                        creations.Add(creation);
                        break;
                    case BaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax derived } baseList } baseType
                        when baseList.Types[0] == baseType && baseType.Type == typeSyntax:
                        AddInitializers(derived, "base", initializers);
                        break;
                }
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax own)
                {
                    AddInitializers(own, "this", initializers);
                }
            }

            var candidates = creations;
            if (!type.IsAbstract)
            {
                foreach (var targetTyped in TargetTypedCreations(cancellationToken))
                {
                    if (TargetTypedMayCall(targetTyped, type, constructor))
                    {
                        candidates.Add(targetTyped);
                    }
                }
            }

            candidates.AddRange(initializers);

            if (candidates.Count > MaxConstructorCallSites)
            {
                return ConstructorCallList.TooMany;
            }

            // Bound one by one, on first need: a question about one parameter binds only the calls that write an argument for it
            // (a repository base's table name, left at its default by every derived repository, binds one call, not all).
            return new ConstructorCallList(constructor, candidates.ToImmutableArray(), this);
        }

        /// <summary>The call <paramref name="syntax"/> makes when it calls <paramref name="constructor"/>; null otherwise.</summary>
        [MethodImpl(HotPath.Options)]
        internal MethodCall? BindConstructorCall(SyntaxNode syntax, IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            var model = _search.Model(syntax.SyntaxTree);
            switch (model.GetOperation(syntax, cancellationToken))
            {
                case IObjectCreationOperation { Constructor: { } target } creation when SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, constructor):
                    return new MethodCall(creation, creation.Arguments);
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, constructor):
                    return new MethodCall(invocation, invocation.Arguments);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether a target-typed <c>new(…)</c> could call <paramref name="constructor"/>, judged from syntax alone: not
        /// for an abstract type, not with an argument count the constructor cannot take, and not where the declared type
        /// is written out with another name (<c>List&lt;int&gt; items = new();</c>). A large code base has hundreds of
        /// these; only the ones that may call the constructor count against the bound.
        /// </summary>
        private static bool TargetTypedMayCall(ImplicitObjectCreationExpressionSyntax creation, INamedTypeSymbol type, IMethodSymbol constructor)
        {
            if (type.IsAbstract)
            {
                return false;
            }

            var arguments = creation.ArgumentList.Arguments.Count;
            var required = 0;
            var hasParams = false;
            foreach (var parameter in constructor.Parameters)
            {
                hasParams |= parameter.IsParams;
                if (!parameter.IsOptional && !parameter.IsParams)
                {
                    required++;
                }
            }

            if (arguments < required || (!hasParams && arguments > constructor.Parameters.Length))
            {
                return false;
            }

            TypeSyntax? declared = creation.Parent is EqualsValueClauseSyntax equals
                ? equals.Parent switch
                {
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                    PropertyDeclarationSyntax property => property.Type,
                    _ => null,
                }
                : null;
            if (declared is NullableTypeSyntax nullable)
            {
                declared = nullable.ElementType;
            }

            return declared is null || declared.IsVar || SimpleName(declared) is not { } name || name == type.Name;
        }

        private static string? SimpleName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The <c>: base(…)</c> or <c>: this(…)</c> initializers of the constructors declared in <paramref name="declaration"/>.</summary>
        private static void AddInitializers(TypeDeclarationSyntax declaration, string keyword, List<SyntaxNode> initializers)
        {
            foreach (var member in declaration.Members)
            {
                if (member is ConstructorDeclarationSyntax { Initializer: { } initializer } && initializer.ThisOrBaseKeyword.ValueText == keyword)
                {
                    initializers.Add(initializer);
                }
            }
        }

        /// <summary>
        /// The target-typed <c>new(…)</c> of the compilation, found once per compilation on the first constructor question
        /// by searching the source text for <c>new</c> followed by <c>(</c>; no tree is walked node by node.
        /// </summary>
        private List<ImplicitObjectCreationExpressionSyntax> TargetTypedCreations(CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _targetTyped);
            if (known is not null)
            {
                return known;
            }

            var found = new List<ImplicitObjectCreationExpressionSyntax>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                SyntaxNode? root = null;
                for (var index = text.IndexOf("new", StringComparison.Ordinal); index >= 0; index = text.IndexOf("new", index + 3, StringComparison.Ordinal))
                {
                    if (!IsCreationKeywordAt(text, index))
                    {
                        continue;
                    }

                    root ??= tree.GetRoot(cancellationToken);
                    var token = root.FindToken(index);
                    if (token.IsKind(SyntaxKind.NewKeyword) && token.SpanStart == index && token.Parent is ImplicitObjectCreationExpressionSyntax creation)
                    {
                        found.Add(creation);
                    }
                }
            }

            return Interlocked.CompareExchange(ref _targetTyped, found, null) ?? found;
        }

        private List<ImplicitObjectCreationExpressionSyntax>? _targetTyped;

        /// <summary><c>new</c> as a word at <paramref name="index"/>, followed (after white space) by <c>(</c>.</summary>
        private static bool IsCreationKeywordAt(string text, int index)
        {
            if (index > 0 && (char.IsLetterOrDigit(text[index - 1]) || text[index - 1] is '_' or '@'))
            {
                return false;
            }

            var next = index + 3;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            return next < text.Length && text[next] == '(';
        }
    }

    /// <summary>The calls of one method, or the mark that it has too many to follow.</summary>
    internal sealed class CallSiteList
    {
        public static readonly CallSiteList None = new CallSiteList(ImmutableArray<MethodCall>.Empty);

        public static readonly CallSiteList TooMany = new CallSiteList(ImmutableArray<MethodCall>.Empty) { IsTooMany = true };

        public CallSiteList(ImmutableArray<MethodCall> calls) => Calls = calls;

        public ImmutableArray<MethodCall> Calls { get; }

        public bool IsTooMany { get; private set; }
    }

    /// <summary>
    /// The places that may call one constructor (creations and initializers found by name), each bound on first need to the
    /// call it makes, or the mark that there are too many.
    /// </summary>
    internal sealed class ConstructorCallList
    {
        public static readonly ConstructorCallList TooMany = new ConstructorCallList(null, ImmutableArray<SyntaxNode>.Empty, null) { IsTooMany = true };

        private static readonly object NotACall = new object();

        private readonly IMethodSymbol? _constructor;
        private readonly SqlCallSites? _sites;

        /// <summary>Per candidate: null until bound, then <see cref="NotACall"/> or the boxed <see cref="MethodCall"/>.</summary>
        private readonly object?[] _calls;

        public ConstructorCallList(IMethodSymbol? constructor, ImmutableArray<SyntaxNode> candidates, SqlCallSites? sites)
        {
            _constructor = constructor;
            _sites = sites;
            Candidates = candidates;
            _calls = new object?[candidates.Length];
        }

        /// <summary>The creations and initializers that may call the constructor (a namesake type's too, until bound).</summary>
        public ImmutableArray<SyntaxNode> Candidates { get; }

        public bool IsTooMany { get; private set; }

        /// <summary>The call candidate <paramref name="index"/> makes of the constructor, bound once; null when it calls something else.</summary>
        [MethodImpl(HotPath.Options)]
        public MethodCall? CallAt(int index, CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _calls[index]);
            if (known is null)
            {
                known = _sites!.BindConstructorCall(Candidates[index], _constructor!, cancellationToken) is { } call ? call : NotACall;
                Volatile.Write(ref _calls[index], known);
            }

            return ReferenceEquals(known, NotACall) ? null : (MethodCall)known;
        }

        /// <summary>
        /// Syntax only: candidate <paramref name="index"/> writes no argument for <paramref name="parameter"/> (fewer positional
        /// arguments than its position, none named after it), so if it calls the constructor it leaves the parameter at its
        /// default. A positional argument after a named one is answered no (bound instead).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public bool LeavesAtDefault(int index, IParameterSymbol parameter)
        {
            var candidate = Candidates[index];
            var arguments = candidate switch
            {
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                ConstructorInitializerSyntax initializer => initializer.ArgumentList,
                _ => null,
            };
            if (arguments is null)
            {
                // new T { ... }: no argument list at all.
                return candidate is ObjectCreationExpressionSyntax;
            }

            var positional = 0;
            var named = false;
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == parameter.Name)
                    {
                        return false;
                    }

                    named = true;
                }
                else if (named)
                {
                    // A positional argument after a named one (C# 7.2) takes the named one's position: bound instead.
                    return false;
                }
                else
                {
                    positional++;
                }
            }

            return positional <= parameter.Ordinal;
        }
    }

    /// <summary>
    /// One call of a method or constructor of the compilation: the call's operation (an invocation, a creation, or, for a
    /// call that did not bind, the invalid operation) and the arguments written for the method's parameters.
    /// </summary>
    internal readonly struct MethodCall
    {
        private readonly ImmutableArray<IArgumentOperation> _bound;
        private readonly ImmutableArray<(int Ordinal, IOperation Value)> _unbound;

        public MethodCall(IOperation call, ImmutableArray<IArgumentOperation> arguments)
        {
            Call = call;
            _bound = arguments;
            _unbound = default;
        }

        public MethodCall(IOperation call, ImmutableArray<(int Ordinal, IOperation Value)> arguments)
        {
            Call = call;
            _bound = default;
            _unbound = arguments;
        }

        public IOperation Call { get; }

        /// <summary>The value written for the parameter at <paramref name="ordinal"/>; null when the call leaves it at its default.</summary>
        public IOperation? ArgumentFor(int ordinal)
        {
            if (!_unbound.IsDefault)
            {
                foreach (var (at, value) in _unbound)
                {
                    if (at == ordinal)
                    {
                        return value;
                    }
                }

                return null;
            }

            foreach (var argument in _bound)
            {
                if (argument.Parameter is { } target && target.Ordinal == ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }
}
