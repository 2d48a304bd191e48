using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// Authorization decided in code: an action, handler or page handler whose body asks ASP.NET Core's
    /// <c>IAuthorizationService</c> (<c>await _authorization.AuthorizeAsync(User, document, "EditPolicy")</c>, the
    /// resource-based authorization of the ASP.NET Core documentation) and acts on the answer. That is a decision, made
    /// where the resource is known, which no attribute shows. Read from syntax and symbols alone, and asked only for an
    /// endpoint that would otherwise be reported.
    /// </summary>
    internal static class ImperativeAuthorization
    {
        private const string MethodName = "AuthorizeAsync";
        private const string ServiceName = "IAuthorizationService";

        /// <summary>
        /// Whether <paramref name="method"/> calls <c>AuthorizeAsync</c> on an <c>IAuthorizationService</c> in its body, or
        /// calls (by its name alone, one level deep) a method of its own type or a base class that does: the
        /// <c>if (!await CanEditAsync(page)) return Forbid();</c> helper. The service must be in reach: a parameter, a field
        /// or property of the type or its bases, a constructor parameter (primary constructors), or named in the body
        /// (<c>RequestServices.GetRequiredService&lt;IAuthorizationService&gt;()</c>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool Asks(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (Body(method, cancellationToken) is not { } body)
            {
                return false;
            }

            var type = method.ContainingType;
            if (CallsAuthorizeAsync(body, cancellationToken))
            {
                return ServiceInReach(method, body, cancellationToken);
            }

            if (type is null)
            {
                return false;
            }

            // One level of helpers of the same type (or a base class): the action's own calls by simple name or this.Name.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: var member } => member.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || !seen.Add(name))
                {
                    continue;
                }

                for (var owner = type; owner is not null; owner = owner.BaseType)
                {
                    foreach (var member in owner.GetMembers(name))
                    {
                        if (member is IMethodSymbol helper && !SymbolEqualityComparer.Default.Equals(helper, method) &&
                            Body(helper, cancellationToken) is { } helperBody && CallsAuthorizeAsync(helperBody, cancellationToken) &&
                            ServiceInReach(helper, helperBody, cancellationToken))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static SyntaxNode? Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AnonymousFunctionExpressionSyntax lambda => lambda.Body,
                _ => null,
            };
        }

        /// <summary>A call <c>x.AuthorizeAsync(...)</c> or <c>x?.AuthorizeAsync(...)</c> in <paramref name="body"/>, found in its text first.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool CallsAuthorizeAsync(SyntaxNode body, CancellationToken cancellationToken)
        {
            using var text = TextWindow.Of(body, cancellationToken);
            for (var index = text.IndexOf(MethodName, 0); index >= 0; index = text.IndexOf(MethodName, index + MethodName.Length))
            {
                var token = body.FindToken(text.Start + index);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == MethodName &&
                    token.Parent is SimpleNameSyntax name &&
                    name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } or MemberBindingExpressionSyntax { Parent: InvocationExpressionSyntax })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ServiceInReach(IMethodSymbol method, SyntaxNode body, CancellationToken cancellationToken)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsService(parameter.Type))
                {
                    return true;
                }
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    switch (member)
                    {
                        case IFieldSymbol field when IsService(field.Type):
                        case IPropertySymbol property when IsService(property.Type):
                            return true;
                        case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                            foreach (var parameter in constructor.Parameters)
                            {
                                if (IsService(parameter.Type))
                                {
                                    return true;
                                }
                            }

                            break;
                    }
                }
            }

            // Resolved from the request's services in the body itself.
            using var text = TextWindow.Of(body, cancellationToken);
            return text.IndexOf(ServiceName, 0) >= 0;
        }

        /// <summary>ASP.NET Core's <c>IAuthorizationService</c>, or a type of that name that did not resolve (a missing reference).</summary>
        private static bool IsService(ITypeSymbol type) =>
            type.Name == ServiceName &&
            (type.TypeKind == TypeKind.Error || type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Authorization");
    }
}
