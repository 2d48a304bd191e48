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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// PA5001–PA5004: controllers, minimal API endpoints (hubs and gRPC services included) and Razor Pages without an
    /// authorization decision, and <c>[Authorize]</c> cancelled by an <c>[AllowAnonymous]</c> farther out. Controllers and pages
    /// are sorted in a named-type symbol-start action and judged and reported in the symbol-end action it registers for a
    /// controller, a page or a base class of controllers only (a controller's actions there, after the compiler has bound
    /// their attributes), endpoints at their <c>Map*</c> call (found by a text search of each file's semantic model action,
    /// bound only when named like a mapping). The app-wide facts they are judged against (fallback policy, global
    /// filter, MapControllers() conventions, page conventions, module call sites, builder fields and helpers, derived classes)
    /// are gathered on first need, once per compilation, by <see cref="CompilationFacts"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AuthorizationAnalyzer : ProductionAnalyzer
    {
        /// <summary><c>dotnet_code_quality.PA5001.global_decision = fallback_policy</c>: the host (another project) sets one.</summary>
        internal const string GlobalDecisionOption = "global_decision";

        /// <summary>An assembly-level attribute of this name, declared by the user (the package ships no library), says the same.</summary>
        internal const string HostAuthorizationAttributeName = "HostAuthorizationAttribute";

        private const string HostNotVisible =
            "; no host code is in this project, so the host's global decision is not visible: if the host sets a fallback policy, declare it " +
            "with 'dotnet_code_quality.PA5001.global_decision = fallback_policy' or [assembly: HostAuthorization]";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ControllerActionWithoutAuthorization,
            Descriptors.EndpointWithoutAuthorization,
            Descriptors.RazorPageWithoutAuthorization,
            Descriptors.AuthorizationOverriddenByAllowAnonymous);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;

            // No ASP.NET Core reference (a worker, a console tool, a plain library): nothing to do. Reference names only, no binding.
            if (!ReferencesAspNetCore(compilation))
            {
                return;
            }

            var state = PerCompilation(() =>
            {
                var types = WellKnownTypes.Get(compilation);
                var controllerBase = types.Type("Microsoft.AspNetCore.Mvc.ControllerBase");
                var pageModel = types.Type("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
                var routeBuilder = types.Type("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
                return controllerBase is null && pageModel is null && routeBuilder is null
                    ? null
                    : new State(compilation, controllerBase, pageModel);
            });

            // One callback per class, and a second one (its symbol-end action) only for a controller, a page or a base class of
            // controllers, not one per method of the compilation. The driver raises a type's end action after every member's
            // symbol event, that is once the compiler has bound the members' attributes: judging an action reads attributes the
            // compiler has already bound instead of binding them ahead of it.
            context.RegisterSymbolStartAction([MethodImpl(HotPath.Options)] (c) => state.Value?.OnTypeStart(c), SymbolKind.NamedType);
            // Endpoints: one callback per file, not one per invocation of the compilation. A text search of the file for "Map" finds
            // the few calls named like an endpoint mapping; only those are bound (with the model the compiler has already bound).
            context.RegisterSemanticModelAction(c =>
            {
                List<InvocationExpressionSyntax>? calls = null;
                foreach (var call in EndpointCalls(c.SemanticModel.SyntaxTree, c.CancellationToken))
                {
                    (calls ??= new List<InvocationExpressionSyntax>()).Add(call);
                }

                if (calls is not null && state.Value is { } value)
                {
                    foreach (var call in calls)
                    {
                        value.OnEndpoint(c.SemanticModel, call, c.Options, c.ReportDiagnostic, c.CancellationToken);
                    }
                }
            });
        }

        /// <summary>
        /// The calls of a file that may map an endpoint (<see cref="MayBeEndpoint"/>), found by a text search for "Map" and a look
        /// at the token found; no walk of the syntax tree.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        internal static List<InvocationExpressionSyntax> EndpointCalls(SyntaxTree tree, CancellationToken cancellationToken)
        {
            // A list, not an iterator: an iterator's loop runs in a compiler-generated method that cannot be marked hot.
            var calls = new List<InvocationExpressionSyntax>();
            const string anchor = "Map";
            var text = tree.GetText(cancellationToken).ToString();
            SyntaxNode? root = null;
            for (var index = text.IndexOf(anchor, StringComparison.Ordinal); index >= 0; index = text.IndexOf(anchor, index + anchor.Length, StringComparison.Ordinal))
            {
                // An identifier starts with the anchor (MapGet, not AutoMapper): the character before it cannot continue a name.
                if (index > 0 && (char.IsLetterOrDigit(text[index - 1]) || text[index - 1] == '_'))
                {
                    continue;
                }

                root ??= tree.GetRoot(cancellationToken);
                var token = root.FindToken(index);
                if (!token.IsKind(SyntaxKind.IdentifierToken) ||
                    !(token.SpanStart == index || (token.SpanStart == index - 1 && token.Text.Length > 0 && token.Text[0] == '@')) ||
                    !AspNetNames.EndpointMethods.Contains(token.ValueText) ||
                    token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

                SyntaxNode callee = name.Parent switch
                {
                    MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
                    MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
                    _ => name,
                };
                if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee && MayBeEndpoint(invocation))
                {
                    calls.Add(invocation);
                }
            }

            return calls;
        }

        /// <summary>
        /// Syntax only: a call named like an endpoint mapping, on a receiver (<c>x.MapGet(...)</c>), with the arguments the mapping
        /// methods take (pattern and handler; MapHub&lt;T&gt;(pattern); MapGrpcService&lt;T&gt;()). Mapper calls such as
        /// <c>_mapper.Map&lt;OrderDto&gt;(order)</c> are never bound.
        /// </summary>
        private static bool MayBeEndpoint(InvocationExpressionSyntax invocation)
        {
            SimpleNameSyntax name;
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    name = memberAccess.Name;
                    break;
                case MemberBindingExpressionSyntax memberBinding:
                    name = memberBinding.Name;
                    break;
                default:
                    return false;
            }

            var method = name.Identifier.ValueText;
            if (!AspNetNames.EndpointMethods.Contains(method))
            {
                return false;
            }

            var arguments = invocation.ArgumentList.Arguments.Count;
            return method switch
            {
                "MapMethods" => arguments >= 3,
                "MapHub" => name is GenericNameSyntax && arguments >= 1,
                "MapGrpcService" => name is GenericNameSyntax,
                _ => arguments >= 2,
            };
        }

        private static bool ReferencesAspNetCore(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                var display = reference.Display;
                if (display is not null && display.IndexOf("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class State
        {
            private readonly INamedTypeSymbol? _controllerBase;
            private readonly INamedTypeSymbol? _pageModel;
            private readonly AttributeDecisions _attributes = new AttributeDecisions();
            private readonly ChainWalker _walker;
            private readonly CompilationFacts _facts;
            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> _types;

            public State(Compilation compilation, INamedTypeSymbol? controllerBase, INamedTypeSymbol? pageModel)
            {
                _controllerBase = controllerBase;
                _pageModel = pageModel;

                // One entry per class of the compilation: sized up front (about two classes a file) so that it is not regrown, with
                // its lock held, while the driver's threads add to it.
                _types = new ConcurrentDictionary<INamedTypeSymbol, TypeFacts>(
                    concurrencyLevel: 16, capacity: Math.Max(64, 2 * compilation.SyntaxTrees.Count()), SymbolEqualityComparer.Default);
                _walker = new ChainWalker(compilation.Assembly, _attributes);
                _facts = new CompilationFacts(compilation, _walker, _attributes);
            }

            [MethodImpl(HotPath.Options)]
            private string Suffix(CompilationFacts.GlobalFacts global, CancellationToken cancellationToken) =>
                _facts.HostCode(global, cancellationToken) ? string.Empty : HostNotVisible;

            // ------------------------------------------------------------------ controllers and pages

            /// <summary>
            /// Sorts a class: a page, a controller or a base class of controllers gets a symbol-end action, where it is judged
            /// (start actions cannot report); every other class ends here.
            /// </summary>
            [MethodImpl(HotPath.Options)]
            public void OnTypeStart(SymbolStartAnalysisContext context)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (type.TypeKind != TypeKind.Class || type.IsStatic)
                {
                    return;
                }

                var facts = FactsOf(type);
                if (facts.IsPage)
                {
                    if (!type.IsAbstract)
                    {
                        context.RegisterSymbolEndAction([MethodImpl(HotPath.Options)] (c) => OnPage(c, type));
                    }

                    return;
                }

                if (_controllerBase is null)
                {
                    return;
                }

                if (facts.IsController)
                {
                    context.RegisterSymbolEndAction([MethodImpl(HotPath.Options)] (c) => OnController(c, type, facts));
                }
                else if (ControllerFacts.MayBeBaseOfControllers(type, _controllerBase) && DeclaresPublicMethod(type))
                {
                    // A base class of controllers (abstract, generic): its actions are judged for each controller that inherits them,
                    // and reported once, at the base method.
                    context.RegisterSymbolEndAction([MethodImpl(HotPath.Options)] (c) => OnBaseOfControllers(c, type));
                }
            }

            /// <summary>
            /// A controller, after all its members' symbol events: its own verdict, then each action it declares (inherited ones
            /// are judged at their base class).
            /// </summary>
            [MethodImpl(HotPath.Options)]
            private void OnController(SymbolAnalysisContext context, INamedTypeSymbol controller, TypeFacts facts)
            {
                if (facts.OwnClass.Has(Decision.Authorize) && !facts.OwnClass.Has(Decision.Anonymous) && facts.Bases.Has(Decision.Anonymous))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.AuthorizationOverriddenByAllowAnonymous,
                        controller.Locations[0],
                        $"controller '{controller.Name}'",
                        "[AllowAnonymous] on a base class"));
                }

                // A public, non-abstract, non-generic class: OnController is registered only where ControllerFacts.IsController said so.
                foreach (var member in controller.GetMembers())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsAbstract: false, IsGenericMethod: false } method &&
                        ControllerFacts.IsAction(method))
                    {
                        Judge(context, controller, method, facts);
                    }
                }
            }

            /// <summary>What a class is (page model, controller) and the decisions of its own attributes and base classes, once per type.</summary>
            [MethodImpl(HotPath.Options)]
            private TypeFacts FactsOf(INamedTypeSymbol type) =>
                _types.TryGetValue(type, out var known) ? known : _types.GetOrAdd(type, ComputeFacts(type));

            [MethodImpl(HotPath.Options)]
            private TypeFacts ComputeFacts(INamedTypeSymbol type)
            {
                if (_pageModel is not null && TypeHierarchy.DerivesFrom(type.BaseType, _pageModel))
                {
                    return TypeFacts.Page;
                }

                return _controllerBase is not null && ControllerFacts.IsController(type)
                    ? new TypeFacts(isController: true, _attributes.OfClass(type), _attributes.OfBases(type))
                    : TypeFacts.Other;
            }

            [MethodImpl(HotPath.Options)]
            private void OnBaseOfControllers(SymbolAnalysisContext context, INamedTypeSymbol baseType)
            {
                var reported = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                var pending = new Stack<INamedTypeSymbol>();
                var visited = 0;
                pending.Push(baseType);
                while (pending.Count > 0 && visited++ < CompilationFacts.MaxDerived)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var derived in _facts.DirectlyDerived(pending.Pop(), context.CancellationToken))
                    {
                        pending.Push(derived);
                        var facts = FactsOf(derived);
                        if (!facts.IsController)
                        {
                            continue;
                        }

                        foreach (var action in ControllerFacts.InheritedActions(derived, baseType))
                        {
                            var definition = action.OriginalDefinition;
                            if (!reported.Contains(definition) && Judge(context, derived, action, facts))
                            {
                                reported.Add(definition);
                            }
                        }
                    }
                }
            }

            /// <summary>Judges one action of <paramref name="controller"/>; true when it was reported.</summary>
            [MethodImpl(HotPath.Options)]
            private bool Judge(SymbolAnalysisContext context, INamedTypeSymbol controller, IMethodSymbol action, TypeFacts facts)
            {
                var definition = action.OriginalDefinition;
                if (definition.Locations.Length == 0 || !definition.Locations[0].IsInSource)
                {
                    return false;
                }

                var ownClass = facts.OwnClass;
                var outer = ownClass | facts.Bases;
                var own = _attributes.Of(action.GetAttributes());
                if (own.Has(Decision.Authorize) && !own.Has(Decision.Anonymous) && outer.Has(Decision.Anonymous))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.AuthorizationOverriddenByAllowAnonymous,
                        definition.Locations[0],
                        $"action '{controller.Name}.{action.Name}'",
                        ownClass.Has(Decision.Anonymous) ? $"[AllowAnonymous] on '{controller.Name}'" : "[AllowAnonymous] on a base class"));
                    return true;
                }

                // The app-wide facts only for an action that decides nothing itself.
                if ((own | outer) != Decision.None)
                {
                    return false;
                }

                var global = _facts.Global(context.Options, context.CancellationToken);
                if (global.ControllersDecided || ImperativeAuthorization.Asks(definition, context.CancellationToken))
                {
                    // Decided for the whole app, or in the action's own code (IAuthorizationService.AuthorizeAsync).
                    return false;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ControllerActionWithoutAuthorization,
                    definition.Locations[0],
                    ControllerFacts.Display(controller, action),
                    Suffix(global, context.CancellationToken)));
                return true;
            }

            private static bool DeclaresPublicMethod(INamedTypeSymbol type)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false })
                    {
                        return true;
                    }
                }

                return false;
            }

            [MethodImpl(HotPath.Options)]
            private void OnPage(SymbolAnalysisContext context, INamedTypeSymbol page)
            {
                // A page model other page models derive from is their base, not a page (no .cshtml names it).
                if (_facts.DirectlyDerived(page, context.CancellationToken).Count > 0)
                {
                    return;
                }

                var global = _facts.Global(context.Options, context.CancellationToken);
                var ownClass = _attributes.OfClass(page);
                var bases = _attributes.OfBases(page);
                var path = PagePath.Of(page, page.Locations[0].SourceTree?.FilePath);
                var byConvention = Decision.None;
                var pages = _facts.Pages(context.CancellationToken);
                if (path is { } pagePath)
                {
                    foreach (var convention in pages.PageConventions)
                    {
                        if (convention.Covers(pagePath))
                        {
                            byConvention |= convention.Decision;
                        }
                    }
                }
                else if (pages.PageConventions.Count > 0)
                {
                    byConvention |= Decision.Unknown;
                }

                if (pages.UnknownPageConvention)
                {
                    byConvention |= Decision.Unknown;
                }

                var display = path is { } shown ? $"'{(shown.Area is null ? string.Empty : "area " + shown.Area + " ")}{shown.Path}' ({page.Name})" : $"'{page.Name}'";
                if (ownClass.Has(Decision.Authorize) && !ownClass.Has(Decision.Anonymous) && (bases | byConvention).Has(Decision.Anonymous))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.AuthorizationOverriddenByAllowAnonymous,
                        page.Locations[0],
                        $"page {display}",
                        bases.Has(Decision.Anonymous) ? "[AllowAnonymous] on a base class" : "an AllowAnonymousTo* convention"));
                    return;
                }

                if (global.PagesDecided || (ownClass | bases | byConvention) != Decision.None || HandlersAsk(page, context.CancellationToken))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RazorPageWithoutAuthorization, page.Locations[0], display, Suffix(global, context.CancellationToken)));
            }

            // ------------------------------------------------------------------ endpoints

            [MethodImpl(HotPath.Options)]
            public void OnEndpoint(SemanticModel model, InvocationExpressionSyntax call, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (!AspNetNames.IsInNamespace(method, AspNetNames.BuilderNamespace) || method.Parameters.IsEmpty ||
                    !AspNetNames.IsRouteBuilder(method.Parameters[0].Type))
                {
                    // IApplicationBuilder.Map (middleware branching), a library's own Map method.
                    return;
                }

                var helpers = new List<IParameterSymbol>();
                var own = _walker.ChainedOnResult(invocation, helpers);
                string display;
                if (method.Name is "MapHub" or "MapGrpcService")
                {
                    if (method.TypeArguments.Length != 1 || method.TypeArguments[0] is not INamedTypeSymbol service || service.TypeKind == TypeKind.Error)
                    {
                        return;
                    }

                    own |= method.Name == "MapHub" ? HubDecision(service) : GrpcServiceDecision(service);
                    display = method.Name == "MapHub"
                        ? $"hub '{service.Name}' at '{Pattern(invocation) ?? "?"}'"
                        : $"gRPC service '{service.Name}'";
                }
                else
                {
                    own |= HandlerDecision(invocation);
                    var verb = Verb(invocation);
                    var pattern = Pattern(invocation) ?? "?";
                    display = verb is null ? $"'{pattern}'" : $"'{verb} {pattern}'";
                }

                foreach (var helper in helpers)
                {
                    own |= _facts.DecisionOf(helper);
                }

                var global = _facts.Global(options, cancellationToken);
                if (global.EndpointsDecided && !own.Has(Decision.Authorize))
                {
                    // Nothing to report: PA5004 needs an [Authorize] of the endpoint's own; PA5002 is silenced by the global decision.
                    return;
                }

                var outcomes = new DecisionResolver(_facts).Resolve(_walker.Summarize(ChainWalker.Receiver(invocation)));
                var location = NameLocation(invocation);
                if (own.Has(Decision.Authorize) && !own.Has(Decision.Anonymous) && outcomes.Exists(o => o.Has(Decision.Anonymous)))
                {
                    report(Diagnostic.Create(
                        Descriptors.AuthorizationOverriddenByAllowAnonymous,
                        location,
                        $"endpoint {display}",
                        "'.AllowAnonymous()' on its route group"));
                    return;
                }

                if (global.EndpointsDecided || own != Decision.None || !outcomes.Exists(o => o == Decision.None) ||
                    MappedOnlyInDevelopment(call) ||
                    (Handler(invocation) is { } handler && ImperativeAuthorization.Asks(handler, cancellationToken)))
                {
                    return;
                }

                report(Diagnostic.Create(Descriptors.EndpointWithoutAuthorization, location, display, Suffix(global, cancellationToken)));
            }

            /// <summary>A class as the controller rules see it; the decisions are filled in for controllers only.</summary>
            private sealed class TypeFacts
            {
                public static readonly TypeFacts Page = new TypeFacts(isController: false, Decision.None, Decision.None) { IsPage = true };

                public static readonly TypeFacts Other = new TypeFacts(isController: false, Decision.None, Decision.None);

                public TypeFacts(bool isController, Decision ownClass, Decision bases)
                {
                    IsController = isController;
                    OwnClass = ownClass;
                    Bases = bases;
                }

                public bool IsPage { get; private set; }

                public bool IsController { get; }

                /// <summary>The decision of the class's own attributes.</summary>
                public Decision OwnClass { get; }

                /// <summary>The decision of its base classes' attributes (metadata base classes included).</summary>
                public Decision Bases { get; }
            }

            // ------------------------------------------------------------------ endpoint facts

            private Decision HandlerDecision(IInvocationOperation invocation) =>
                Handler(invocation) is { } handler ? _attributes.Of(handler.GetAttributes()) : Decision.None;

            /// <summary>
            /// A mapping inside the true branch of <c>if (app.Environment.IsDevelopment())</c> (or <c>env.IsDevelopment()</c>, also
            /// as one operand of <c>&amp;&amp;</c>): the endpoint never exists in production (a redirect to the API explorer, a
            /// debug page). Read from the syntax around the call, up to its member.
            /// </summary>
            private static bool MappedOnlyInDevelopment(SyntaxNode call)
            {
                for (SyntaxNode? node = call, parent = call.Parent; parent is not null and not MemberDeclarationSyntax; node = parent, parent = parent.Parent)
                {
                    if (parent is IfStatementSyntax branch && branch.Statement == node && RequiresDevelopment(branch.Condition))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool RequiresDevelopment(ExpressionSyntax condition) => condition switch
            {
                ParenthesizedExpressionSyntax parenthesized => RequiresDevelopment(parenthesized.Expression),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both => RequiresDevelopment(both.Left) || RequiresDevelopment(both.Right),
                InvocationExpressionSyntax invocation => SyntaxNames.InvokedName(invocation.Expression) == "IsDevelopment",
                _ => false,
            };

            /// <summary>The lambda or method an endpoint's delegate argument names, if it is written at the call.</summary>
            private static IMethodSymbol? Handler(IInvocationOperation invocation)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type is not { } parameterType ||
                        !(parameterType.SpecialType == SpecialType.System_Delegate || parameterType.Name == "RequestDelegate"))
                    {
                        continue;
                    }

                    var value = ChainWalker.Unwrap(argument.Value);
                    if (value is IDelegateCreationOperation creation)
                    {
                        switch (ChainWalker.Unwrap(creation.Target))
                        {
                            case IAnonymousFunctionOperation lambda:
                                return lambda.Symbol;
                            case IMethodReferenceOperation reference:
                                return reference.Method;
                        }
                    }
                }

                return null;
            }

            /// <summary>
            /// A page model whose every handler (<c>OnGet</c>, <c>OnPostAsync</c>, <c>OnPostDelete</c> …; at least one) asks
            /// <c>IAuthorizationService</c> itself (<see cref="ImperativeAuthorization"/>), or whose page filter override
            /// (<c>OnPageHandlerExecutionAsync</c> …) does: the page decides in code.
            /// </summary>
            private static bool HandlersAsk(INamedTypeSymbol page, CancellationToken cancellationToken)
            {
                var any = false;
                foreach (var member in page.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } handler &&
                        handler.Name.Length > 2 && handler.Name.StartsWith("On", StringComparison.Ordinal) && char.IsUpper(handler.Name[2]))
                    {
                        if (handler.IsOverride)
                        {
                            // OnPageHandlerExecutionAsync and the other page filter methods run before every handler: a check
                            // there decides for the page; they are not handlers themselves.
                            if (handler.Name.StartsWith("OnPageHandler", StringComparison.Ordinal) && ImperativeAuthorization.Asks(handler, cancellationToken))
                            {
                                return true;
                            }

                            continue;
                        }

                        if (!ImperativeAuthorization.Asks(handler, cancellationToken))
                        {
                            return false;
                        }

                        any = true;
                    }
                }

                return any;
            }

            /// <summary>A SignalR hub: <c>[Authorize]</c> on the hub class, a base class, or its methods.</summary>
            private Decision HubDecision(INamedTypeSymbol hub)
            {
                var decision = _attributes.OfTypeAndBases(hub);
                foreach (var member in hub.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method)
                    {
                        decision |= _attributes.Of(method.GetAttributes()) & (Decision.Authorize | Decision.Filter);
                    }
                }

                return decision;
            }

            /// <summary>A gRPC service: attributes on the class or a base class, or on every service method it implements.</summary>
            private Decision GrpcServiceDecision(INamedTypeSymbol service)
            {
                var decision = _attributes.OfTypeAndBases(service);
                if (decision != Decision.None)
                {
                    return decision;
                }

                var methods = 0;
                var decided = 0;
                var combined = Decision.None;
                foreach (var member in service.GetMembers())
                {
                    if (member is IMethodSymbol { IsOverride: true, MethodKind: MethodKind.Ordinary } method && method.OverriddenMethod?.ContainingType?.SpecialType != SpecialType.System_Object)
                    {
                        methods++;
                        var own = _attributes.Of(method.GetAttributes());
                        if (own != Decision.None)
                        {
                            decided++;
                            combined |= own;
                        }
                    }
                }

                return methods > 0 && decided == methods ? combined : Decision.None;
            }

            private static string? Verb(IInvocationOperation invocation)
            {
                switch (invocation.TargetMethod.Name)
                {
                    case "MapGet": return "GET";
                    case "MapPost": return "POST";
                    case "MapPut": return "PUT";
                    case "MapDelete": return "DELETE";
                    case "MapPatch": return "PATCH";
                    case "MapMethods":
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "httpMethods" &&
                                ChainWalker.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                            {
                                var verbs = new List<string>();
                                foreach (var element in initializer.ElementValues)
                                {
                                    if (element.ConstantValue is { HasValue: true, Value: string verb })
                                    {
                                        verbs.Add(verb.ToUpperInvariant());
                                    }
                                }

                                return verbs.Count > 0 ? string.Join(",", verbs) : null;
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }

            private static string? Pattern(IInvocationOperation invocation)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "pattern")
                    {
                        return argument.Value.ConstantValue is { HasValue: true, Value: string pattern } ? pattern : null;
                    }
                }

                return null;
            }

            private static Location NameLocation(IInvocationOperation invocation)
            {
                if (invocation.Syntax is InvocationExpressionSyntax call)
                {
                    switch (call.Expression)
                    {
                        case MemberAccessExpressionSyntax memberAccess:
                            return memberAccess.Name.GetLocation();
                        case SimpleNameSyntax simpleName:
                            return simpleName.GetLocation();
                    }
                }

                return invocation.Syntax.GetLocation();
            }
        }
    }
}
