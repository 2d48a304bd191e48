using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers
{
    internal static partial class Descriptors
    {
        // The authorization rules judge each endpoint against facts of the whole compilation (a fallback policy, a global
        // filter, the call sites of an endpoint module), gathered once per compilation on first need; each diagnostic is
        // reported live, from the controller's, page's or Map* call's own callback.

        public static readonly DiagnosticDescriptor ControllerActionWithoutAuthorization = Create(
            DiagnosticIds.ControllerActionWithoutAuthorization,
            "Controller action without an authorization decision",
            "Action {0} has no authorization decision: add [Authorize] to the controller, or [AllowAnonymous] to the action if it is public{1}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "A public controller action with no [Authorize] or [AllowAnonymous] on the action, its controller or a base class, and no " +
            "fallback policy or global AuthorizeFilter in the app, is reachable by anyone. Make the decision explicit.");

        public static readonly DiagnosticDescriptor EndpointWithoutAuthorization = Create(
            DiagnosticIds.EndpointWithoutAuthorization,
            "Minimal API endpoint without an authorization decision",
            "Endpoint {0} has no authorization decision: append .RequireAuthorization(), or .AllowAnonymous() if it is public{1}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "An endpoint mapped with Map*, MapHub or MapGrpcService whose builder chain, route groups and handler carry no " +
            "RequireAuthorization/AllowAnonymous or [Authorize]/[AllowAnonymous], in an app without a fallback policy, is reachable by anyone.");

        public static readonly DiagnosticDescriptor RazorPageWithoutAuthorization = Create(
            DiagnosticIds.RazorPageWithoutAuthorization,
            "Razor Page without an authorization decision",
            "Razor Page {0} has no authorization decision: add [Authorize] to the page model, or [AllowAnonymous] if it is public{1}",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "A PageModel with no [Authorize] or [AllowAnonymous] on the class or a base class, not covered by an AuthorizeFolder/" +
            "AuthorizePage/AllowAnonymousTo* convention, in an app without a fallback policy, is reachable by anyone. Attributes on " +
            "handler methods (OnGet, OnPost) are ignored by Razor Pages.");

        public static readonly DiagnosticDescriptor AuthorizationOverriddenByAllowAnonymous = Create(
            DiagnosticIds.AuthorizationOverriddenByAllowAnonymous,
            "Authorization overridden by [AllowAnonymous]",
            "The [Authorize] of {0} has no effect: {1} allows anonymous access to it",
            DiagnosticCategories.Security,
            DiagnosticSeverity.Warning,
            "ASP.NET Core skips authorization when any [AllowAnonymous] or .AllowAnonymous() applies to an endpoint, wherever it sits: " +
            "an [Authorize] on an action, page or endpoint is silently cancelled by an [AllowAnonymous] on its controller, base class or route group.");
    }
}
