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
    /// invocations by invoked name and of constructor calls is made once per compilation, on the first question (one walk
    /// over the syntax trees);
    /// the calls of a method are bound on first need and cached. A method with more than <see cref="MaxCallSites"/>
    /// candidate calls is not followed: its parameters are judged inside it.
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
        private readonly object _gate = new object();
        private SyntaxIndex? _index;
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
            if (!Index(cancellationToken).ByName.TryGetValue(method.Name, out var candidates))
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

        /// <summary>
        /// The calls of a constructor of the compilation: <c>new T(…)</c>, target-typed <c>new(…)</c>, and the
        /// <c>: base(…)</c> / <c>: this(…)</c> initializers of constructors (an abstract repository base is only ever called
        /// from those). Each is an <see cref="IObjectCreationOperation"/> or an <see cref="IInvocationOperation"/>; bounded
        /// like <see cref="CallsOf"/>.
        /// </summary>
        public ConstructorCallList ConstructorCallsOf(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            constructor = constructor.OriginalDefinition;
            return _constructorCalls.GetOrAdd(constructor, c => FindConstructorCalls(c, cancellationToken));
        }

        /// <summary>Memo of <see cref="SqlTextEvaluator"/>'s "every call of this constructor passes trusted text" per parameter.</summary>
        public ConcurrentDictionary<IParameterSymbol, bool> TrustedConstructorParameters { get; } =
            new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, ConstructorCallList> _constructorCalls =
            new ConcurrentDictionary<IMethodSymbol, ConstructorCallList>(SymbolEqualityComparer.Default);

        private ConstructorCallList FindConstructorCalls(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            if (constructor.ContainingType is not { } type)
            {
                return ConstructorCallList.TooMany;
            }

            var index = Index(cancellationToken);
            var candidates = new List<SyntaxNode>();
            if (index.Creations.TryGetValue(type.Name, out var named))
            {
                candidates.AddRange(named);
            }

            foreach (var targetTyped in index.TargetTyped)
            {
                if (TargetTypedMayCall(targetTyped, type, constructor))
                {
                    candidates.Add(targetTyped);
                }
            }
            foreach (var initializer in index.Initializers)
            {
                // : this(…) in the type itself, : base(…) in a type whose base list starts with the type's name.
                if (initializer.Parent?.Parent is TypeDeclarationSyntax declaring &&
                    (initializer.ThisOrBaseKeyword.ValueText == "this"
                        ? declaring.Identifier.ValueText == type.Name
                        : declaring.BaseList is { Types.Count: > 0 } baseList && SimpleName(baseList.Types[0].Type) == type.Name))
                {
                    candidates.Add(initializer);
                }
            }

            if (candidates.Count > MaxConstructorCallSites)
            {
                return ConstructorCallList.TooMany;
            }

            var result = ImmutableArray.CreateBuilder<(IOperation Call, ImmutableArray<IArgumentOperation> Arguments)>();
            foreach (var syntax in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = _models.GetOrAdd(syntax.SyntaxTree, Model);
                switch (model.GetOperation(syntax, cancellationToken))
                {
                    case IObjectCreationOperation { Constructor: { } target } creation when SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, constructor):
                        result.Add((creation, creation.Arguments));
                        break;
                    case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, constructor):
                        result.Add((invocation, invocation.Arguments));
                        break;
                }
            }

            return new ConstructorCallList(result.ToImmutable());
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

        /// <summary>What one walk over the compilation's syntax trees collects: invocations by invoked name, and constructor calls.</summary>
        private sealed class SyntaxIndex
        {
            public Dictionary<string, List<InvocationExpressionSyntax>> ByName { get; } = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);

            public Dictionary<string, List<SyntaxNode>> Creations { get; } = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);

            public List<ImplicitObjectCreationExpressionSyntax> TargetTyped { get; } = new List<ImplicitObjectCreationExpressionSyntax>();

            public List<ConstructorInitializerSyntax> Initializers { get; } = new List<ConstructorInitializerSyntax>();
        }

#pragma warning disable RS1030 // The trees of call sites are read once per compilation and their models cached.
        private SemanticModel Model(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        private SyntaxIndex Index(CancellationToken cancellationToken)
        {
            var index = Volatile.Read(ref _index);
            if (index is not null)
            {
                return index;
            }

            lock (_gate)
            {
                if (_index is null)
                {
                    var built = new SyntaxIndex();
                    foreach (var tree in _compilation.SyntaxTrees)
                    {
                        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                        {
                            switch (node)
                            {
                                case InvocationExpressionSyntax invocation when Infrastructure.SyntaxNames.InvokedName(invocation.Expression) is { } name:
                                    Add(built.ByName, name, invocation);
                                    break;
                                case ObjectCreationExpressionSyntax creation when SimpleName(creation.Type) is { } typeName:
                                    Add(built.Creations, typeName, (SyntaxNode)creation);
                                    break;
                                case ImplicitObjectCreationExpressionSyntax targetTyped:
                                    built.TargetTyped.Add(targetTyped);
                                    break;
                                case ConstructorInitializerSyntax initializer:
                                    built.Initializers.Add(initializer);
                                    break;
                            }
                        }
                    }

                    Volatile.Write(ref _index, built);
                }

                return _index!;
            }
        }

        private static void Add<T>(Dictionary<string, List<T>> index, string key, T node)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<T>();
            }

            list.Add(node);
        }

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

    /// <summary>The calls of one constructor (creations and initializers, with their arguments), or the mark that it has too many.</summary>
    internal sealed class ConstructorCallList
    {
        public static readonly ConstructorCallList TooMany = new ConstructorCallList(ImmutableArray<(IOperation, ImmutableArray<IArgumentOperation>)>.Empty) { IsTooMany = true };

        public ConstructorCallList(ImmutableArray<(IOperation Call, ImmutableArray<IArgumentOperation> Arguments)> calls) => Calls = calls;

        public ImmutableArray<(IOperation Call, ImmutableArray<IArgumentOperation> Arguments)> Calls { get; }

        public bool IsTooMany { get; private set; }
    }
}
