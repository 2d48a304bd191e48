using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// What an attribute decides: any attribute implementing <c>IAuthorizeData</c> (<c>[Authorize]</c> and every subclass),
    /// <c>IAllowAnonymous</c>, <c>IAuthorizationFilter</c> or <c>IAsyncAuthorizationFilter</c> (API-key filters), and the
    /// <c>[TypeFilter]</c>/<c>[ServiceFilter]</c> attributes that create such a filter. One verdict per attribute class per
    /// compilation.
    /// </summary>
    internal sealed class AttributeDecisions
    {
        private readonly ConcurrentDictionary<ITypeSymbol, Decision> _byType = new ConcurrentDictionary<ITypeSymbol, Decision>(SymbolEqualityComparer.Default);

        /// <summary>Words in the name of a filter-factory attribute whose filter type is not visible that mark it as an authorization filter.</summary>
        private static readonly string[] AuthorizationWords = { "Auth", "ApiKey", "Permission", "Role", "Scope", "Claim", "Token", "Policy", "Signature" };

        [MethodImpl(HotPath.Options)]
        public Decision Of(AttributeData attribute)
        {
            var type = attribute.AttributeClass;
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return Decision.None;
            }

            var decision = OfType(type);
            if (decision == Decision.None && IsFilterFactory(type, out var direct))
            {
                if (direct)
                {
                    // [TypeFilter(typeof(ApiKeyFilter))] / [ServiceFilter(typeof(ApiKeyFilter))]: the filter type decides.
                    if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol filterType)
                    {
                        decision = OfType(filterType) & Decision.Filter;
                    }
                }
                else if (NamesAuthorization(type.Name))
                {
                    // class ApiKeyAuthAttribute : TypeFilterAttribute { ... base(typeof(ApiKeyFilter)) }: the filter type sits
                    // in the constructor, out of sight; the attribute's name says what it is for.
                    decision = Decision.Filter;
                }
            }

            return decision;
        }

        [MethodImpl(HotPath.Options)]
        public Decision Of(ImmutableArray<AttributeData> attributes)
        {
            var decision = Decision.None;
            foreach (var attribute in attributes)
            {
                decision |= Of(attribute);
            }

            return decision;
        }

        /// <summary>The class's own attributes and those of every base class (metadata base classes included).</summary>
        public Decision OfTypeAndBases(INamedTypeSymbol type) => OfClass(type) | OfBases(type);

        public Decision OfClass(INamedTypeSymbol type) => Of(type.GetAttributes());

        [MethodImpl(HotPath.Options)]
        public Decision OfBases(INamedTypeSymbol type)
        {
            var decision = Decision.None;
            for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            {
                decision |= Of(baseType.GetAttributes());
            }

            return decision;
        }

        /// <summary>The decision a type carries as an attribute class or filter class.</summary>
        [MethodImpl(HotPath.Options)]
        public Decision OfType(ITypeSymbol type) => _byType.GetOrAdd(type, Classify);

        private static Decision Classify(ITypeSymbol type)
        {
            var decision = Decision.None;
            foreach (var iface in type.AllInterfaces)
            {
                switch (iface.Name)
                {
                    case "IAuthorizeData" when AspNetNames.IsInNamespace(iface, AspNetNames.AuthorizationNamespace):
                        decision |= Decision.Authorize;
                        break;
                    case "IAllowAnonymous" when AspNetNames.IsInNamespace(iface, AspNetNames.AuthorizationNamespace):
                        decision |= Decision.Anonymous;
                        break;
                    case "IAuthorizationFilter" or "IAsyncAuthorizationFilter" when AspNetNames.IsInNamespace(iface, AspNetNames.FiltersNamespace):
                        decision |= Decision.Filter;
                        break;
                }
            }

            return decision;
        }

        [MethodImpl(HotPath.Options)]
        private static bool IsFilterFactory(ITypeSymbol type, out bool direct)
        {
            direct = false;
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (current.Name is "TypeFilterAttribute" or "ServiceFilterAttribute" && AspNetNames.IsInNamespace(current, AspNetNames.MvcNamespace))
                {
                    direct = ReferenceEquals(current, type) || SymbolEqualityComparer.Default.Equals(current, type);
                    return true;
                }
            }

            return false;
        }

        private static bool NamesAuthorization(string name)
        {
            foreach (var word in AuthorizationWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
