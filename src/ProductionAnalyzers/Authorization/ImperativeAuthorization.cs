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
    /// resource-based authorization of the ASP.NET Core documentation), or that checks an API key, a signature or a
    /// permission itself and rejects the caller with 401 or 403 when the check fails. That is a decision, made in the
    /// action, which no attribute shows. Read from syntax and symbols alone, and asked only for an endpoint that would
    /// otherwise be reported.
    /// </summary>
    internal static class ImperativeAuthorization
    {
        private const string MethodName = "AuthorizeAsync";
        private const string ServiceName = "IAuthorizationService";

        /// <summary>
        /// Whether <paramref name="method"/> rejects the caller on a failed credential or permission check
        /// (<see cref="RejectsOnCredentialCheck"/>), calls <c>AuthorizeAsync</c> on an <c>IAuthorizationService</c> in its body, or
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
            using (var text = TextWindow.Of(body, cancellationToken))
            {
                if (CallsAuthorizeAsync(body, text) && ServiceInReach(method, body, cancellationToken))
                {
                    return true;
                }

                // From the body's text: most actions answer no 401/403 at all, and walking a large body's nodes costs more.
                if (RejectsOnCredentialCheck(body, text))
                {
                    return true;
                }
            }

            // A helper of the type can only ask the service if the type's text names AuthorizeAsync somewhere.
            if (type is null || !TypeMentionsAuthorizeAsync(type, cancellationToken))
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

                // Source types only: a helper's body must be read, and asking a metadata base class (ControllerBase) for a
                // member by name would load all of its members.
                for (var owner = type; owner is not null && !owner.DeclaringSyntaxReferences.IsEmpty; owner = owner.BaseType)
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

        /// <summary>
        /// Words in a condition that name a credential or permission check (<c>GetApiKey()</c>, <c>IsValidSignature(…)</c>,
        /// <c>HasPermission(…)</c>, <c>IsAuthorized</c>, <c>User.IsInRole(…)</c>, <c>User.Identity.IsAuthenticated</c>, a header
        /// named <c>"X-Api-Key"</c> or <c>"Authorization"</c>), compared without case, <c>_</c> and <c>-</c>. Not a password
        /// or a token: a login endpoint checks those, and is public.
        /// </summary>
        private static readonly string[] CheckWords =
        {
            "apikey", "accesskey", "signature", "secret", "permission", "authoriz", "isinrole", "hasclaim", "scope", "isauthenticated",
        };

        /// <summary>
        /// An <c>if</c> in the body whose condition names a credential or permission check (<see cref="CheckWords"/>) and one
        /// of whose branches rejects the caller: <c>return Unauthorized()</c>, <c>Forbid()</c>, <c>Challenge()</c>,
        /// <c>StatusCode(401)</c> or <c>403</c> (also as <c>StatusCodes.Status401Unauthorized</c>), <c>Results.Unauthorized()</c>,
        /// <c>new UnauthorizedResult()</c>, <c>Response.StatusCode = 401</c>, <c>throw new UnauthorizedAccessException()</c>.
        /// An API key or a webhook signature checked in the action is a decision made in code. Found from the words of a
        /// rejection in the body's text (<see cref="RejectionWords"/>): only the statements around them are looked at, and
        /// the <c>if</c>s they sit in.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool RejectsOnCredentialCheck(SyntaxNode body, in TextWindow text)
        {
            foreach (var word in RejectionWords)
            {
                for (var index = text.IndexOf(word, 0); index >= 0; index = text.IndexOf(word, index + word.Length))
                {
                    var token = body.FindToken(text.Start + index);
                    if (token.Parent?.FirstAncestorOrSelf<StatementSyntax>() is not { } statement || !body.Span.Contains(statement.Span) ||
                        !Rejects(statement))
                    {
                        continue;
                    }

                    for (SyntaxNode node = statement; node != body && node.Parent is { } parent; node = parent)
                    {
                        var condition = parent switch
                        {
                            IfStatementSyntax branch when branch.Statement == node => branch.Condition,
                            ElseClauseSyntax { Parent: IfStatementSyntax owner } => owner.Condition,
                            _ => null,
                        };
                        if (condition is not null && NamesACheck(condition))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool NamesACheck(ExpressionSyntax condition)
        {
            foreach (var token in condition.DescendantTokens())
            {
                string text;
                if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    text = token.ValueText;
                }
                else
                {
                    continue;
                }

                var folded = new System.Text.StringBuilder(text.Length);
                foreach (var c in text)
                {
                    if (c is not ('_' or '-'))
                    {
                        folded.Append(char.ToLowerInvariant(c));
                    }
                }

                var word = folded.ToString();
                foreach (var check in CheckWords)
                {
                    if (word.IndexOf(check, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether the statement ends the request with 401 or 403.</summary>
        private static bool Rejects(StatementSyntax statement) => statement switch
        {
            ReturnStatementSyntax { Expression: { } value } => IsRejection(value),
            ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax { Type: var thrown } } => LastName(thrown) == "UnauthorizedAccessException",
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" }, Right: var code } } => IsDeniedCode(code),
            _ => false,
        };

        private static bool IsRejection(ExpressionSyntax value)
        {
            switch (value)
            {
                case AwaitExpressionSyntax awaited:
                    return IsRejection(awaited.Expression);
                case InvocationExpressionSyntax invocation:
                    var name = SyntaxNames.InvokedName(invocation.Expression);
                    if (name is "Unauthorized" or "Forbid" or "Challenge" or "ForbidAsync" or "ChallengeAsync")
                    {
                        return true;
                    }

                    return name is "StatusCode" or "Problem" && invocation.ArgumentList.Arguments.Count > 0 &&
                           invocation.ArgumentList.Arguments.Any(a => IsDeniedCode(a.Expression));
                case ObjectCreationExpressionSyntax creation:
                    return LastName(creation.Type) is "UnauthorizedResult" or "UnauthorizedObjectResult" or "ForbidResult" or "ChallengeResult" ||
                           (LastName(creation.Type) is "StatusCodeResult" or "ObjectResult" && creation.ArgumentList?.Arguments.Any(a => IsDeniedCode(a.Expression)) == true);
                default:
                    return false;
            }
        }

        private static bool IsDeniedCode(ExpressionSyntax code) => code switch
        {
            LiteralExpressionSyntax literal => literal.Token.Value is 401 or 403,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText is "Status401Unauthorized" or "Status403Forbidden" or "Unauthorized" or "Forbidden",
            CastExpressionSyntax cast => IsDeniedCode(cast.Expression),
            _ => false,
        };

        private static string? LastName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            _ => null,
        };

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

        /// <summary>Words one of which a body that rejects the caller contains: <c>Unauthorized</c>, <c>Forbid</c>, <c>Challenge</c>, <c>401</c>, <c>403</c>.</summary>
        private static readonly string[] RejectionWords = { "Unauthorized", "Forbid", "Challenge", "401", "403" };

        /// <summary>Per type declaration: whether its text names <c>AuthorizeAsync</c> (read once per declaration).</summary>
        private static readonly ConditionalWeakTable<SyntaxNode, object> TypeMentions = new ConditionalWeakTable<SyntaxNode, object>();

        private static readonly object Mentions = new object();

        private static readonly object DoesNotMention = new object();

        private static bool TypeMentionsAuthorizeAsync(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            for (var owner = type; owner is not null && !owner.DeclaringSyntaxReferences.IsEmpty; owner = owner.BaseType)
            {
                foreach (var reference in owner.DeclaringSyntaxReferences)
                {
                    if (ReferenceEquals(TypeMentions.GetValue(reference.GetSyntax(cancellationToken), ReadMentions), Mentions))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static object ReadMentions(SyntaxNode declaration)
        {
            using var text = TextWindow.Of(declaration, CancellationToken.None);
            return text.IndexOf(MethodName, 0) >= 0 ? Mentions : DoesNotMention;
        }

        private static bool CallsAuthorizeAsync(SyntaxNode body, CancellationToken cancellationToken)
        {
            using var text = TextWindow.Of(body, cancellationToken);
            return CallsAuthorizeAsync(body, text);
        }

        /// <summary>A call <c>x.AuthorizeAsync(...)</c> or <c>x?.AuthorizeAsync(...)</c> in <paramref name="body"/>, found in its text (<paramref name="text"/>) first.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool CallsAuthorizeAsync(SyntaxNode body, in TextWindow text)
        {
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
