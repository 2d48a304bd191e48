using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>How a message template was built.</summary>
    internal enum TemplateForm
    {
        /// <summary>A constant, or something that is not built here (a parameter, a field, a method result).</summary>
        NotBuilt,
        Interpolated,
        Concatenated,

        /// <summary><c>string.Format</c>.</summary>
        Formatted,

        /// <summary><c>string.Concat</c>.</summary>
        StringConcat,

        /// <summary><c>string.Join</c>.</summary>
        StringJoin,

        /// <summary><c>FormattableString.Invariant</c>.</summary>
        FormattableInvariant,

        /// <summary><c>FormattableString.CurrentCulture</c>.</summary>
        FormattableCurrentCulture,

        StringBuilder,
    }

    /// <summary>
    /// Classifies a message-template expression: interpolation with a non-constant hole, concatenation with a
    /// non-constant part, <c>string.Format</c>/<c>Concat</c>/<c>Join</c> with a non-constant argument — directly or
    /// in a local of the same method whose writes build it so. Constant-only interpolation (<c>nameof</c>, consts) and
    /// plain variables (a parameter, a field, a method result) are not "built": the rule cannot see what they hold.
    /// </summary>
    internal static class TemplateForms
    {
        [MethodImpl(HotPath.Options)]
        public static TemplateForm Classify(IOperation? operation, out ILocalSymbol? local)
        {
            local = null;
            operation = Unwrap(operation);
            if (operation is ILocalReferenceOperation localReference)
            {
                var form = ClassifyLocal(localReference, depth: 0);
                if (form != TemplateForm.NotBuilt)
                {
                    local = localReference.Local;
                }

                return form;
            }

            return ClassifyExpression(operation, depth: 0);
        }

        [MethodImpl(HotPath.Options)]
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.IsImplicit || conversion.Type?.SpecialType == SpecialType.System_String || conversion.Type?.SpecialType == SpecialType.System_Object:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>True when the operation's value is known at compile time (a constant, nameof, or built only from such).</summary>
        public static bool IsConstantLike(IOperation? operation)
        {
            operation = Unwrap(operation);
            if (operation is null)
            {
                return true;
            }

            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case INameOfOperation:
                    return true;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && !IsConstantLike(hole.Expression))
                        {
                            return false;
                        }
                    }

                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return IsConstantLike(binary.LeftOperand) && IsConstantLike(binary.RightOperand);
                default:
                    return false;
            }
        }

        [MethodImpl(HotPath.Options)]
        private static TemplateForm ClassifyExpression(IOperation? operation, int depth)
        {
            operation = Unwrap(operation);
            if (operation is null || operation.ConstantValue.HasValue || depth > 4)
            {
                return TemplateForm.NotBuilt;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation:
                    return IsConstantLike(operation) ? TemplateForm.NotBuilt : TemplateForm.Interpolated;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return IsConstantLike(binary) ? TemplateForm.NotBuilt : TemplateForm.Concatenated;
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: { Type: { Name: "StringBuilder" } builderType } }
                    when builderType.ContainingNamespace?.ToDisplayString() == "System.Text":
                    return TemplateForm.StringBuilder;
                case IInvocationOperation invocation when IsStringBuildingMethod(invocation.TargetMethod):
                    var built = FormOfBuilder(invocation.TargetMethod);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                if (!IsConstantLike(element))
                                {
                                    return built;
                                }
                            }
                        }
                        else if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsConstantLike(argument.Value) &&
                                 argument.Parameter?.Type.Name != "IFormatProvider")
                        {
                            return built;
                        }
                    }

                    return TemplateForm.NotBuilt;
                case IConditionalOperation conditional:
                    {
                        var whenTrue = ClassifyExpression(conditional.WhenTrue, depth + 1);
                        return whenTrue != TemplateForm.NotBuilt ? whenTrue : ClassifyExpression(conditional.WhenFalse, depth + 1);
                    }

                case ICoalesceOperation coalesce:
                    {
                        var value = ClassifyExpression(coalesce.Value, depth + 1);
                        return value != TemplateForm.NotBuilt ? value : ClassifyExpression(coalesce.WhenNull, depth + 1);
                    }

                default:
                    return TemplateForm.NotBuilt;
            }
        }

        private static TemplateForm FormOfBuilder(IMethodSymbol method) => method.Name switch
        {
            "Concat" => TemplateForm.StringConcat,
            "Join" => TemplateForm.StringJoin,
            "Invariant" => TemplateForm.FormattableInvariant,
            "CurrentCulture" => TemplateForm.FormattableCurrentCulture,
            _ => TemplateForm.Formatted,
        };

        public static bool IsStringBuildingMethod(IMethodSymbol? method)
        {
            if (method is null || !method.IsStatic)
            {
                return false;
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return method.Name is "Format" or "Concat" or "Join";
            }

            // FormattableString.Invariant($"...") / CurrentCulture($"...")
            return method.Name is "Invariant" or "CurrentCulture" &&
                   method.ContainingType is { Name: "FormattableString" } type && type.ContainingNamespace?.ToDisplayString() == "System";
        }

        /// <summary>
        /// A local whose initializer or assignments (in its method) build the string. Compound <c>+=</c> counts as concatenation.
        /// </summary>
        private static TemplateForm ClassifyLocal(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            var model = reference.SemanticModel;
            if (model is null || local.Type?.SpecialType != SpecialType.System_String || local.DeclaringSyntaxReferences.Length != 1)
            {
                return TemplateForm.NotBuilt;
            }

            var declarator = local.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax;
            if (declarator is null)
            {
                return TemplateForm.NotBuilt;
            }

            if (declarator.Initializer is { } initializer && model.GetOperation(initializer.Value) is { } initialValue)
            {
                var form = ClassifyExpression(initialValue, depth + 1);
                if (form != TemplateForm.NotBuilt)
                {
                    return form;
                }
            }

            // Later writes in the same body: `message = $"..."`, `message += x`.
            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or ArrowExpressionClauseSyntax && n.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax)
                ?? declarator.FirstAncestorOrSelf<BlockSyntax>();
            if (body is null || body.SyntaxTree != model.SyntaxTree)
            {
                return TemplateForm.NotBuilt;
            }

            var name = local.Name;
            foreach (var node in body.DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || assignment.Left is not IdentifierNameSyntax identifier ||
                    identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, local))
                {
                    continue;
                }

                if (assignment.IsKind(SyntaxKind.AddAssignmentExpression))
                {
                    if (model.GetOperation(assignment.Right) is { } added && !IsConstantLike(added))
                    {
                        return TemplateForm.Concatenated;
                    }
                }
                else if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && model.GetOperation(assignment.Right) is { } assigned)
                {
                    var form = ClassifyExpression(assigned, depth + 1);
                    if (form != TemplateForm.NotBuilt)
                    {
                        return form;
                    }
                }
            }

            return TemplateForm.NotBuilt;
        }

        public static string Describe(TemplateForm form, ILocalSymbol? local)
        {
            var what = form switch
            {
                TemplateForm.Interpolated => "an interpolated string",
                TemplateForm.Concatenated => "a concatenation",
                TemplateForm.Formatted => "built with string.Format",
                TemplateForm.StringConcat => "built with string.Concat",
                TemplateForm.StringJoin => "built with string.Join",
                TemplateForm.FormattableInvariant => "built with FormattableString.Invariant",
                TemplateForm.FormattableCurrentCulture => "built with FormattableString.CurrentCulture",
                TemplateForm.StringBuilder => "built with a StringBuilder",
                _ => "not constant",
            };
            return local is null ? what : $"{what} stored in local '{local.Name}'";
        }
    }
}
