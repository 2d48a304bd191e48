using System;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>What an attribute, a convention call or a route group says about authorization.</summary>
    [Flags]
    internal enum Decision
    {
        None = 0,

        /// <summary><c>[Authorize]</c> (any <c>IAuthorizeData</c>) or <c>.RequireAuthorization()</c>.</summary>
        Authorize = 1,

        /// <summary><c>[AllowAnonymous]</c> (any <c>IAllowAnonymous</c>) or <c>.AllowAnonymous()</c>.</summary>
        Anonymous = 2,

        /// <summary>An <c>IAuthorizationFilter</c>/<c>IAsyncAuthorizationFilter</c> attribute (API-key filters and the like).</summary>
        Filter = 4,

        /// <summary>The builder comes from a place the analyzer cannot see: the decision is not known.</summary>
        Unknown = 8,
    }

    internal static class DecisionExtensions
    {
        /// <summary>True when the endpoint is decided or its decision cannot be known (then the rules stay quiet).</summary>
        public static bool IsDecidedOrUnknown(this Decision decision) => decision != Decision.None;

        public static bool Has(this Decision decision, Decision flag) => (decision & flag) != 0;
    }
}
