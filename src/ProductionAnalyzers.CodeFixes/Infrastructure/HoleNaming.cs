using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// "Name the holes": the one routine that names a value after the code that computes it, for the SQL fix's parameters
    /// (<c>customer.Name</c> → <c>@name</c>) and the logging fixes' placeholders (<c>order.Id</c> → <c>{OrderId}</c>).
    /// The two differ only in the options: casing, whether the receiver qualifies the member, and the fallback name.
    /// </summary>
    internal sealed class HoleNaming
    {
        /// <summary>Message-template placeholders: PascalCase, qualified by the receiver (<c>order.Id</c> → <c>OrderId</c>), else <c>Value</c>.</summary>
        public static readonly HoleNaming TemplatePlaceholder = new HoleNaming(pascalCase: true, qualifyWithReceiver: true, fallback: "Value");

        /// <summary>SQL parameters: camelCase, the member alone (<c>customer.Name</c> → <c>name</c>), keywords avoided, else <c>p</c>.</summary>
        public static readonly HoleNaming SqlParameter = new HoleNaming(pascalCase: false, qualifyWithReceiver: false, fallback: "p");

        /// <summary>Calls that change a value's form, not what it is: the value keeps the name of their receiver.</summary>
        private static readonly HashSet<string> PassThroughMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "ConfigureAwait",
            "Replace", "Substring", "Normalize", "PadLeft", "PadRight",
        };

        private readonly bool _pascalCase;
        private readonly bool _qualifyWithReceiver;
        private readonly string _fallback;

        private HoleNaming(bool pascalCase, bool qualifyWithReceiver, string fallback)
        {
            _pascalCase = pascalCase;
            _qualifyWithReceiver = qualifyWithReceiver;
            _fallback = fallback;
        }

        /// <summary>
        /// The name for a value: <c>order.Id</c> → <c>OrderId</c> / <c>id</c>, <c>GetTotal()</c> → <c>Total</c>,
        /// <c>this._count</c> → <c>Count</c>, <c>items[0]</c> → <c>Items</c>, <c>map["region"]</c> → <c>Region</c>.
        /// The semantic model, when given, tells type receivers (<c>DateTime.UtcNow</c>) from values.
        /// </summary>
        public string NameFor(ExpressionSyntax expression, SemanticModel? model)
        {
            var name = Sanitize(new Reader(model, _qualifyWithReceiver).RawName(expression, 0));
            if (name.Length == 0)
            {
                return _fallback;
            }

            if (_pascalCase)
            {
                return name;
            }

            name = char.ToLowerInvariant(name[0]) + name.Substring(1);
            return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? name + "Value" : name;
        }

        /// <summary><paramref name="baseName"/>, or with a number from 2 on, not yet in <paramref name="taken"/> (compared ignoring case); added to it.</summary>
        public static string Unique(string baseName, ISet<string> taken)
        {
            var name = baseName;
            for (var n = 2; Contains(taken, name); n++)
            {
                name = baseName + n.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            return name;
        }

        private static bool Contains(ISet<string> taken, string name)
        {
            if (taken.Contains(name))
            {
                return true;
            }

            foreach (var item in taken)
            {
                if (string.Equals(item, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>PascalCase letters and digits: <c>_count</c>, <c>m_total</c>, <c>order-id</c> → <c>Count</c>, <c>Total</c>, <c>OrderId</c>.</summary>
        private static string Sanitize(string? name)
        {
            if (name is null)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            var upperNext = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (builder.Length == 0 && char.IsDigit(c))
                    {
                        continue;
                    }

                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }

            var result = builder.ToString();
            if (result.Length > 1 && result[0] == 'M' && name.StartsWith("m_", StringComparison.Ordinal))
            {
                result = result.Substring(1);
            }

            return result;
        }

        private static string? Combine(string? receiver, string? member)
        {
            if (member is null)
            {
                return receiver;
            }

            if (receiver is null)
            {
                return member;
            }

            // user.UserName → UserName, request.OrderId → OrderId (already a full name); order.Id → OrderId.
            var memberName = Sanitize(member);
            var receiverName = Sanitize(receiver);
            if (memberName.StartsWith(receiverName, StringComparison.OrdinalIgnoreCase) || WordCount(memberName) >= 2)
            {
                return memberName;
            }

            return receiverName + memberName;
        }

        private static int WordCount(string pascal)
        {
            var count = 0;
            for (var i = 0; i < pascal.Length; i++)
            {
                if (char.IsUpper(pascal[i]) && (i == 0 || !char.IsUpper(pascal[i - 1])))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Reads the raw name out of an expression.</summary>
        private readonly struct Reader
        {
            private readonly SemanticModel? _model;
            private readonly bool _qualify;

            public Reader(SemanticModel? model, bool qualify)
            {
                _model = model;
                _qualify = qualify;
            }

            public string? RawName(ExpressionSyntax? expression, int depth)
            {
                if (expression is null || depth > 6)
                {
                    return null;
                }

                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return RawName(parenthesized.Expression, depth + 1);
                    case CastExpressionSyntax cast:
                        return RawName(cast.Expression, depth + 1);
                    case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        return RawName(postfix.Operand, depth + 1);
                    case AwaitExpressionSyntax awaited:
                        return RawName(awaited.Expression, depth + 1);
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText;
                    case GenericNameSyntax generic:
                        return generic.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return Combine(ReceiverName(member.Expression, depth), member.Name.Identifier.ValueText);
                    case ConditionalAccessExpressionSyntax conditional:
                        return Combine(ReceiverName(conditional.Expression, depth), BindingName(conditional.WhenNotNull, depth));
                    case ElementAccessExpressionSyntax element:
                        if (element.ArgumentList.Arguments.Count == 1 &&
                            element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string key })
                        {
                            return key;
                        }

                        return RawName(element.Expression, depth + 1);
                    case InvocationExpressionSyntax invocation:
                        return InvocationName(invocation, depth);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                        return RawName(binary.Left, depth + 1);
                    default:
                        return null;
                }
            }

            private string? InvocationName(InvocationExpressionSyntax invocation, int depth)
            {
                ExpressionSyntax? receiver = null;
                string? methodName = null;
                switch (invocation.Expression)
                {
                    case MemberAccessExpressionSyntax member:
                        receiver = member.Expression;
                        methodName = member.Name.Identifier.ValueText;
                        break;
                    case IdentifierNameSyntax identifier:
                        methodName = identifier.Identifier.ValueText;
                        break;
                    case GenericNameSyntax generic:
                        methodName = generic.Identifier.ValueText;
                        break;
                    case MemberBindingExpressionSyntax binding:
                        methodName = binding.Name.Identifier.ValueText;
                        break;
                }

                if (methodName is null)
                {
                    return null;
                }

                if (PassThroughMethods.Contains(methodName))
                {
                    return receiver is null ? null : RawName(receiver, depth + 1);
                }

                if (methodName == "Join" && invocation.ArgumentList.Arguments.Count > 0)
                {
                    return RawName(invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression, depth + 1);
                }

                if (methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5)
                {
                    methodName = methodName.Substring(0, methodName.Length - 5);
                }

                if (methodName.StartsWith("Get", StringComparison.Ordinal) && methodName.Length > 3 && char.IsUpper(methodName[3]))
                {
                    methodName = methodName.Substring(3);
                }

                return Combine(receiver is null ? null : ReceiverName(receiver, depth), methodName);
            }

            private string? BindingName(ExpressionSyntax whenNotNull, int depth)
            {
                switch (whenNotNull)
                {
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return Combine(BindingName(member.Expression, depth + 1), member.Name.Identifier.ValueText);
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberBindingExpressionSyntax binding:
                        return PassThroughMethods.Contains(binding.Name.Identifier.ValueText) ? null : binding.Name.Identifier.ValueText;
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax member:
                        return PassThroughMethods.Contains(member.Name.Identifier.ValueText)
                            ? BindingName(member.Expression, depth + 1)
                            : Combine(BindingName(member.Expression, depth + 1), member.Name.Identifier.ValueText);
                    default:
                        return null;
                }
            }

            /// <summary>The last segment of a receiver (<c>request.Customer</c> → <c>Customer</c>); nothing for <c>this</c>, types and calls, or when names are not qualified.</summary>
            private string? ReceiverName(ExpressionSyntax receiver, int depth)
            {
                if (!_qualify)
                {
                    return null;
                }

                switch (receiver)
                {
                    case ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax:
                        return null;
                    case IdentifierNameSyntax identifier:
                        // Type receivers (DateTime.UtcNow, Environment.MachineName) add nothing.
                        var symbol = _model?.GetSymbolInfo(identifier).Symbol;
                        if (symbol is INamedTypeSymbol or INamespaceSymbol ||
                            (symbol is null && identifier.Identifier.ValueText.Length > 0 && char.IsUpper(identifier.Identifier.ValueText[0])))
                        {
                            return null;
                        }

                        return identifier.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return member.Name.Identifier.ValueText;
                    case ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax:
                        return RawName(receiver, depth + 1);
                    case ElementAccessExpressionSyntax element:
                        return RawName(element.Expression, depth + 1);
                    default:
                        return null;
                }
            }
        }
    }
}
