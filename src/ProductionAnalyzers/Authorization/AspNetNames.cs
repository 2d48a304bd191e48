using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// The ASP.NET Core names the authorization rules know. Interfaces are matched by namespace and name, not by a resolved
    /// symbol: <c>IAuthorizeData</c> and <c>IAllowAnonymous</c> moved from Microsoft.AspNetCore.Authorization to
    /// Microsoft.AspNetCore.Metadata between versions, and a match by name finds them in either.
    /// </summary>
    internal static class AspNetNames
    {
        public const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";
        public const string FiltersNamespace = "Microsoft.AspNetCore.Mvc.Filters";
        public const string BuilderNamespace = "Microsoft.AspNetCore.Builder";
        public const string RoutingNamespace = "Microsoft.AspNetCore.Routing";
        public const string MvcNamespace = "Microsoft.AspNetCore.Mvc";

        public const string RequireAuthorization = "RequireAuthorization";
        public const string AllowAnonymous = "AllowAnonymous";
        public const string MapGroup = "MapGroup";
        public const string WithMetadata = "WithMetadata";

        /// <summary>Endpoint-mapping methods of PA5002 (RULES.md's list; MapHealthChecks, MapFallback* are not endpoints the rule knows).</summary>
        public static readonly HashSet<string> EndpointMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapHub", "MapGrpcService",
        };

        public static readonly HashSet<string> ControllerMappings = new HashSet<string>(StringComparer.Ordinal)
        {
            "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute",
        };

        public const string MapRazorPages = "MapRazorPages";

        public static readonly HashSet<string> PageConventions = new HashSet<string>(StringComparer.Ordinal)
        {
            "AuthorizeFolder", "AuthorizePage", "AuthorizeAreaFolder", "AuthorizeAreaPage",
            "AllowAnonymousToPage", "AllowAnonymousToFolder", "AllowAnonymousToAreaPage", "AllowAnonymousToAreaFolder",
        };

        /// <summary>Calls that only a host (the project that builds and runs the web app) makes.</summary>
        public static readonly HashSet<string> HostCalls = new HashSet<string>(StringComparer.Ordinal)
        {
            "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder", "CreateDefaultBuilder", "ConfigureWebHostDefaults",
            "ConfigureWebHost", "UseStartup", "UseEndpoints", "UseMvc", "UseMvcWithDefaultRoute", "UseRouting",
        };

        public const string SetFallbackPolicy = "SetFallbackPolicy";
        public const string FallbackPolicy = "FallbackPolicy";

        /// <summary>True when <paramref name="symbol"/>'s namespace is exactly <paramref name="dotted"/>, without allocating.</summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsInNamespace(ISymbol symbol, string dotted)
        {
            var ns = symbol.ContainingNamespace;
            var end = dotted.Length;
            while (ns is not null && !ns.IsGlobalNamespace)
            {
                var name = ns.Name;
                var start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                if (start == 0)
                {
                    return ns.ContainingNamespace is null || ns.ContainingNamespace.IsGlobalNamespace;
                }

                if (dotted[start - 1] != '.')
                {
                    return false;
                }

                end = start - 1;
                ns = ns.ContainingNamespace;
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        public static bool Is(ITypeSymbol? type, string ns, string name) =>
            type is not null && type.Name == name && IsInNamespace(type, ns);

        /// <summary>True when <paramref name="type"/> is, implements or derives from the named type.</summary>
        public static bool IsOrImplements(ITypeSymbol? type, string ns, string name)
        {
            if (type is null)
            {
                return false;
            }

            if (Is(type, ns, name))
            {
                return true;
            }

            foreach (var iface in type.AllInterfaces)
            {
                if (Is(iface, ns, name))
                {
                    return true;
                }
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (Is(baseType, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An <c>IEndpointRouteBuilder</c> (WebApplication, RouteGroupBuilder, the parameter of UseEndpoints).</summary>
        public static bool IsRouteBuilder(ITypeSymbol? type) => IsOrImplements(type, RoutingNamespace, "IEndpointRouteBuilder");

        public static bool IsWebApplication(ITypeSymbol? type) => Is(type, BuilderNamespace, "WebApplication");
    }
}
