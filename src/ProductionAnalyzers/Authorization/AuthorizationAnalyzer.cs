using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// PA5001–PA5004: controllers, minimal API endpoints (hubs and gRPC services included) and Razor Pages without an
    /// authorization decision, and <c>[Authorize]</c> cancelled by an <c>[AllowAnonymous]</c> farther out. Controllers and pages
    /// come from named-type symbol actions; endpoints and the app-wide facts (fallback policy, global filter, MapControllers()
    /// conventions, page conventions, module call sites, builder fields and helpers) from invocation, assignment, initializer
    /// and return operations filtered by name or type first. Everything is judged once the compilation is complete.
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

            context.RegisterSymbolAction(c => state.Value?.OnNamedType(c), SymbolKind.NamedType);
            context.RegisterOperationAction(c => state.Value?.OnInvocation(c), OperationKind.Invocation);
            context.RegisterOperationAction(c => state.Value?.OnAssignment(c), OperationKind.SimpleAssignment);
            context.RegisterOperationAction(c => state.Value?.OnInitializer(c), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            context.RegisterOperationAction(c => state.Value?.OnReturn(c), OperationKind.Return);
            context.RegisterCompilationEndAction(c =>
            {
                if (state.IsValueCreated)
                {
                    state.Value?.Report(c);
                }
            });
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

        private sealed class Endpoint
        {
            public Endpoint(Location location, string display, Decision own, List<IParameterSymbol> helpers, BuilderChain receiver)
            {
                Location = location;
                Display = display;
                Own = own;
                Helpers = helpers;
                Receiver = receiver;
            }

            /// <summary>Parameters of the app's convention helpers called on the endpoint (<c>.RequireAdmin()</c>).</summary>
            public List<IParameterSymbol> Helpers { get; }

            public Location Location { get; }

            public string Display { get; }

            /// <summary>The endpoint's own decision: its chained calls and its handler's (or hub's, service's) attributes.</summary>
            public Decision Own { get; }

            public BuilderChain Receiver { get; }
        }

        private sealed class Mapping
        {
            public Mapping(Decision own, BuilderChain receiver)
            {
                Own = own;
                Receiver = receiver;
            }

            public Decision Own { get; }

            public BuilderChain Receiver { get; }
        }

        private sealed class State
        {
            private readonly Compilation _compilation;
            private readonly INamedTypeSymbol? _controllerBase;
            private readonly INamedTypeSymbol? _pageModel;
            private readonly AttributeDecisions _attributes = new AttributeDecisions();
            private readonly ChainWalker _walker;

            private readonly ConcurrentBag<INamedTypeSymbol> _controllers = new ConcurrentBag<INamedTypeSymbol>();
            private readonly ConcurrentBag<INamedTypeSymbol> _pages = new ConcurrentBag<INamedTypeSymbol>();
            private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _pageBases = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);
            private readonly ConcurrentBag<Endpoint> _endpoints = new ConcurrentBag<Endpoint>();
            private readonly ConcurrentBag<Mapping> _controllerMappings = new ConcurrentBag<Mapping>();
            private readonly ConcurrentBag<Mapping> _pageMappings = new ConcurrentBag<Mapping>();
            private readonly ConcurrentBag<PageConvention> _pageConventions = new ConcurrentBag<PageConvention>();
            private readonly ConcurrentDictionary<IParameterSymbol, ConcurrentBag<BuilderChain>> _callSites = new ConcurrentDictionary<IParameterSymbol, ConcurrentBag<BuilderChain>>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<BuilderChain>> _memberValues = new ConcurrentDictionary<ISymbol, ConcurrentBag<BuilderChain>>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<ISymbol, Decision> _memberDecisions = new ConcurrentDictionary<ISymbol, Decision>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentBag<BuilderChain>> _returns = new ConcurrentDictionary<IMethodSymbol, ConcurrentBag<BuilderChain>>(SymbolEqualityComparer.Default);
            private int _fallbackPolicy;
            private int _globalFilter;
            private int _hostCode;
            private int _unknownPageConvention;

            public State(Compilation compilation, INamedTypeSymbol? controllerBase, INamedTypeSymbol? pageModel)
            {
                _compilation = compilation;
                _controllerBase = controllerBase;
                _pageModel = pageModel;
                _walker = new ChainWalker(compilation.Assembly, _attributes);
            }

            // ------------------------------------------------------------------ collection

            public void OnNamedType(SymbolAnalysisContext context)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
                {
                    return;
                }

                if (_pageModel is not null && TypeHierarchy.DerivesFrom(type.BaseType, _pageModel))
                {
                    _pages.Add(type);

                    // A page model other page models derive from is their base, not a page (no .cshtml names it).
                    for (var baseType = type.BaseType; baseType is not null && !SymbolEqualityComparer.Default.Equals(baseType, _pageModel); baseType = baseType.BaseType)
                    {
                        _pageBases.TryAdd(baseType.OriginalDefinition, 0);
                    }
                }
                else if (_controllerBase is not null && ControllerFacts.IsController(type))
                {
                    _controllers.Add(type);
                }
            }

            public void OnInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                var name = method.Name;
                if (AspNetNames.EndpointMethods.Contains(name))
                {
                    OnEndpoint(invocation);
                }
                else if (AspNetNames.ControllerMappings.Contains(name) || name == AspNetNames.MapRazorPages)
                {
                    if (IsAspNetCore(method))
                    {
                        Interlocked.Exchange(ref _hostCode, 1);
                        var mapping = new Mapping(_walker.ChainedOnResult(invocation), _walker.Summarize(ChainWalker.Receiver(invocation)));
                        (name == AspNetNames.MapRazorPages ? _pageMappings : _controllerMappings).Add(mapping);
                    }
                }
                else if (AspNetNames.HostCalls.Contains(name))
                {
                    if (IsAspNetCore(method) || method.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting")
                    {
                        Interlocked.Exchange(ref _hostCode, 1);
                    }
                }
                else if (name is AspNetNames.RequireAuthorization or AspNetNames.AllowAnonymous)
                {
                    // _group.RequireAuthorization(); on a field or property of the app, or builder.RequireAuthorization() in a helper.
                    switch (ChainWalker.Unwrap(ChainWalker.Receiver(invocation)))
                    {
                        case IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction }:
                            AddMemberDecision(parameter.Parameter.OriginalDefinition, _walker.ConventionDecision(invocation));
                            break;
                        case IFieldReferenceOperation field when _walker.IsInCompilation(field.Field):
                            AddMemberDecision(field.Field.OriginalDefinition, _walker.ConventionDecision(invocation));
                            break;
                        case IPropertyReferenceOperation property when _walker.IsInCompilation(property.Property):
                            AddMemberDecision(property.Property.OriginalDefinition, _walker.ConventionDecision(invocation));
                            break;
                    }
                }
                else if (name == AspNetNames.SetFallbackPolicy)
                {
                    if (invocation.Arguments.Length > 0 && !IsNull(invocation.Arguments[invocation.Arguments.Length - 1].Value))
                    {
                        Interlocked.Exchange(ref _fallbackPolicy, 1);
                    }
                }
                else if (name is "Add" or "AddService" or "Insert" && (method.ContainingType?.Name == "FilterCollection" || invocation.Instance?.Type?.Name == "FilterCollection"))
                {
                    OnGlobalFilter(invocation);
                }
                else if (AspNetNames.PageConventions.Contains(name))
                {
                    OnPageConvention(invocation);
                }
                else if (_walker.IsInCompilation(method))
                {
                    RecordCallSite(invocation);
                }
            }

            public void OnAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                switch (assignment.Target)
                {
                    case IPropertyReferenceOperation { Property.Name: AspNetNames.FallbackPolicy } fallback
                        when fallback.Property.ContainingType?.Name == "AuthorizationOptions":
                        if (!IsNull(assignment.Value))
                        {
                            Interlocked.Exchange(ref _fallbackPolicy, 1);
                        }

                        break;
                    case IFieldReferenceOperation field when _walker.IsInCompilation(field.Field) && MayBeBuilder(field.Type):
                        AddMemberValue(field.Field.OriginalDefinition, assignment.Value);
                        break;
                    case IPropertyReferenceOperation property when _walker.IsInCompilation(property.Property) && MayBeBuilder(property.Type):
                        AddMemberValue(property.Property.OriginalDefinition, assignment.Value);
                        break;
                }
            }

            public void OnInitializer(OperationAnalysisContext context)
            {
                switch (context.Operation)
                {
                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            if (MayBeBuilder(field.Type))
                            {
                                AddMemberValue(field.OriginalDefinition, fieldInitializer.Value);
                            }
                        }

                        break;
                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            if (MayBeBuilder(property.Type))
                            {
                                AddMemberValue(property.OriginalDefinition, propertyInitializer.Value);
                            }
                        }

                        break;
                }
            }

            public void OnReturn(OperationAnalysisContext context)
            {
                var returned = (IReturnOperation)context.Operation;
                if (returned.ReturnedValue is not { } value || !MayBeBuilder(value.Type))
                {
                    return;
                }

                // The method the return belongs to: a local function's own, never a lambda's.
                IMethodSymbol? method = null;
                for (var parent = returned.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation)
                    {
                        return;
                    }

                    if (parent is ILocalFunctionOperation localFunction)
                    {
                        method = localFunction.Symbol;
                        break;
                    }
                }

                method ??= context.ContainingSymbol as IMethodSymbol;
                if (method is not null)
                {
                    _returns.GetOrAdd(method.OriginalDefinition, _ => new ConcurrentBag<BuilderChain>()).Add(_walker.Summarize(value));
                }
            }

            private void OnEndpoint(IInvocationOperation invocation)
            {
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

                _endpoints.Add(new Endpoint(NameLocation(invocation), display, own, helpers, _walker.Summarize(ChainWalker.Receiver(invocation))));
            }

            private void OnGlobalFilter(IInvocationOperation invocation)
            {
                ITypeSymbol? filterType = null;
                if (invocation.TargetMethod.TypeArguments.Length == 1)
                {
                    filterType = invocation.TargetMethod.TypeArguments[0];
                }
                else if (invocation.Arguments.Length > 0)
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

                if (filterType is not null && _attributes.OfType(filterType).Has(Decision.Filter))
                {
                    Interlocked.Exchange(ref _globalFilter, 1);
                }
            }

            private void OnPageConvention(IInvocationOperation invocation)
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
                    Interlocked.Exchange(ref _unknownPageConvention, 1);
                    return;
                }

                var decision = name.StartsWith("Authorize", StringComparison.Ordinal) ? Decision.Authorize : Decision.Anonymous;
                _pageConventions.Add(new PageConvention(decision, name.EndsWith("Folder", StringComparison.Ordinal), area, path));
            }

            /// <summary>A call to a method of the app with a route builder argument: one call site of an endpoint module.</summary>
            private void RecordCallSite(IInvocationOperation invocation)
            {
                foreach (var argument in invocation.Arguments)
                {
                    var parameter = argument.Parameter;
                    if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || !MayBeBuilder(parameter.Type) || !AspNetNames.IsRouteBuilder(parameter.Type))
                    {
                        continue;
                    }

                    var definition = invocation.TargetMethod.OriginalDefinition;
                    if (parameter.Ordinal < definition.Parameters.Length)
                    {
                        _callSites.GetOrAdd(definition.Parameters[parameter.Ordinal], _ => new ConcurrentBag<BuilderChain>()).Add(_walker.Summarize(argument.Value));
                    }
                }
            }

            private void AddMemberValue(ISymbol member, IOperation value) =>
                _memberValues.GetOrAdd(member, _ => new ConcurrentBag<BuilderChain>()).Add(_walker.Summarize(value));

            private void AddMemberDecision(ISymbol member, Decision decision) =>
                _memberDecisions.AddOrUpdate(member, decision, (_, existing) => existing | decision);

            // ------------------------------------------------------------------ endpoint facts

            private Decision HandlerDecision(IInvocationOperation invocation)
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
                                return _attributes.Of(lambda.Symbol.GetAttributes());
                            case IMethodReferenceOperation reference:
                                return _attributes.Of(reference.Method.GetAttributes());
                        }
                    }
                }

                return Decision.None;
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

            // ------------------------------------------------------------------ reporting

            public void Report(CompilationAnalysisContext context)
            {
                var resolver = new DecisionResolver(_callSites, _memberValues, _memberDecisions, _returns);
                var hostDeclared = HostDecisionDeclared(context.Options);
                var global = hostDeclared || Volatile.Read(ref _fallbackPolicy) == 1 || Volatile.Read(ref _globalFilter) == 1;
                var suffix = Volatile.Read(ref _hostCode) == 1 ? string.Empty : HostNotVisible;

                ReportControllers(context, global || AllDecided(_controllerMappings, resolver), suffix);
                ReportPages(context, global || AllDecided(_pageMappings, resolver), suffix);
                ReportEndpoints(context, resolver, global, suffix);
            }

            private bool HostDecisionDeclared(AnalyzerOptions options)
            {
                var value = RuleOptions.ForCompilation(options, _compilation, DiagnosticIds.ControllerActionWithoutAuthorization).GetString(GlobalDecisionOption);
                if (value is not null && value.Trim().ToLowerInvariant() is "fallback_policy" or "authorize_filter")
                {
                    return true;
                }

                foreach (var attribute in _compilation.Assembly.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name == HostAuthorizationAttributeName)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>MapControllers()/MapRazorPages() calls exist and each is followed (or its group is) by a decision.</summary>
            private static bool AllDecided(ConcurrentBag<Mapping> mappings, DecisionResolver resolver)
            {
                var any = false;
                foreach (var mapping in mappings)
                {
                    any = true;
                    if (mapping.Own.Has(Decision.Authorize | Decision.Anonymous))
                    {
                        continue;
                    }

                    foreach (var outcome in resolver.Resolve(mapping.Receiver))
                    {
                        if (!outcome.Has(Decision.Authorize | Decision.Anonymous))
                        {
                            return false;
                        }
                    }
                }

                return any;
            }

            private void ReportControllers(CompilationAnalysisContext context, bool globallyDecided, string suffix)
            {
                var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                foreach (var controller in Sorted(_controllers))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var ownClass = _attributes.OfClass(controller);
                    var bases = _attributes.OfBases(controller);
                    if (ownClass.Has(Decision.Authorize) && !ownClass.Has(Decision.Anonymous) && bases.Has(Decision.Anonymous) && IsInSource(controller))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.AuthorizationOverriddenByAllowAnonymous,
                            controller.Locations[0],
                            $"controller '{controller.Name}'",
                            "[AllowAnonymous] on a base class"));
                    }

                    foreach (var action in ControllerFacts.Actions(controller))
                    {
                        var definition = action.OriginalDefinition;
                        if (!IsInSource(definition) || seen.Contains(definition))
                        {
                            continue;
                        }

                        var own = _attributes.Of(action.GetAttributes());
                        var outer = ownClass | bases;
                        if (own.Has(Decision.Authorize) && !own.Has(Decision.Anonymous) && outer.Has(Decision.Anonymous))
                        {
                            seen.Add(definition);
                            context.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.AuthorizationOverriddenByAllowAnonymous,
                                definition.Locations[0],
                                $"action '{controller.Name}.{action.Name}'",
                                ownClass.Has(Decision.Anonymous) ? $"[AllowAnonymous] on '{controller.Name}'" : "[AllowAnonymous] on a base class"));
                            continue;
                        }

                        if (globallyDecided || (own | outer) != Decision.None)
                        {
                            continue;
                        }

                        seen.Add(definition);
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ControllerActionWithoutAuthorization,
                            definition.Locations[0],
                            ControllerFacts.Display(controller, action),
                            suffix));
                    }
                }
            }

            private void ReportPages(CompilationAnalysisContext context, bool globallyDecided, string suffix)
            {
                var conventions = new List<PageConvention>(_pageConventions);
                var unknownConventions = Volatile.Read(ref _unknownPageConvention) == 1;
                foreach (var page in Sorted(_pages))
                {
                    if (!IsInSource(page) || _pageBases.ContainsKey(page.OriginalDefinition))
                    {
                        continue;
                    }

                    var ownClass = _attributes.OfClass(page);
                    var bases = _attributes.OfBases(page);
                    var path = PagePath.Of(page, page.Locations[0].SourceTree?.FilePath);
                    var byConvention = Decision.None;
                    if (path is { } pagePath)
                    {
                        foreach (var convention in conventions)
                        {
                            if (convention.Covers(pagePath))
                            {
                                byConvention |= convention.Decision;
                            }
                        }
                    }
                    else if (conventions.Count > 0)
                    {
                        byConvention |= Decision.Unknown;
                    }

                    if (unknownConventions)
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
                        continue;
                    }

                    if (globallyDecided || (ownClass | bases | byConvention) != Decision.None)
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RazorPageWithoutAuthorization, page.Locations[0], display, suffix));
                }
            }

            private void ReportEndpoints(CompilationAnalysisContext context, DecisionResolver resolver, bool globallyDecided, string suffix)
            {
                var endpoints = new List<Endpoint>(_endpoints);
                endpoints.Sort((a, b) => CompareLocations(a.Location, b.Location));
                foreach (var endpoint in endpoints)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var own = endpoint.Own;
                    foreach (var helper in endpoint.Helpers)
                    {
                        own |= _memberDecisions.TryGetValue(helper, out var byHelper) ? byHelper : Decision.None;
                    }

                    var outcomes = resolver.Resolve(endpoint.Receiver);
                    if (own.Has(Decision.Authorize) && !own.Has(Decision.Anonymous) && outcomes.Exists(o => o.Has(Decision.Anonymous)))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.AuthorizationOverriddenByAllowAnonymous,
                            endpoint.Location,
                            $"endpoint {endpoint.Display}",
                            "'.AllowAnonymous()' on its route group"));
                        continue;
                    }

                    if (globallyDecided || own != Decision.None || !outcomes.Exists(o => o == Decision.None))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutAuthorization, endpoint.Location, endpoint.Display, suffix));
                }
            }

            // ------------------------------------------------------------------ helpers

            private bool IsInSource(ISymbol symbol) =>
                _walker.IsInCompilation(symbol) && symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource;

            private static List<INamedTypeSymbol> Sorted(ConcurrentBag<INamedTypeSymbol> types)
            {
                var list = new List<INamedTypeSymbol>(types);
                list.Sort((a, b) => CompareLocations(a.Locations.Length > 0 ? a.Locations[0] : Location.None, b.Locations.Length > 0 ? b.Locations[0] : Location.None));
                return list;
            }

            private static int CompareLocations(Location a, Location b)
            {
                var byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
                return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
            }

            private static bool IsAspNetCore(IMethodSymbol method)
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
            private static bool MayBeBuilder(ITypeSymbol? type) =>
                type is INamedTypeSymbol { TypeKind: TypeKind.Interface or TypeKind.Class } named &&
                (named.Name.EndsWith("Builder", StringComparison.Ordinal) || named.Name == "WebApplication") &&
                ChainWalker.IsBuilderLike(named);
        }
    }
}
