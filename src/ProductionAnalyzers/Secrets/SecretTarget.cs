using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>Where a literal goes, as the rule names it.</summary>
    internal enum TargetKind
    {
        None,
        Variable,
        Constant,
        Field,
        Property,
        ParameterDefault,
        Assignment,
        IndexerKey,
        NamedArgument,
        KeyValuePair,
        PositionalArgument,
        AttributeArgument,
        AnonymousMember,
        Return,
    }

    /// <summary>
    /// The name a literal is given: the variable, field, property, parameter, named argument, anonymous-object member,
    /// dictionary key or configuration key it is assigned to or passed as. Syntax only; a positional argument is resolved
    /// by the caller with the semantic model, after the cheap value checks.
    /// </summary>
    internal readonly struct SecretTarget
    {
        public SecretTarget(TargetKind kind, string? name, bool bytes, ExpressionSyntax value, SyntaxNode? call, int argumentIndex, string? key = null)
        {
            Key = key;
            Kind = kind;
            Name = name;
            Bytes = bytes;
            Value = value;
            Call = call;
            ArgumentIndex = argumentIndex;
        }

        public TargetKind Kind { get; }

        public string? Name { get; }

        /// <summary>The literal was turned into bytes (<c>Encoding.UTF8.GetBytes("…")</c>, a byte array): a bare <c>key</c> is a key.</summary>
        public bool Bytes { get; }

        /// <summary>The outermost expression that carries the literal's value (the <c>GetBytes</c> call, the <c>??</c> right side...).</summary>
        public ExpressionSyntax Value { get; }

        /// <summary>For a positional argument: the invocation, object creation or attribute.</summary>
        public SyntaxNode? Call { get; }

        public int ArgumentIndex { get; }

        /// <summary>
        /// For the second of two positional arguments whose first is a string literal: that literal, which may name the second
        /// (<c>headers.Add("X-Api-Key", "…")</c>, <c>new KeyValuePair&lt;string, string&gt;("Smtp:Password", "…")</c>) or not
        /// (<c>new NetworkCredential("user", "…")</c>, where the parameter names it).
        /// </summary>
        public string? Key { get; }

        /// <summary>The target of <paramref name="expression"/>, walking up through parentheses, casts, <c>?:</c>, <c>??</c> and byte conversions.</summary>
        [MethodImpl(HotPath.Options)]
        public static SecretTarget Find(ExpressionSyntax expression, bool bytes)
        {
            var node = expression;
            for (var depth = 0; depth < 8; depth++)
            {
                var parent = node.Parent;
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                        node = (ExpressionSyntax)parent;
                        continue;
                    case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                        node = conditional;
                        continue;
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Right == node:
                        node = coalesce;
                        continue;
                    case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent?.Parent is SwitchExpressionSyntax switchExpression:
                        node = switchExpression;
                        continue;
                    case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax call &&
                                                                   access.Name.Identifier.ValueText is "ToArray" or "ToCharArray":
                        bytes = true;
                        node = call;
                        continue;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax conversion, Arguments.Count: 1 } } when IsByteConversion(conversion):
                        bytes = true;
                        node = conversion;
                        continue;
                }

                return FromParent(node, bytes);
            }

            return new SecretTarget(TargetKind.None, null, bytes, node, null, -1);
        }

        /// <summary><c>Encoding.UTF8.GetBytes(x)</c>, <c>Encoding.ASCII.GetBytes(x)</c>, <c>Convert.FromBase64String(x)</c>, <c>Convert.FromHexString(x)</c>.</summary>
        private static bool IsByteConversion(InvocationExpressionSyntax invocation)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member)
            {
                return false;
            }

            var name = member.Name.Identifier.ValueText;
            return name == "GetBytes" && member.Expression.ToString().IndexOf("Encoding", System.StringComparison.Ordinal) >= 0 ||
                   name is "FromBase64String" or "FromHexString";
        }

        [MethodImpl(HotPath.Options)]
        private static SecretTarget FromParent(ExpressionSyntax node, bool bytes)
        {
            switch (node.Parent)
            {
                case EqualsValueClauseSyntax equals:
                    return equals.Parent switch
                    {
                        VariableDeclaratorSyntax declarator => new SecretTarget(
                            IsConst(declarator) ? TargetKind.Constant : declarator.Parent?.Parent is FieldDeclarationSyntax ? TargetKind.Field : TargetKind.Variable,
                            declarator.Identifier.ValueText, bytes, node, null, -1),
                        PropertyDeclarationSyntax property => new SecretTarget(TargetKind.Property, property.Identifier.ValueText, bytes, node, null, -1),
                        ParameterSyntax parameter => new SecretTarget(TargetKind.ParameterDefault, parameter.Identifier.ValueText, bytes, node, null, -1),
                        _ => None(node, bytes),
                    };
                case ArrowExpressionClauseSyntax arrow:
                    return new SecretTarget(TargetKind.Return, MemberName(arrow.Parent), bytes, node, null, -1);
                case ReturnStatementSyntax:
                    {
                        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
                        {
                            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                            {
                                return None(node, bytes);
                            }

                            if (current is AccessorDeclarationSyntax or MemberDeclarationSyntax)
                            {
                                return new SecretTarget(TargetKind.Return, MemberName(current), bytes, node, null, -1);
                            }
                        }

                        return None(node, bytes);
                    }

                case AssignmentExpressionSyntax assignment when assignment.Right == node &&
                                                                (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)):
                    {
                        var assigned = (AssignmentExpressionSyntax)node.Parent;
                        return assigned.Left switch
                        {
                            IdentifierNameSyntax identifier => new SecretTarget(TargetKind.Assignment, identifier.Identifier.ValueText, bytes, node, null, -1),
                            MemberAccessExpressionSyntax member => new SecretTarget(TargetKind.Assignment, member.Name.Identifier.ValueText, bytes, node, null, -1),
                            MemberBindingExpressionSyntax binding => new SecretTarget(TargetKind.Assignment, binding.Name.Identifier.ValueText, bytes, node, null, -1),
                            ElementAccessExpressionSyntax element => new SecretTarget(TargetKind.IndexerKey, FirstStringArgument(element.ArgumentList), bytes, node, null, -1),
                            ImplicitElementAccessSyntax implicitElement => new SecretTarget(TargetKind.IndexerKey, FirstStringArgument(implicitElement.ArgumentList), bytes, node, null, -1),
                            _ => None(node, bytes),
                        };
                    }

                case ArgumentSyntax argument:
                    return FromArgument(argument, node, bytes);
                case AttributeArgumentSyntax attributeArgument:
                    {
                        if (attributeArgument.NameEquals is { } nameEquals)
                        {
                            return new SecretTarget(TargetKind.AttributeArgument, nameEquals.Name.Identifier.ValueText, bytes, node, null, -1);
                        }

                        if (attributeArgument.NameColon is { } nameColon)
                        {
                            return new SecretTarget(TargetKind.AttributeArgument, nameColon.Name.Identifier.ValueText, bytes, node, null, -1);
                        }

                        if (attributeArgument.Parent is AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
                        {
                            return new SecretTarget(TargetKind.AttributeArgument, null, bytes, node, attribute, list.Arguments.IndexOf(attributeArgument));
                        }

                        return None(node, bytes);
                    }

                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } anonymousName }:
                    return new SecretTarget(TargetKind.AnonymousMember, anonymousName.Name.Identifier.ValueText, bytes, node, null, -1);
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } complex
                    when complex.Expressions.Count == 2 && complex.Expressions[1] == node:
                    return new SecretTarget(TargetKind.KeyValuePair, StringValue(complex.Expressions[0]), bytes, node, null, -1);
            }

            return None(node, bytes);
        }

        [MethodImpl(HotPath.Options)]
        private static SecretTarget FromArgument(ArgumentSyntax argument, ExpressionSyntax node, bool bytes)
        {
            if (argument.NameColon is { } nameColon)
            {
                return new SecretTarget(TargetKind.NamedArgument, nameColon.Name.Identifier.ValueText, bytes, node, null, -1);
            }

            if (argument.Parent is TupleExpressionSyntax tuple)
            {
                // ("Smtp:Password", "…"): a key/value pair.
                var tupleIndex = tuple.Arguments.IndexOf(argument);
                return tupleIndex == 1 && tuple.Arguments.Count == 2
                    ? new SecretTarget(TargetKind.KeyValuePair, StringValue(tuple.Arguments[0].Expression), bytes, node, null, -1)
                    : None(node, bytes);
            }

            if (argument.Parent is not ArgumentListSyntax list || list.Parent is null)
            {
                return None(node, bytes);
            }

            var index = list.Arguments.IndexOf(argument);

            // headers.Add("X-Api-Key", "…"), new KeyValuePair<string, string>("Smtp:Password", "…"), dict.Add("password", "…"):
            // the first argument names the second.
            var key = index == 1 && list.Arguments[0].NameColon is null ? StringValue(list.Arguments[0].Expression) : null;
            return list.Parent is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax
                ? new SecretTarget(TargetKind.PositionalArgument, null, bytes, node, list.Parent, index, key)
                : None(node, bytes);
        }

        private static SecretTarget None(ExpressionSyntax node, bool bytes) => new SecretTarget(TargetKind.None, null, bytes, node, null, -1);

        [MethodImpl(HotPath.Options)]
        private static bool IsConst(VariableDeclaratorSyntax declarator) =>
            declarator.Parent?.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            };

        private static string? FirstStringArgument(BracketedArgumentListSyntax list) =>
            list.Arguments.Count == 1 ? StringValue(list.Arguments[0].Expression) : null;

        /// <summary>The text of a string literal or a <c>nameof</c>, else null.</summary>
        internal static string? StringValue(ExpressionSyntax expression) =>
            expression switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments } =>
                    arguments[0].Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : arguments[0].Expression.ToString(),
                _ => null,
            };

        /// <summary>The name of the member a <c>return</c> or <c>=&gt;</c> belongs to; <c>GetApiKey()</c> → <c>ApiKey</c>.</summary>
        private static string? MemberName(SyntaxNode? member)
        {
            switch (member)
            {
                case AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration):
                    return property.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    {
                        var name = method.Identifier.ValueText;
                        return name.StartsWith("Get", System.StringComparison.Ordinal) && name.Length > 3 ? name.Substring(3) : name;
                    }

                default:
                    return null;
            }
        }
    }
}
