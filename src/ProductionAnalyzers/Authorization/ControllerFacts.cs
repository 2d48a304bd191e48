using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>MVC's own discovery rules, as the framework applies them: which classes are controllers and which methods are actions.</summary>
    internal static class ControllerFacts
    {
        /// <summary>
        /// A controller: a public, non-abstract, non-generic class that derives from ControllerBase, carries <c>[Controller]</c>
        /// (or <c>[ApiController]</c>) itself or on a base class, or whose name ends in "Controller"; not <c>[NonController]</c>.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsController(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || !IsPublic(type))
            {
                return false;
            }

            var byName = type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
            var byAttribute = false;
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    var attributeClass = attribute.AttributeClass;
                    if (attributeClass is null)
                    {
                        continue;
                    }

                    if (InheritsFrom(attributeClass, AspNetNames.MvcNamespace, "NonControllerAttribute"))
                    {
                        return false;
                    }

                    byAttribute |= InheritsFrom(attributeClass, AspNetNames.MvcNamespace, "ControllerAttribute");
                }
            }

            return byAttribute || (byName && !IsServiceByName(type));
        }

        /// <summary>
        /// A class that only has the name of a controller: no controller base class, no <c>[Controller]</c>, and it implements an
        /// interface of the app (not a System.* or Microsoft.* one) — a service behind a contract (<c>WebSocketController :
        /// ISessionController</c>), which the app resolves through its interface, not an MVC controller.
        /// </summary>
        private static bool IsServiceByName(INamedTypeSymbol type)
        {
            foreach (var iface in type.AllInterfaces)
            {
                if (!IsPlatformNamespace(iface.ContainingNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPlatformNamespace(INamespaceSymbol? ns)
        {
            INamespaceSymbol? root = null;
            for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                root = current;
            }

            return root is not null && root.Name is "System" or "Microsoft" or "Windows";
        }

        /// <summary>
        /// A class whose public methods controllers may inherit as actions while it is not a controller itself (abstract, generic):
        /// it derives from ControllerBase, carries an MVC attribute such as <c>[Controller]</c>/<c>[ApiController]</c>, or its
        /// name says it is one (<c>CrudControllerBase</c>). Other classes are not searched for derived controllers.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool MayBeBaseOfControllers(INamedTypeSymbol type, INamedTypeSymbol controllerBase)
        {
            if (type.Name.IndexOf("Controller", StringComparison.OrdinalIgnoreCase) >= 0 || TypeHierarchy.DerivesFrom(type.BaseType, controllerBase))
            {
                return true;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && InheritsFrom(attributeClass, AspNetNames.MvcNamespace, "ControllerAttribute"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An action: a public instance method that is not generic, not <c>[NonAction]</c> (on it or a method it overrides),
        /// not an override of an <c>object</c> method and not <c>Dispose()</c>.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsAction(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public ||
                method.IsStatic || method.IsAbstract || method.IsGenericMethod)
            {
                return false;
            }

            if (method.Name == "Dispose" && method.Parameters.IsEmpty)
            {
                return false;
            }

            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (current.ContainingType?.SpecialType == SpecialType.System_Object)
                {
                    return false;
                }

                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass is { } attributeClass && InheritsFrom(attributeClass, AspNetNames.MvcNamespace, "NonActionAttribute"))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The framework's own controller bases (ControllerBase, Controller): their members are never the app's actions.</summary>
        public static bool IsFrameworkType(INamedTypeSymbol type) =>
            type.SpecialType == SpecialType.System_Object || AspNetNames.IsInNamespace(type, AspNetNames.MvcNamespace);

        /// <summary>"'GET api/orders/{id}' (OrdersController.Get)"; with no route declared, "'OrdersController.Get' (GET)" or "'OrdersController.Get'".</summary>
        public static string Display(INamedTypeSymbol controller, IMethodSymbol action)
        {
            string? verb = null;
            string? actionTemplate = null;
            foreach (var attribute in action.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is null)
                {
                    continue;
                }

                if (name is "HttpGetAttribute" or "HttpPostAttribute" or "HttpPutAttribute" or "HttpDeleteAttribute" or "HttpPatchAttribute" or "HttpHeadAttribute" or "HttpOptionsAttribute")
                {
                    verb ??= name.Substring(4, name.Length - 13).ToUpperInvariant();
                    actionTemplate ??= FirstString(attribute);
                }
                else if (name == "RouteAttribute")
                {
                    actionTemplate ??= FirstString(attribute);
                }
            }

            string? controllerTemplate = null;
            for (var current = controller; current is not null && !IsFrameworkType(current); current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name == "RouteAttribute")
                    {
                        controllerTemplate = FirstString(attribute);
                        break;
                    }
                }

                if (controllerTemplate is not null)
                {
                    break;
                }
            }

            var name0 = controller.Name + "." + action.Name;
            string? template;
            if (actionTemplate is not null && (actionTemplate.StartsWith("/", StringComparison.Ordinal) || actionTemplate.StartsWith("~/", StringComparison.Ordinal)))
            {
                template = actionTemplate.TrimStart('~');
            }
            else if (controllerTemplate is null)
            {
                template = actionTemplate;
            }
            else
            {
                template = string.IsNullOrEmpty(actionTemplate) ? controllerTemplate : controllerTemplate.TrimEnd('/') + "/" + actionTemplate;
            }

            if (template is null)
            {
                // Conventional routing ("{controller}/{action}" or the app's own templates): the route is not in the code, the action is.
                return verb is null ? "'" + name0 + "'" : "'" + name0 + "' (" + verb + ")";
            }

            var controllerToken = controller.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase)
                ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length)
                : controller.Name;
            var builder = new StringBuilder("'");
            if (verb is not null)
            {
                builder.Append(verb).Append(' ');
            }

            builder.Append(ReplaceToken(ReplaceToken(template, "[controller]", controllerToken), "[action]", action.Name));
            builder.Append("' (").Append(name0).Append(')');
            return builder.ToString();
        }

        [MethodImpl(HotPath.Options)]
        public static bool InheritsFrom(INamedTypeSymbol type, string ns, string name)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (AspNetNames.Is(current, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPublic(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private static string? FirstString(AttributeData attribute) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text ? text : null;

        private static string ReplaceToken(string template, string token, string value)
        {
            var index = template.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            return index < 0 ? template : template.Substring(0, index) + value + template.Substring(index + token.Length);
        }

        /// <summary>
        /// The actions <paramref name="derived"/> inherits from <paramref name="baseType"/> (as members of the base class it derives
        /// from, constructed when that is generic) and does not override on the way down. Only the base class's methods are asked
        /// whether they are actions; the methods of the classes in between are only followed to what they override.
        /// </summary>
        public static IEnumerable<IMethodSymbol> InheritedActions(INamedTypeSymbol derived, INamedTypeSymbol baseType)
        {
            var baseDefinition = baseType.OriginalDefinition;
            var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            for (var type = derived; type is not null && !IsFrameworkType(type); type = type.BaseType)
            {
                var isBase = SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseDefinition);
                foreach (var member in type.GetMembers())
                {
                    if (member is not IMethodSymbol method || overridden.Contains(method.OriginalDefinition))
                    {
                        continue;
                    }

                    for (var baseMethod = method.OverriddenMethod; baseMethod is not null; baseMethod = baseMethod.OverriddenMethod)
                    {
                        overridden.Add(baseMethod.OriginalDefinition);
                    }

                    if (isBase && IsAction(method))
                    {
                        yield return method;
                    }
                }

                if (isBase)
                {
                    yield break;
                }
            }
        }
    }
}
