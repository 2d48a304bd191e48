using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// The facts of the whole compilation that an endpoint, a controller or a page is judged against: the app's global decisions
    /// (fallback policy, global authorization filter, MapControllers()/MapRazorPages() conventions, Razor Pages conventions,
    /// whether host code is present), the call sites of endpoint modules, the values of builder fields, the return values of
    /// builder helpers and the classes derived from a class. Each is computed on the first question, once per compilation
    /// (thread-safe), from a text search of the sources (<see cref="SourceSearch"/>) and the bodies of the methods involved.
    /// </summary>
    internal sealed class CompilationFacts
    {
        /// <summary>The most places bound for one question (the calls of a module, the uses of a field); beyond it: unknown.</summary>
        public const int MaxPlaces = 256;

        /// <summary>The most classes followed down from one base class when its inherited actions are judged.</summary>
        public const int MaxDerived = 512;

        /// <summary>Base classes whose derived classes are found by a text search each; past that, one index of every base list.</summary>
        private const int MaxDerivedSearches = 8;

        /// <summary>The names of the calls and members that make a global decision (page conventions and host calls apart).</summary>
        internal static readonly string[] DecisionNames = AspNetNames.ControllerMappings
            .Concat(new[] { AspNetNames.FallbackPolicy, AspNetNames.SetFallbackPolicy, "Filters", AspNetNames.MapRazorPages })
            .ToArray();

        /// <summary>
        /// Text the sources are searched for to find <see cref="DecisionNames"/>: each name contains one of them. A few whole-text
        /// searches (vectorised by the runtime) instead of a word-by-word pass over every character of the compilation.
        /// </summary>
        internal static readonly string[] DecisionAnchors = { "MapControllers", "ControllerRoute", "MapRazorPages", "FallbackPolicy", "Filters" };

        /// <summary>The same for <see cref="AspNetNames.HostCalls"/>, searched only when a report needs to know whether host code is present.</summary>
        internal static readonly string[] HostAnchors =
        {
            "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder", "CreateDefaultBuilder", "ConfigureWebHost", "UseStartup", "UseEndpoints",
            "UseMvc", "UseRouting",
        };

        /// <summary>The same for <see cref="AspNetNames.PageConventions"/>, searched only when a page model is judged.</summary>
        internal static readonly string[] PageAnchors = { "AuthorizeFolder", "AuthorizePage", "AuthorizeArea", "AllowAnonymousTo" };

        private readonly Compilation _compilation;
        private readonly ChainWalker _walker;
        private readonly AttributeDecisions _attributes;
        private readonly SourceSearch _search;
        private readonly object _gate = new object();
        private GlobalFacts? _global;
        private PageFacts? _pages;
        private object? _hostCalls;
        private Dictionary<string, List<ClassDeclarationSyntax>>? _baseLists;
        private int _derivedSearches;
        private readonly ConcurrentDictionary<INamedTypeSymbol, IReadOnlyList<INamedTypeSymbol>> _derivedOf = new ConcurrentDictionary<INamedTypeSymbol, IReadOnlyList<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, CallSites> _callSites = new ConcurrentDictionary<IMethodSymbol, CallSites>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, MemberFacts> _members = new ConcurrentDictionary<ISymbol, MemberFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _methods = new ConcurrentDictionary<IMethodSymbol, MethodFacts>(SymbolEqualityComparer.Default);

        public CompilationFacts(Compilation compilation, ChainWalker walker, AttributeDecisions attributes)
        {
            _compilation = compilation;
            _walker = walker;
            _attributes = attributes;
            _search = new SourceSearch(compilation);
        }

        // ------------------------------------------------------------------ global decisions

        /// <summary>The app's global decisions, found once per compilation.</summary>
        [MethodImpl(HotPath.Options)]
        public GlobalFacts Global(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var global = Volatile.Read(ref _global);
            if (global is not null)
            {
                return global;
            }

            lock (_gate)
            {
                if (_global is null)
                {
                    Volatile.Write(ref _global, FindGlobal(options, cancellationToken));
                }

                return _global!;
            }
        }

        [MethodImpl(HotPath.Options)]
        private GlobalFacts FindGlobal(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var facts = new GlobalFacts();
            var tokens = _search.Identifiers(DecisionAnchors, name => Array.IndexOf(DecisionNames, name) >= 0, null, int.MaxValue, cancellationToken)!;
            var filterTypes = new Dictionary<string, bool>(StringComparer.Ordinal);
            var controllerMappings = new List<InvocationExpressionSyntax>();
            var pageMappings = new List<InvocationExpressionSyntax>();
            foreach (var token in tokens)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = token.ValueText;
                var model = _search.Model(token.SyntaxTree!);
                if (name == AspNetNames.FallbackPolicy)
                {
                    if (SourceSearch.MemberExpressionOf(token) is { Parent: AssignmentExpressionSyntax assignment } target && assignment.Left == target &&
                        model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation
                        {
                            Target: IPropertyReferenceOperation { Property.ContainingType.Name: "AuthorizationOptions" },
                        } fallback &&
                        !IsNull(fallback.Value))
                    {
                        facts.FallbackPolicy = true;
                    }

                    continue;
                }

                if (name == "Filters")
                {
                    // X.Filters.Add(...), X.Filters.AddService(...), X.Filters.Insert(...).
                    if (SourceSearch.MemberExpressionOf(token) is MemberAccessExpressionSyntax filters &&
                        filters.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddService" or "Insert" } add && add.Expression == filters &&
                        add.Parent is InvocationExpressionSyntax filterCall && filterCall.Expression == add &&
                        MayBeAuthorizationFilter(add.Name, filterCall, filterTypes, cancellationToken) &&
                        model.GetOperation(filterCall, cancellationToken) is IInvocationOperation filterInvocation &&
                        IsGlobalFilter(filterInvocation))
                    {
                        facts.GlobalFilter = true;
                    }

                    continue;
                }

                if (SourceSearch.InvocationOf(token) is not { } call)
                {
                    continue;
                }

                if (AspNetNames.ControllerMappings.Contains(name) || name == AspNetNames.MapRazorPages)
                {
                    // Bound later, and only when no global decision makes them moot.
                    facts.HostCode = true;
                    (name == AspNetNames.MapRazorPages ? pageMappings : controllerMappings).Add(call);
                    continue;
                }

                if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                {
                    continue;
                }

                if (name == AspNetNames.SetFallbackPolicy)
                {
                    facts.FallbackPolicy |= invocation.Arguments.Length > 0 && !IsNull(invocation.Arguments[invocation.Arguments.Length - 1].Value);
                }
            }

            facts.HostDeclared = HostDecisionDeclared(options);
            var global = facts.HostDeclared || facts.FallbackPolicy || facts.GlobalFilter;
            facts.ControllersDecided = global || AllDecided(controllerMappings, cancellationToken);
            facts.PagesDecided = global || AllDecided(pageMappings, cancellationToken);
            facts.EndpointsDecided = global;
            return facts;
        }

        private bool IsGlobalFilter(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.ContainingType?.Name != "FilterCollection" && invocation.Instance?.Type?.Name != "FilterCollection")
            {
                return false;
            }

            ITypeSymbol? filterType = null;
            if (invocation.TargetMethod.TypeArguments.Length == 1)
            {
                filterType = invocation.TargetMethod.TypeArguments[0];
            }
            else
            {
                foreach (var argument in invocation.Arguments)
                {
                    var value = ChainWalker.Unwrap(argument.Value);
                    if (value is ITypeOfOperation typeOf)
                    {
                        filterType = typeOf.TypeOperand;
                        break;
                    }

                    if (value?.Type is { } type && type.TypeKind != TypeKind.Error && argument.Parameter?.Type.SpecialType != SpecialType.System_Int32)
                    {
                        filterType = type;
                        break;
                    }
                }
            }

            return filterType is not null && _attributes.OfType(filterType).Has(Decision.Filter);
        }

        /// <summary>
        /// Whether the project holds host code (it builds or maps the web app): a controller or page mapping found with the global
        /// decisions, else a host call (CreateBuilder, UseEndpoints, UseStartup...), searched on first need, once per compilation.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public bool HostCode(GlobalFacts global, CancellationToken cancellationToken)
        {
            if (global.HostCode)
            {
                return true;
            }

            var known = Volatile.Read(ref _hostCalls);
            if (known is null)
            {
                lock (_gate)
                {
                    if (_hostCalls is null)
                    {
                        var found = false;
                        var tokens = _search.Identifiers(HostAnchors, name => AspNetNames.HostCalls.Contains(name), null, int.MaxValue, cancellationToken)!;
                        foreach (var token in tokens)
                        {
                            // Host code is recognised by the call's name alone (CreateBuilder, UseEndpoints, UseStartup...): binding the
                            // host's largest methods to confirm it would cost more than the message suffix it decides is worth.
                            if (SourceSearch.InvocationOf(token) is not null)
                            {
                                found = true;
                                break;
                            }
                        }

                        Volatile.Write(ref _hostCalls, found ? (object)true : false);
                    }

                    known = _hostCalls!;
                }
            }

            return (bool)known;
        }

        /// <summary>The app's Razor Pages conventions (AuthorizeFolder, AllowAnonymousToPage...), found on first need, once per compilation.</summary>
        public PageFacts Pages(CancellationToken cancellationToken)
        {
            var pages = Volatile.Read(ref _pages);
            if (pages is not null)
            {
                return pages;
            }

            lock (_gate)
            {
                if (_pages is null)
                {
                    var found = new PageFacts();
                    var tokens = _search.Identifiers(PageAnchors, name => AspNetNames.PageConventions.Contains(name), null, int.MaxValue, cancellationToken)!;
                    foreach (var token in tokens)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (SourceSearch.InvocationOf(token) is { } call &&
                            _search.Model(call.SyntaxTree).GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                        {
                            AddPageConvention(found, invocation);
                        }
                    }

                    Volatile.Write(ref _pages, found);
                }

                return _pages!;
            }
        }

        private static void AddPageConvention(PageFacts facts, IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            string? area = null;
            string? path = null;
            var known = true;
            foreach (var argument in invocation.Arguments)
            {
                var parameterName = argument.Parameter?.Name;
                if (parameterName is not ("areaName" or "folderPath" or "pageName"))
                {
                    continue;
                }

                if (argument.Value.ConstantValue is { HasValue: true, Value: string text })
                {
                    if (parameterName == "areaName")
                    {
                        area = text;
                    }
                    else
                    {
                        path = text;
                    }
                }
                else
                {
                    known = false;
                }
            }

            if (!known || path is null)
            {
                facts.UnknownPageConvention = true;
                return;
            }

            var decision = name.StartsWith("Authorize", StringComparison.Ordinal) ? Decision.Authorize : Decision.Anonymous;
            facts.PageConventions.Add(new PageConvention(decision, name.EndsWith("Folder", StringComparison.Ordinal), area, path));
        }

        private bool HostDecisionDeclared(AnalyzerOptions options)
        {
            var value = RuleOptions.ForCompilation(options, _compilation, DiagnosticIds.ControllerActionWithoutAuthorization).GetString(AuthorizationAnalyzer.GlobalDecisionOption);
            if (value is not null && value.Trim().ToLowerInvariant() is "fallback_policy" or "authorize_filter")
            {
                return true;
            }

            foreach (var attribute in _compilation.Assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == AuthorizationAnalyzer.HostAuthorizationAttributeName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// MapControllers()/MapRazorPages() calls exist and each is followed (or its group is) by a decision. Stops at the first
        /// undecided call; a call on the parameter of a <c>UseEndpoints</c> lambda with nothing chained is undecided without binding.
        /// </summary>
        private bool AllDecided(List<InvocationExpressionSyntax> calls, CancellationToken cancellationToken)
        {
            var resolver = new DecisionResolver(this);
            var any = false;
            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (IsBareUseEndpointsCall(call))
                {
                    return false;
                }

                if (_search.Model(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation invocation || !IsAspNetCore(invocation.TargetMethod))
                {
                    continue;
                }

                any = true;
                if (_walker.ChainedOnResult(invocation).Has(Decision.Authorize | Decision.Anonymous))
                {
                    continue;
                }

                foreach (var outcome in resolver.Resolve(_walker.Summarize(ChainWalker.Receiver(invocation))))
                {
                    if (!outcome.Has(Decision.Authorize | Decision.Anonymous))
                    {
                        return false;
                    }
                }
            }

            return any;
        }

        /// <summary><c>endpoints.MapControllers();</c> inside <c>app.UseEndpoints(endpoints => { ... })</c>: the host's own builder, nothing chained.</summary>
        private static bool IsBareUseEndpointsCall(InvocationExpressionSyntax call)
        {
            if (call.Parent is not ExpressionStatementSyntax || call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver })
            {
                return false;
            }

            for (SyntaxNode? node = call.Parent; node is not null; node = node.Parent)
            {
                if (node is LambdaExpressionSyntax lambda)
                {
                    var parameter = lambda switch
                    {
                        SimpleLambdaExpressionSyntax simple => simple.Parameter,
                        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
                        _ => null,
                    };
                    return parameter?.Identifier.ValueText == receiver.Identifier.ValueText &&
                        lambda.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax useEndpoints } &&
                        Infrastructure.SyntaxNames.InvokedName(useEndpoints.Expression) == "UseEndpoints";
                }

                if (node is MemberDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Syntax and declarations only, before the call is bound: the filter added is MVC's <c>AuthorizeFilter</c>, a type of this
        /// compilation that is an authorization filter, or not named in the call (a variable, <c>new(...)</c>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool MayBeAuthorizationFilter(SimpleNameSyntax method, InvocationExpressionSyntax call, Dictionary<string, bool> byName, CancellationToken cancellationToken)
        {
            TypeSyntax? filterType = null;
            if (method is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic)
            {
                filterType = generic.TypeArgumentList.Arguments[0];
            }
            else
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    switch (argument.Expression)
                    {
                        case ObjectCreationExpressionSyntax creation:
                            filterType = creation.Type;
                            break;
                        case TypeOfExpressionSyntax typeOf:
                            filterType = typeOf.Type;
                            break;
                        case LiteralExpressionSyntax:
                            continue;
                        default:
                            return true;
                    }

                    break;
                }
            }

            if (filterType is null || SimpleName(filterType) is not { } name)
            {
                return true;
            }

            if (name == "AuthorizeFilter")
            {
                return true;
            }

            // Each host's Startup adds the same filters: one declaration lookup per name.
            if (!byName.TryGetValue(name, out var mayBe))
            {
                foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken))
                {
                    if (symbol is ITypeSymbol type && _attributes.OfType(type).Has(Decision.Filter))
                    {
                        mayBe = true;
                        break;
                    }
                }

                byName[name] = mayBe;
            }

            return mayBe;
        }

        // ------------------------------------------------------------------ derived classes

        /// <summary>
        /// The classes of the compilation whose base class is <paramref name="type"/> (its original definition), found through the
        /// base lists of the class declarations that name it.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public IReadOnlyList<INamedTypeSymbol> DirectlyDerived(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (_derivedOf.TryGetValue(type, out var known))
            {
                return known;
            }

            var found = new List<INamedTypeSymbol>();
            var candidates = Interlocked.Increment(ref _derivedSearches) <= MaxDerivedSearches && Volatile.Read(ref _baseLists) is null
                ? DeclarationsDerivingFrom(type.Name, cancellationToken)
                : BaseListIndex(cancellationToken).TryGetValue(type.Name, out var indexed) ? indexed : null;
            if (candidates is not null)
            {
                foreach (var declaration in candidates)
                {
                    if (_search.Model(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol derived &&
                        SymbolEqualityComparer.Default.Equals(derived.BaseType?.OriginalDefinition, type) &&
                        !found.Contains(derived, SymbolEqualityComparer.Default))
                    {
                        found.Add(derived);
                    }
                }
            }

            return _derivedOf.GetOrAdd(type, found);
        }

        /// <summary>
        /// The class declarations whose base list starts with a type of simple name <paramref name="name"/>, found by a text search
        /// for the name (one vectorised pass over the sources) instead of an index of every class declaration of the compilation.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private List<ClassDeclarationSyntax> DeclarationsDerivingFrom(string name, CancellationToken cancellationToken)
        {
            var declarations = new List<ClassDeclarationSyntax>();
            foreach (var token in _search.IdentifiersNamed(new[] { name }, null, int.MaxValue, cancellationToken)!)
            {
                if (token.Parent is not SimpleNameSyntax simpleName)
                {
                    continue;
                }

                TypeSyntax type = simpleName;
                if (type.Parent is QualifiedNameSyntax qualified && qualified.Right == type)
                {
                    type = qualified;
                }
                else if (type.Parent is AliasQualifiedNameSyntax aliased && aliased.Name == type)
                {
                    type = aliased;
                }

                if (type.Parent is SimpleBaseTypeSyntax { Parent: BaseListSyntax { Parent: ClassDeclarationSyntax declaration } baseList } baseType &&
                    baseList.Types[0] == baseType)
                {
                    declarations.Add(declaration);
                }
            }

            return declarations;
        }

        /// <summary>Class declarations by the simple name of the first type in their base list; type declarations only, no member body is read.</summary>
        private Dictionary<string, List<ClassDeclarationSyntax>> BaseListIndex(CancellationToken cancellationToken)
        {
            var index = Volatile.Read(ref _baseLists);
            if (index is not null)
            {
                return index;
            }

            lock (_gate)
            {
                if (_baseLists is null)
                {
                    var built = new Dictionary<string, List<ClassDeclarationSyntax>>(StringComparer.Ordinal);
                    foreach (var tree in _compilation.SyntaxTrees)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        CollectBaseLists(tree.GetRoot(cancellationToken), built);
                    }

                    Volatile.Write(ref _baseLists, built);
                   
                }

                return _baseLists!;
            }
        }

        private static void CollectBaseLists(SyntaxNode container, Dictionary<string, List<ClassDeclarationSyntax>> index)
        {
            foreach (var child in container.ChildNodes())
            {
                switch (child)
                {
                    case BaseNamespaceDeclarationSyntax:
                        CollectBaseLists(child, index);
                        break;
                    case ClassDeclarationSyntax declaration:
                        if (declaration.BaseList is { Types.Count: > 0 } baseList && SimpleName(baseList.Types[0].Type) is { } name)
                        {
                            if (!index.TryGetValue(name, out var list))
                            {
                                index[name] = list = new List<ClassDeclarationSyntax>();
                            }

                            list.Add(declaration);
                        }

                        CollectBaseLists(declaration, index);
                        break;
                    case TypeDeclarationSyntax nested:
                        CollectBaseLists(nested, index);
                        break;
                }
            }
        }

        private static string? SimpleName(TypeSyntax type) =>
            type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };

        // ------------------------------------------------------------------ builder facts (read by DecisionResolver)

        /// <summary>What the call sites of a module pass for <paramref name="parameter"/>; null when they are too many to follow.</summary>
        [MethodImpl(HotPath.Options)]
        public IReadOnlyList<BuilderChain>? CallSitesOf(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return Array.Empty<BuilderChain>();
            }

            var definition = method.OriginalDefinition;
            var sites = _callSites.TryGetValue(definition, out var known) ? known : _callSites.GetOrAdd(definition, FindCallSites(definition));
            return sites.TooMany ? null : sites.Of(parameter.Ordinal);
        }

        [MethodImpl(HotPath.Options)]
        private CallSites FindCallSites(IMethodSymbol method)
        {
            var result = new CallSites();
            var name = method.Name;
            var tokens = _search.IdentifiersNamed(new[] { name }, null, MaxPlaces, CancellationToken.None);
            if (tokens is null)
            {
                result.TooMany = true;
                return result;
            }

            foreach (var token in tokens)
            {
                if (SourceSearch.InvocationOf(token) is not { } call ||
                    _search.Model(call.SyntaxTree).GetOperation(call) is not IInvocationOperation invocation ||
                    !SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, method))
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    var parameter = argument.Parameter;
                    if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || !MayBeBuilder(parameter.Type) || !AspNetNames.IsRouteBuilder(parameter.Type))
                    {
                        continue;
                    }

                    result.Add(parameter.Ordinal, _walker.Summarize(argument.Value));
                }
            }

            return result;
        }

        /// <summary>The values assigned to a builder field or property of the app (declaration initializer included).</summary>
        public IReadOnlyList<BuilderChain> ValuesOf(ISymbol member) => MemberOf(member).Values;

        /// <summary>The convention calls made on a builder field or property (<c>_group.RequireAuthorization()</c>).</summary>
        public Decision DecisionOf(ISymbol member) => MemberOf(member).Decision;

        private MemberFacts MemberOf(ISymbol member)
        {
            var definition = member.OriginalDefinition;
            return _members.TryGetValue(definition, out var known) ? known : _members.GetOrAdd(definition, FindMember(definition));
        }

        private MemberFacts FindMember(ISymbol member)
        {
            var facts = new MemberFacts();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var model = _search.Model(syntax.SyntaxTree);
                switch (syntax)
                {
                    case VariableDeclaratorSyntax { Initializer: { } initializer } when model.GetOperation(initializer) is IFieldInitializerOperation fieldInitializer:
                        facts.Values.Add(_walker.Summarize(fieldInitializer.Value));
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer } when model.GetOperation(initializer) is IPropertyInitializerOperation propertyInitializer:
                        facts.Values.Add(_walker.Summarize(propertyInitializer.Value));
                        break;
                }
            }

            // A private member is used only in its type's declarations.
            IEnumerable<SyntaxTree>? trees = null;
            if (member.DeclaredAccessibility == Accessibility.Private && member.ContainingType is { } containingType)
            {
                var declared = new List<SyntaxTree>();
                foreach (var reference in containingType.DeclaringSyntaxReferences)
                {
                    if (!declared.Contains(reference.SyntaxTree))
                    {
                        declared.Add(reference.SyntaxTree);
                    }
                }

                trees = declared;
            }

            var name = member.Name;
            var tokens = _search.IdentifiersNamed(new[] { name }, trees, MaxPlaces, CancellationToken.None);
            if (tokens is null)
            {
                facts.Values.Add(BuilderChain.Unknown);
                return facts;
            }

            foreach (var token in tokens)
            {
                if (SourceSearch.MemberExpressionOf(token) is not { } expression)
                {
                    continue;
                }

                var model = _search.Model(expression.SyntaxTree);
                if (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression)
                {
                    if (model.GetOperation(assignment) is ISimpleAssignmentOperation simple && IsMember(simple.Target, member))
                    {
                        facts.Values.Add(_walker.Summarize(simple.Value));
                    }
                }
                else if (expression.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: AspNetNames.RequireAuthorization or AspNetNames.AllowAnonymous } access &&
                    access.Expression == expression && access.Parent is InvocationExpressionSyntax call && call.Expression == access &&
                    model.GetOperation(call) is IInvocationOperation invocation && IsMember(ChainWalker.Receiver(invocation), member))
                {
                    facts.Decision |= _walker.ConventionDecision(invocation);
                }
            }

            return facts;
        }

        private static bool IsMember(IOperation? operation, ISymbol member) =>
            ChainWalker.Unwrap(operation) switch
            {
                IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, member),
                IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, member),
                _ => false,
            };

        /// <summary>The builders a helper of the app returns; empty when its body is not in source.</summary>
        public IReadOnlyList<BuilderChain> ReturnsOf(IMethodSymbol method) => MethodOf(method).Returns;

        /// <summary>The convention calls a helper makes on a builder parameter (<c>builder.RequireAuthorization("Admin")</c>).</summary>
        public Decision DecisionOf(IParameterSymbol parameter) =>
            parameter.ContainingSymbol is IMethodSymbol method && MethodOf(method).Decisions.TryGetValue(parameter.Ordinal, out var decision) ? decision : Decision.None;

        private MethodFacts MethodOf(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            return _methods.TryGetValue(definition, out var known) ? known : _methods.GetOrAdd(definition, FindMethod(definition));
        }

        private MethodFacts FindMethod(IMethodSymbol method)
        {
            var facts = new MethodFacts();
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (_search.Model(syntax.SyntaxTree).GetOperation(syntax) is not { } body)
                {
                    continue;
                }

                foreach (var operation in body.Descendants())
                {
                    switch (operation)
                    {
                        case IReturnOperation { ReturnedValue: { } value } when MayBeBuilder(value.Type) && BelongsTo(operation, body):
                            facts.Returns.Add(_walker.Summarize(value));
                            break;
                        case IInvocationOperation { TargetMethod.Name: AspNetNames.RequireAuthorization or AspNetNames.AllowAnonymous } invocation
                            when ChainWalker.Unwrap(ChainWalker.Receiver(invocation)) is IParameterReferenceOperation parameter &&
                                 SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method):
                            var ordinal = parameter.Parameter.Ordinal;
                            facts.Decisions[ordinal] = (facts.Decisions.TryGetValue(ordinal, out var existing) ? existing : Decision.None) | _walker.ConventionDecision(invocation);
                            break;
                    }
                }
            }

            return facts;
        }

        /// <summary>A return of the method itself, not of a lambda or local function inside it.</summary>
        private static bool BelongsTo(IOperation operation, IOperation body)
        {
            for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return true;
        }

        // ------------------------------------------------------------------ helpers

        public static bool IsAspNetCore(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace;
            while (ns is not null && !ns.IsGlobalNamespace && ns.ContainingNamespace is { IsGlobalNamespace: false })
            {
                if (ns.Name == "AspNetCore" && ns.ContainingNamespace.Name == "Microsoft" && ns.ContainingNamespace.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return true;
                }

                ns = ns.ContainingNamespace;
            }

            return false;
        }

        private static bool IsNull(IOperation value) =>
            ChainWalker.Unwrap(value) is { ConstantValue: { HasValue: true, Value: null } };

        /// <summary>Cheap name test before the interface walk: the builder types of ASP.NET Core and the app's own.</summary>
        public static bool MayBeBuilder(ITypeSymbol? type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Interface or TypeKind.Class } named &&
            (named.Name.EndsWith("Builder", StringComparison.Ordinal) || named.Name == "WebApplication") &&
            ChainWalker.IsBuilderLike(named);

        internal sealed class GlobalFacts
        {
            public bool FallbackPolicy { get; set; }

            public bool GlobalFilter { get; set; }

            /// <summary>The project maps controllers or pages (it is the host); other host calls: <see cref="CompilationFacts.HostCode"/>.</summary>
            public bool HostCode { get; set; }

            /// <summary>The user declared the host's decision (option or assembly attribute).</summary>
            public bool HostDeclared { get; set; }

            public bool ControllersDecided { get; set; }

            public bool PagesDecided { get; set; }

            public bool EndpointsDecided { get; set; }
        }

        internal sealed class PageFacts
        {
            public bool UnknownPageConvention { get; set; }

            public List<PageConvention> PageConventions { get; } = new List<PageConvention>();
        }

        private sealed class CallSites
        {
            private readonly Dictionary<int, List<BuilderChain>> _byOrdinal = new Dictionary<int, List<BuilderChain>>();

            public bool TooMany { get; set; }

            public void Add(int ordinal, BuilderChain chain)
            {
                if (!_byOrdinal.TryGetValue(ordinal, out var list))
                {
                    _byOrdinal[ordinal] = list = new List<BuilderChain>();
                }

                list.Add(chain);
            }

            public IReadOnlyList<BuilderChain> Of(int ordinal) =>
                _byOrdinal.TryGetValue(ordinal, out var list) ? list : (IReadOnlyList<BuilderChain>)Array.Empty<BuilderChain>();
        }

        private sealed class MemberFacts
        {
            public List<BuilderChain> Values { get; } = new List<BuilderChain>();

            public Decision Decision { get; set; }
        }

        private sealed class MethodFacts
        {
            public List<BuilderChain> Returns { get; } = new List<BuilderChain>();

            public Dictionary<int, Decision> Decisions { get; } = new Dictionary<int, Decision>();
        }
    }
}
