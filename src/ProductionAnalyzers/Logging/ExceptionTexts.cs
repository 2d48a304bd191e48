using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>An exception written into a message as text: <c>ex</c>, <c>ex.Message</c>, <c>ex.ToString()</c>, <c>ex.StackTrace</c>.</summary>
    internal readonly struct ExceptionText
    {
        public ExceptionText(IOperation text, IOperation exception, ISymbol? exceptionSymbol, bool isSummary = false)
        {
            Text = text;
            Exception = exception;
            ExceptionSymbol = exceptionSymbol;
            IsSummary = isSummary;
        }

        /// <summary>
        /// True for <c>ex.Message</c>: a one-line summary. False for the exception itself or <c>ex.ToString()</c>/<c>ex.StackTrace</c>,
        /// a stack trace flattened into the message.
        /// </summary>
        public bool IsSummary { get; }

        /// <summary>The expression that turns the exception into text (or the exception itself, as a value).</summary>
        public IOperation Text { get; }

        /// <summary>The exception to pass instead (the root of <c>ex.InnerException.Message</c> is <c>ex</c>).</summary>
        public IOperation Exception { get; }

        /// <summary>The local, parameter, field or property the exception is read from, when it is one.</summary>
        public ISymbol? ExceptionSymbol { get; }
    }

    /// <summary>
    /// Finds exception text in a message template (holes, concatenated parts, string.Format arguments) and in values
    /// (also the members of an anonymous object passed as a value).
    /// </summary>
    internal static class ExceptionTexts
    {
        [MethodImpl(HotPath.Options)]
        public static void Collect(IOperation? operation, INamedTypeSymbol? exceptionType, List<ExceptionText> found, int depth = 0)
        {
            operation = TemplateForms.Unwrap(operation);
            if (operation is null || depth > 6 || operation.ConstantValue.HasValue)
            {
                return;
            }

            if (TryGetExceptionText(operation, exceptionType, out var text))
            {
                found.Add(text);
                return;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            Collect(hole.Expression, exceptionType, found, depth + 1);
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Collect(binary.LeftOperand, exceptionType, found, depth + 1);
                    Collect(binary.RightOperand, exceptionType, found, depth + 1);
                    break;
                case IAnonymousObjectCreationOperation anonymous when depth == 0:
                    // LogError("Failed {@Err}", new { Error = ex.Message }): a value's members are written out too.
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation assignment)
                        {
                            Collect(assignment.Value, exceptionType, found, depth + 1);
                        }
                    }

                    break;
                case IInvocationOperation invocation when TemplateForms.IsStringBuildingMethod(invocation.TargetMethod):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                Collect(element, exceptionType, found, depth + 1);
                            }
                        }
                        else
                        {
                            Collect(argument.Value, exceptionType, found, depth + 1);
                        }
                    }

                    break;
            }
        }

        [MethodImpl(HotPath.Options)]
        public static bool TryGetExceptionText(IOperation operation, INamedTypeSymbol? exceptionType, out ExceptionText text)
        {
            text = default;
            operation = TemplateForms.Unwrap(operation)!;
            switch (operation)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                    when IsException(operation.Type, exceptionType) || IsCatchVariable(operation):
                    {
                        var root = Root(operation, exceptionType);
                        text = new ExceptionText(operation, root, ReferencedSymbol(root));
                        return true;
                    }

                case IPropertyReferenceOperation { Property.Name: "Message" or "StackTrace", Instance: { } instance } when TypeHierarchy.DerivesFrom(instance.Type, exceptionType):
                    return Make(operation, instance, exceptionType, out text);
                case IInvalidOperation invalid when TryGetUnresolvedExceptionText(invalid, out text):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance } when TypeHierarchy.DerivesFrom(instance.Type, exceptionType):
                    return Make(operation, instance, exceptionType, out text);
                case IConditionalAccessOperation conditional when IsException(conditional.Operation.Type, exceptionType):
                    {
                        var whenNotNull = TemplateForms.Unwrap(conditional.WhenNotNull);
                        if (whenNotNull is IPropertyReferenceOperation { Property.Name: "Message" or "StackTrace", Instance: IConditionalAccessInstanceOperation } or
                            IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: IConditionalAccessInstanceOperation })
                        {
                            return Make(operation, conditional.Operation, exceptionType, out text);
                        }

                        return false;
                    }

                default:
                    return false;
            }
        }

        private static bool Make(IOperation textOperation, IOperation instance, INamedTypeSymbol? exceptionType, out ExceptionText text)
        {
            var root = Root(instance, exceptionType);
            var unwrapped = TemplateForms.Unwrap(root);
            if (unwrapped is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                text = default;
                return false;
            }

            text = new ExceptionText(textOperation, unwrapped, ReferencedSymbol(unwrapped), IsSummaryText(textOperation));
            return true;
        }

        private static bool IsSummaryText(IOperation textOperation) => textOperation switch
        {
            IPropertyReferenceOperation { Property.Name: "Message" } => true,
            IConditionalAccessOperation conditional => TemplateForms.Unwrap(conditional.WhenNotNull) is IPropertyReferenceOperation { Property.Name: "Message" },
            _ => false,
        };

        /// <summary>
        /// The type is <paramref name="exceptionType"/> or derives from it. Only a class can: the values of other kinds (and
        /// strings, objects, the other special types) are rejected without walking their base types, as almost every
        /// argument of almost every call is.
        /// </summary>
        private static bool IsException(ITypeSymbol? type, INamedTypeSymbol? exceptionType) =>
            type is { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } && TypeHierarchy.DerivesFrom(type, exceptionType);

        /// <summary>
        /// The variable of a <c>catch</c> clause is an exception whatever its type binds to (a missing reference, a name made
        /// ambiguous by implicit usings).
        /// </summary>
        public static bool IsCatchVariable(IOperation operation)
        {
            if (operation is not ILocalReferenceOperation { Local: { } local } || local.Type is not { TypeKind: TypeKind.Error })
            {
                return false;
            }

            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is CatchDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>ex.Message</c>, <c>ex.StackTrace</c>, <c>ex.ToString()</c> on a catch variable whose type does not resolve.</summary>
        private static bool TryGetUnresolvedExceptionText(IInvalidOperation invalid, out ExceptionText text)
        {
            text = default;
            var (member, receiver) = invalid.Syntax switch
            {
                MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, access.Expression),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 } => (access.Name.Identifier.ValueText + "()", access.Expression),
                _ => (null, null),
            };
            if (member is not ("Message" or "StackTrace" or "ToString()") || receiver is not IdentifierNameSyntax)
            {
                return false;
            }

            foreach (var candidate in invalid.Descendants())
            {
                if (candidate.Syntax == receiver && IsCatchVariable(candidate))
                {
                    text = new ExceptionText(invalid, candidate, ReferencedSymbol(candidate), member == "Message");
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>ex.InnerException</c>, <c>ex.GetBaseException()</c> → <c>ex</c>: passing the outer exception logs the inner ones too.</summary>
        public static IOperation Root(IOperation operation, INamedTypeSymbol? exceptionType)
        {
            var current = TemplateForms.Unwrap(operation)!;
            while (true)
            {
                switch (current)
                {
                    case IPropertyReferenceOperation { Property.Name: "InnerException", Instance: { } instance } when TypeHierarchy.DerivesFrom(instance.Type, exceptionType):
                        current = TemplateForms.Unwrap(instance)!;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } instance } when TypeHierarchy.DerivesFrom(instance.Type, exceptionType):
                        current = TemplateForms.Unwrap(instance)!;
                        continue;
                    case IConditionalAccessOperation conditional when TypeHierarchy.DerivesFrom(conditional.Operation.Type, exceptionType) &&
                        TemplateForms.Unwrap(conditional.WhenNotNull) is IPropertyReferenceOperation { Property.Name: "InnerException", Instance: IConditionalAccessInstanceOperation }:
                        current = TemplateForms.Unwrap(conditional.Operation)!;
                        continue;
                    default:
                        return current;
                }
            }
        }

        public static ISymbol? ReferencedSymbol(IOperation? operation)
        {
            return TemplateForms.Unwrap(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
        }
    }
}
