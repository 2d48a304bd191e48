using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// Turns the operation that gives a SQL text into segments: constant text, non-constant parts (with how far they can
    /// be trusted) and alternatives. Follows locals and <c>StringBuilder</c>s of the method, and helpers, properties and
    /// readonly fields of the compilation that return text built the same way. Intra-procedural apart from those
    /// bounded look-ups.
    /// </summary>
    internal sealed partial class SqlTextEvaluator
    {
        private const int MaxDepth = 4;
        private const int MaxSteps = 4000;

        /// <summary>The most elements of an array literal whose members are read one by one (<c>t.Table</c> of each element).</summary>
        private const int MaxSetElements = 64;

        private readonly SqlApis _apis;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<IParameterSymbol> _safeParameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        private int _steps;

        public SqlTextEvaluator(SqlApis apis, CancellationToken cancellationToken)
        {
            _apis = apis;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The text was built (concatenation, interpolation, Format, Concat, Join, StringBuilder) somewhere.</summary>
        public bool Built { get; private set; }

        /// <summary>The evaluation ran out of budget; the result must not be reported.</summary>
        public bool GaveUp => _steps > MaxSteps;

        [MethodImpl(HotPath.Options)]
        public List<SqlSegment> Evaluate(IOperation text, MethodIndex index, INamedTypeSymbol? containingType)
        {
            var frame = new Frame(index, containingType, null, 0);
            return Eval(text, frame);
        }

        /// <summary>
        /// The elements of a collection a caller passes for a parameter the judged method loops over, each as text; one
        /// part for the whole collection when its elements are not known (the caller's own collection parameter is
        /// marked, so that its callers are judged in turn).
        /// </summary>
        public List<SqlSegment> EvaluateElements(IOperation sequence, MethodIndex index, INamedTypeSymbol? containingType)
        {
            var frame = new Frame(index, containingType, null, 0);
            var elements = EvalSequence(sequence, frame, 0);
            if (elements is not null && elements.Count > 0)
            {
                return elements.Count == 1 ? elements[0] : Choice(elements.ToArray());
            }

            var whole = HoleFor(sequence, SqlOperations.Unwrap(sequence));
            if (SqlOperations.Unwrap(sequence) is IParameterReferenceOperation parameter && whole[0] is HoleSegment { Kind: HoleKind.Unsafe } hole)
            {
                return new List<SqlSegment> { hole.OfParameter(parameter.Parameter, elementOfParameter: true) };
            }

            return whole;
        }

        private sealed class Frame
        {
            public Frame(MethodIndex index, INamedTypeSymbol? containingType, Dictionary<IParameterSymbol, (IOperation Value, Frame Frame)>? arguments, int depth)
            {
                Index = index;
                ContainingType = containingType;
                Arguments = arguments;
                Depth = depth;
            }

            public MethodIndex Index { get; }

            public INamedTypeSymbol? ContainingType { get; }

            public Dictionary<IParameterSymbol, (IOperation Value, Frame Frame)>? Arguments { get; }

            public int Depth { get; }

            public Dictionary<(ILocalSymbol, int), List<SqlSegment>> Memo { get; } = new Dictionary<(ILocalSymbol, int), List<SqlSegment>>();

            public Dictionary<ILocalSymbol, List<SqlSegment>> Assigning { get; } = new Dictionary<ILocalSymbol, List<SqlSegment>>(SymbolEqualityComparer.Default);
        }

        private static List<SqlSegment> Text(string text) => new List<SqlSegment> { new TextSegment(text) };

        private static List<SqlSegment> Hole(IOperation operation, HoleKind kind) =>
            new List<SqlSegment>
            {
                new HoleSegment(operation, kind),
            };

        private static List<SqlSegment> HoleFor(IOperation original, IOperation unwrapped)
        {
            // Code that does not bind (half-typed, missing references) is never reported.
            if (unwrapped is IInvalidOperation || unwrapped.Type is null || unwrapped.Type.TypeKind == TypeKind.Error)
            {
                return Hole(original, HoleKind.Safe);
            }

            return Hole(original, SqlOperations.IsSafeType(unwrapped.Type) ? HoleKind.SafeType : HoleKind.Unsafe);
        }

        [MethodImpl(HotPath.Options)]
        private List<SqlSegment> Eval(IOperation? operation, Frame frame)
        {
            if (operation is null)
            {
                return new List<SqlSegment>();
            }

            if (++_steps > MaxSteps)
            {
                return Hole(operation, HoleKind.Safe);
            }

            _cancellationToken.ThrowIfCancellationRequested();

            if (operation.ConstantValue.HasValue)
            {
                return ConstantText(operation.ConstantValue.Value);
            }

            var original = operation;
            operation = SqlOperations.Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return ConstantText(operation.ConstantValue.Value);
            }

            if (operation.Type is { } type && !SqlOperations.IsString(type) && SqlOperations.IsSafeType(type))
            {
                return Hole(original, HoleKind.SafeType);
            }

            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IMemberReferenceOperation && frame.Index.IsValidated(operation))
            {
                return Hole(original, HoleKind.Safe);
            }

            if (_apis.StringBuilder is not null && SymbolEqualityComparer.Default.Equals(operation.Type, _apis.StringBuilder))
            {
                // "… WHERE " + sb, $"… {sb}": the builder's text, as sb.ToString() gives it.
                switch (operation)
                {
                    case ILocalReferenceOperation builderLocal:
                        return EvalStringBuilder(builderLocal.Local, operation.Syntax.SpanStart, frame);
                    case IObjectCreationOperation or IInvocationOperation:
                        return EvalBuilderExpression(operation, frame, 0);
                }
            }

            // (string)row[1] of a catalogue row in a lambda over the rows; reader.GetString(0), reader["name"] of a reader
            // over a catalogue query.
            if (operation is IArrayElementReferenceOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation &&
                (IsPieceOfSafeElement(operation) || IsCatalogReaderRead(operation, frame)))
            {
                return Hole(original, HoleKind.Safe);
            }

            // Columns[sort] on a readonly map field: the value comes from the map.
            if (operation is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } mapInstance } && IsReadOnlyMapField(mapInstance))
            {
                return Hole(original, HoleKind.Safe);
            }

            switch (operation)
            {
                case IAwaitOperation { Operation: IInvocationOperation awaited } when IsEmbeddedResourceRead(awaited, frame, 0):
                    return Hole(original, HoleKind.Safe);

                case IArrayElementReferenceOperation { Indices.Length: 1 } element when EvalConstantElement(element.ArrayReference, frame) is { } constantElement:
                    return constantElement;

                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } when
                    SqlOperations.IsString(operation.Type) && EvalConstantElement(list, frame) is { } constantItem:
                    return constantItem;

                case IImplicitIndexerReferenceOperation { Instance: { } cut } when SqlOperations.IsString(operation.Type) && SqlOperations.IsString(cut.Type):
                    // name[start..], name[..end]: a cut of the text, as Substring gives it.
                    var whole = Eval(cut, frame);
                    return IsConstantOnly(whole) ? Text("x") : whole;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when SqlOperations.IsString(binary.Type) || SqlOperations.IsString(binary.LeftOperand.Type) || SqlOperations.IsString(binary.RightOperand.Type):
                    return EvalConcatenation(binary, frame);

                case IInterpolatedStringOperation interpolated:
                    return EvalInterpolation(interpolated, frame);

                case IInterpolatedStringHandlerCreationOperation handler:
                    // sb.Append($"...") and sb.AppendLine($"...") bind to StringBuilder's interpolated string handler.
                    return Eval(handler.Content, frame);

                case IInvocationOperation invocation:
                    return EvalInvocation(original, invocation, frame);

                case ILocalReferenceOperation local:
                    return EvalLocal(local, frame);

                case IParameterReferenceOperation parameter:
                    if (frame.Arguments is not null && frame.Arguments.TryGetValue(parameter.Parameter, out var argument))
                    {
                        return Eval(argument.Value, argument.Frame);
                    }

                    if (_safeParameters.Count > 0 && _safeParameters.Contains(parameter.Parameter))
                    {
                        return Hole(original, HoleKind.Safe);
                    }

                    if (ElementOfLambdaSource(parameter) is { } source && EvalSequence(source, frame, 0) is { Count: > 0 } sourceElements)
                    {
                        // new[] { "Series", "Tags" }.SelectMany(table => Read(table)): the lambda's parameter is an element
                        // of the sequence the call runs over, like a foreach variable.
                        return sourceElements.Count == 1 ? sourceElements[0] : Choice(sourceElements.ToArray());
                    }

                    if (frame.Depth > 0 && (TrustedByConstructorCalls(parameter.Parameter, 0) || TrustedByMethodCalls(parameter.Parameter)))
                    {
                        // A constructor parameter stored in a member (Schema = schema): every creation and base(…) call
                        // passes trusted text or leaves the optional parameter out.
                        return Hole(original, HoleKind.Safe);
                    }

                    var parameterHole = HoleFor(original, operation);
                    if (frame.Depth == 0 && frame.Arguments is null && parameterHole[0] is HoleSegment { Kind: HoleKind.Unsafe } unsafeParameter)
                    {
                        // A parameter of the method being analyzed: judged by what its callers pass (see SqlCallSites).
                        return new List<SqlSegment>
                        {
                            unsafeParameter.OfParameter(parameter.Parameter),
                        };
                    }

                    return parameterHole;

                case IFieldReferenceOperation field:
                    return EvalField(original, field, frame);

                case IPropertyReferenceOperation property:
                    return EvalProperty(original, property, frame);

                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    return Choice(Eval(conditional.WhenTrue, frame), Eval(conditional.WhenFalse, frame));

                case ICoalesceOperation coalesce:
                    return Choice(Eval(coalesce.Value, frame), Eval(coalesce.WhenNull, frame));

                case ISwitchExpressionOperation switchExpression:
                    var arms = new List<List<SqlSegment>>();
                    foreach (var arm in switchExpression.Arms)
                    {
                        arms.Add(Eval(arm.Value, frame));
                    }

                    return Choice(arms.ToArray());

                case IThrowOperation:
                case IDefaultValueOperation:
                    return new List<SqlSegment>();

                default:
                    return HoleFor(original, operation);
            }
        }

        private static bool IsReadOnlyMapField(IOperation instance) =>
            SqlOperations.Unwrap(instance) is IFieldReferenceOperation { Field.IsReadOnly: true } mapField &&
            mapField.Field.Type.Name.IndexOf("Dictionary", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// <c>Columns.GetValueOrDefault(sort, "Name")</c> on a readonly map field: a value of the map, or the fallback.
        /// </summary>
        private List<SqlSegment>? EvalMapLookup(IOperation original, IInvocationOperation invocation, Frame frame)
        {
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments;
            IOperation? map;
            int keyIndex;
            if (method.IsExtensionMethod || (method.IsStatic && arguments.Length > 0))
            {
                map = arguments.Length > 0 ? arguments[0].Value : null;
                keyIndex = 1;
            }
            else
            {
                map = invocation.Instance;
                keyIndex = 0;
            }

            if (map is null || !IsReadOnlyMapField(map) || arguments.Length <= keyIndex)
            {
                return null;
            }

            var found = Hole(original, HoleKind.Safe);
            for (var i = keyIndex + 1; i < arguments.Length; i++)
            {
                if (arguments[i].ArgumentKind == ArgumentKind.Explicit)
                {
                    return Choice(found, Eval(arguments[i].Value, frame));
                }
            }

            return found;
        }

        private static List<SqlSegment> ConstantText(object? value)
        {
            return value switch
            {
                null => new List<SqlSegment>(),
                string s => Text(s),
                IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => Text(value.ToString() ?? string.Empty),
            };
        }

        private static List<SqlSegment> Choice(params List<SqlSegment>[] alternatives)
        {
            // Identical constant alternatives collapse; otherwise keep every branch.
            return new List<SqlSegment> { new ChoiceSegment(alternatives) };
        }

        private List<SqlSegment> EvalConcatenation(IBinaryOperation binary, Frame frame)
        {
            Built = true;

            // Long concatenations nest to the left; walk them without recursion.
            var operands = new Stack<IOperation>();
            IOperation current = binary;
            while (true)
            {
                var unwrapped = SqlOperations.Unwrap(current);
                if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner && !unwrapped.ConstantValue.HasValue &&
                    (SqlOperations.IsString(inner.Type) || SqlOperations.IsString(inner.LeftOperand.Type) || SqlOperations.IsString(inner.RightOperand.Type)))
                {
                    operands.Push(inner.RightOperand);
                    current = inner.LeftOperand;
                    continue;
                }

                operands.Push(current);
                break;
            }

            var result = new List<SqlSegment>();
            while (operands.Count > 0)
            {
                result.AddRange(Eval(operands.Pop(), frame));
            }

            return result;
        }

        [MethodImpl(HotPath.Options)]
        private List<SqlSegment> EvalInterpolation(IInterpolatedStringOperation interpolated, Frame frame)
        {
            Built = true;
            var result = new List<SqlSegment>();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        if (text.Text.ConstantValue.Value is string value)
                        {
                            result.Add(new TextSegment(value));
                        }

                        break;
                    case IInterpolationOperation interpolation:
                        if (interpolation.Alignment is null && interpolation.FormatString is null)
                        {
                            result.AddRange(Eval(interpolation.Expression, frame));
                        }
                        else
                        {
                            var unwrapped = SqlOperations.Unwrap(interpolation.Expression);
                            result.AddRange(HoleFor(interpolation.Expression, unwrapped));
                        }

                        break;
                    case IInterpolatedStringAppendOperation append:
                        result.AddRange(EvalAppendCall(append.AppendCall, frame));
                        break;
                }
            }

            return result;
        }

        /// <summary>
        /// The argument at the followed call behind a parameter of the helper being followed, or behind the variable of a
        /// type pattern on it (<c>value is IFormattable f</c>): <c>FormatInvariant&lt;T&gt;(T value) =&gt; value is
        /// IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : …</c> formats what its caller passed.
        /// </summary>
        private static (IOperation Value, Frame Frame)? ArgumentBehind(IOperation receiver, Frame frame)
        {
            if (frame.Arguments is null)
            {
                return null;
            }

            var name = receiver switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.Length == 1 &&
                    local.Local.DeclaringSyntaxReferences[0].GetSyntax() is SingleVariableDesignationSyntax
                    {
                        Parent: DeclarationPatternSyntax { Parent: IsPatternExpressionSyntax { Expression: IdentifierNameSyntax input } },
                    } => input.Identifier.ValueText,
                _ => null,
            };

            foreach (var pair in frame.Arguments)
            {
                if (pair.Key.Name == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        private List<SqlSegment> EvalAppendCall(IOperation appendCall, Frame frame)
        {
            if (appendCall is IInvocationOperation invocation)
            {
                if (invocation.TargetMethod.Name == "AppendLiteral" && invocation.Arguments.Length == 1)
                {
                    return Eval(invocation.Arguments[0].Value, frame);
                }

                if (invocation.TargetMethod.Name == "AppendFormatted" && invocation.Arguments.Length >= 1)
                {
                    if (invocation.Arguments.Length == 1)
                    {
                        return Eval(invocation.Arguments[0].Value, frame);
                    }

                    var value = invocation.Arguments[0].Value;
                    return HoleFor(value, SqlOperations.Unwrap(value));
                }
            }

            return new List<SqlSegment>();
        }

        [MethodImpl(HotPath.Options)]
        private List<SqlSegment> EvalInvocation(IOperation original, IInvocationOperation invocation, Frame frame)
        {
            var method = invocation.TargetMethod;
            var containing = method.ContainingType;

            if (_apis.IsSanitizer(method))
            {
                return Hole(original, HoleKind.Safe);
            }

            if (containing?.SpecialType == SpecialType.System_String)
            {
                switch (method.Name)
                {
                    case "Format" when method.IsStatic:
                        return EvalFormat(invocation.Arguments, frame);
                    case "Create" when method.IsStatic && invocation.Arguments.Length == 2 &&
                                       SqlOperations.Unwrap(invocation.Arguments[1].Value) is IInterpolatedStringHandlerCreationOperation:
                        // string.Create(CultureInfo.InvariantCulture, $"…"): the interpolated string (CA1305's culture-explicit form).
                        return Eval(invocation.Arguments[1].Value, frame);
                    case "Concat" when method.IsStatic:
                        return EvalConcat(original, invocation.Arguments, frame);
                    case "Join" when method.IsStatic:
                        return EvalJoin(original, invocation.Arguments, frame);
                    case "Replace" when !method.IsStatic && invocation.Arguments.Length == 2:
                        return EvalReplace(invocation, frame);
                    case "Trim":
                    case "TrimEnd":
                    case "TrimStart":
                    case "ToUpper":
                    case "ToUpperInvariant":
                    case "ToLower":
                    case "ToLowerInvariant":
                    case "Normalize":
                    case "ToString":
                        if (!method.IsStatic && invocation.Instance is not null)
                        {
                            return Eval(invocation.Instance, frame);
                        }

                        break;
                    case "Substring":
                    case "Remove":
                    case "PadLeft":
                    case "PadRight":
                        if (!method.IsStatic && invocation.Instance is not null)
                        {
                            var inner = Eval(invocation.Instance, frame);
                            return IsConstantOnly(inner) ? Text("x") : inner;
                        }

                        break;
                }
            }

            if (method.Name == "GetValueOrDefault" && EvalMapLookup(original, invocation, frame) is { } lookup)
            {
                return lookup;
            }

            if (method.Name == "ToString" && invocation.Instance is { } instance)
            {
                var receiver = SqlOperations.Unwrap(instance);
                if (_apis.StringBuilder is not null && SymbolEqualityComparer.Default.Equals(receiver.Type, _apis.StringBuilder))
                {
                    if (receiver is ILocalReferenceOperation builderLocal)
                    {
                        return EvalStringBuilder(builderLocal.Local, invocation.Syntax.SpanStart, frame);
                    }

                    if (receiver is IObjectCreationOperation or IInvocationOperation)
                    {
                        return EvalBuilderExpression(receiver, frame, 0);
                    }

                    return HoleFor(original, invocation);
                }

                if (SqlOperations.IsSafeType(receiver.Type))
                {
                    return Hole(original, HoleKind.SafeType);
                }

                if (ArgumentBehind(receiver, frame) is { } argument && SqlOperations.Unwrap(argument.Value).Type is { } argumentType)
                {
                    if (SqlOperations.IsString(argumentType))
                    {
                        // The helper formats text its caller passed: the caller's text, named where it came from.
                        return Eval(argument.Value, argument.Frame);
                    }

                    if (SqlOperations.IsSafeType(argumentType))
                    {
                        return Hole(original, HoleKind.SafeType);
                    }
                }
            }

            // Convert.ToString(42), and names from the EF Core model (entityType.GetTableName(), property.GetColumnName()).
            if (containing is { Name: "Convert", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } &&
                method.Name == "ToString" && invocation.Arguments.Length >= 1 && SqlOperations.IsSafeType(SqlOperations.Unwrap(invocation.Arguments[0].Value).Type))
            {
                return Hole(original, HoleKind.SafeType);
            }

            // Names read from the EF Core model, SQL that EF Core generates itself (the migrations history table's scripts,
            // a migration script, a query's text) and identifiers it delimits: made by the framework from the model and
            // the code, quoted by its SQL generator.
            if (method.Name is "GetTableName" or "GetSchema" or "GetColumnName" or "GetViewName" or "GetDefaultTableName" or "GetSchemaQualifiedTableName"
                    or "GetInsertScript" or "GetDeleteScript" or "GetCreateScript" or "GetCreateIfNotExistsScript" or "GetBeginIfExistsScript"
                    or "GetBeginIfNotExistsScript" or "GetEndIfScript" or "GenerateScript" or "GenerateCreateScript" or "ToQueryString"
                    or "DelimitIdentifier" &&
                containing?.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
            {
                return Hole(original, HoleKind.Safe);
            }

            // Text the program makes itself: hex of bytes (a hash, a random key), a script embedded in the assembly.
            if (IsHexOfBytes(method) || IsEmbeddedResourceRead(invocation, frame, 0))
            {
                return Hole(original, HoleKind.Safe);
            }

            // Enum.GetName, Type.Name-style reflection names are identifiers from code.
            if (containing is { Name: "Enum", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && method.Name == "GetName")
            {
                return Hole(original, HoleKind.Safe);
            }

            // A value read by a query of the schema catalogue (ExecuteScalar(db, "SELECT sql FROM sqlite_master WHERE …")).
            if (IsCatalogCall(invocation, frame))
            {
                return Hole(original, HoleKind.Safe);
            }

            // A helper of the same type (or a local function) that returns text built the same way; also a (static or
            // non-virtual) helper of another type of the compilation, such as a Queries.Upsert(table) text builder.
            if (frame.Depth < MaxDepth && SqlOperations.IsString(method.ReturnType) && _apis.IsSourceMethod(method) &&
                !method.IsVirtual && !method.IsAbstract && !method.IsOverride)
            {
                var helper = EvalHelper(method, invocation.Arguments, frame);
                if (helper is not null)
                {
                    return helper;
                }
            }

            return HoleFor(original, invocation);
        }

        /// <summary>
        /// One element of a deconstructed value: of a tuple literal, or of every tuple a helper of the compilation returns
        /// (<c>var (added, deleted, modified) = GetSqls(allTypes)</c>), also an awaited async one.
        /// </summary>
        private List<SqlSegment> EvalTupleElement(IOperation value, int element, Frame frame)
        {
            var unwrapped = SqlOperations.Unwrap(value);
            if (unwrapped is ITupleOperation tuple && element < tuple.Elements.Length)
            {
                return Eval(tuple.Elements[element], frame);
            }

            // (var query, var values) = await GetWhereClauseAsync(…).ConfigureAwait(false): the tuple the async helper returns.
            var awaited = false;
            if (unwrapped is IAwaitOperation awaitOperation)
            {
                awaited = true;
                unwrapped = SqlOperations.Unwrap(awaitOperation.Operation);
                if (unwrapped is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
                {
                    unwrapped = SqlOperations.Unwrap(configured);
                }
            }

            if (unwrapped is IInvocationOperation invocation && frame.Depth < MaxDepth && invocation.TargetMethod is var method &&
                (awaited ? method.IsAsync && method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } awaitable && awaitable.TypeArguments[0].IsTupleType : method.ReturnType.IsTupleType) &&
                _apis.IsSourceMethod(method) && !method.IsVirtual && !method.IsAbstract && !method.IsOverride &&
                EvalHelper(method, invocation.Arguments, frame, element) is { } returned)
            {
                return returned;
            }

            return HoleFor(value, value);
        }

        private List<SqlSegment>? EvalHelper(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Frame frame, int tupleElement = -1)
        {
            var definition = method.OriginalDefinition;
            if (!_visiting.Add(definition))
            {
                return tupleElement < 0 ? EvalRecursiveCall(definition, arguments, frame) : null;
            }

            try
            {
                var body = _apis.GetBody(definition, _cancellationToken);
                if (body is null)
                {
                    return null;
                }

                var inner = HelperFrame(definition, body, arguments, frame);
                var returns = new List<List<SqlSegment>>();
                foreach (var value in ReturnedValues(body))
                {
                    returns.Add(tupleElement < 0 ? Eval(value, inner) : EvalTupleElement(value, tupleElement, inner));
                }

                if (returns.Count == 0)
                {
                    return null;
                }

                return returns.Count == 1 ? returns[0] : Choice(returns.ToArray());
            }
            finally
            {
                _visiting.Remove(definition);
            }
        }

        /// <summary>The frame a helper's body is read in: its parameters bound to the arguments of the call, one level deeper.</summary>
        private static Frame HelperFrame(IMethodSymbol definition, MethodBody body, ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            var map = new Dictionary<IParameterSymbol, (IOperation, Frame)>(SymbolEqualityComparer.Default);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    map[parameter.OriginalDefinition] = (argument.Value, frame);
                    map[parameter] = (argument.Value, frame);
                }
            }

            return new Frame(body.Index, definition.ContainingType, map, frame.Depth + 1);
        }

        /// <summary>The values a method body returns: each <c>return</c> of a block body (not of its lambdas), or the expression body.</summary>
        private static List<IOperation> ReturnedValues(MethodBody body)
        {
            var values = new List<IOperation>();
            if (body.Root is IBlockOperation or IMethodBodyOperation)
            {
                foreach (var operation in body.Root.Descendants())
                {
                    if (operation is IReturnOperation { ReturnedValue: { } value, Kind: OperationKind.Return } && IsInSameFunction(operation, body.Root))
                    {
                        values.Add(value);
                    }
                }
            }
            else
            {
                // Expression body.
                var value = body.Root is IReturnOperation { ReturnedValue: { } returned } ? returned : body.Root;
                if (value is IBlockOperation block && block.Operations.Length == 1 && block.Operations[0] is IReturnOperation { ReturnedValue: { } single })
                {
                    value = single;
                }

                values.Add(value);
            }

            return values;
        }

        /// <summary>
        /// A call of a helper whose returns are being evaluated further up (a text preprocessor that calls itself on a piece
        /// of its input): the returns seen there already hold every part the helper adds itself, so this call adds only what
        /// its arguments carry. An argument that passes the helper's own parameter on unchanged adds nothing new.
        /// </summary>
        private List<SqlSegment> EvalRecursiveCall(IMethodSymbol definition, ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            var parts = new List<List<SqlSegment>>();
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit ||
                    SqlOperations.Unwrap(argument.Value) is IParameterReferenceOperation { Parameter: var passed } &&
                    argument.Parameter is { } target && passed.Ordinal == target.Ordinal &&
                    SymbolEqualityComparer.Default.Equals(passed.ContainingSymbol.OriginalDefinition, definition))
                {
                    continue;
                }

                var value = Eval(argument.Value, frame);
                parts.Add(IsConstantOnly(value) ? Text("x") : value);
            }

            return parts.Count switch
            {
                0 => Text("x"),
                1 => parts[0],
                _ => Choice(parts.ToArray()),
            };
        }

        private static bool IsInSameFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Query operators whose lambda's first parameter is an element of the sequence they run over (the receiver of the
        /// extension, or the list of <c>List&lt;T&gt;.ForEach</c>).
        /// </summary>
        private static readonly HashSet<string> ElementLambdaOperators = new HashSet<string>(StringComparer.Ordinal)
        {
            "Select", "SelectMany", "Where", "ForEach", "Any", "All", "First", "FirstOrDefault", "Single", "SingleOrDefault",
            "Last", "LastOrDefault", "Count", "TakeWhile", "SkipWhile", "OrderBy", "OrderByDescending", "ThenBy",
            "ThenByDescending", "GroupBy", "ToDictionary", "ToLookup",
        };

        /// <summary>
        /// The sequence whose elements the first parameter of a lambda stands for, when the lambda is handed to a query
        /// operator of <c>System.Linq.Enumerable</c> or to <c>List&lt;T&gt;.ForEach</c>; null for any other parameter.
        /// </summary>
        internal static IOperation? ElementOfLambdaSource(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            if (parameter.Ordinal != 0 || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambdaSymbol)
            {
                return null;
            }

            IOperation? current = reference.Parent;
            while (current is not null && !(current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambdaSymbol)))
            {
                current = current.Parent;
            }

            var argument = current?.Parent is IDelegateCreationOperation delegateCreation ? delegateCreation.Parent : current?.Parent;
            if (argument is not IArgumentOperation { Parent: IInvocationOperation invocation } ||
                !ElementLambdaOperators.Contains(invocation.TargetMethod.Name))
            {
                return null;
            }

            var method = invocation.TargetMethod;
            if (method.IsExtensionMethod || (method.IsStatic && method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }))
            {
                return method.ContainingType is { Name: "Enumerable" } && invocation.Arguments.Length > 0 && invocation.Arguments[0] != argument
                    ? invocation.Arguments[0].Value
                    : null;
            }

            return method.Name == "ForEach" && method.ContainingType is { Name: "List", ContainingNamespace.Name: "Generic" } ? invocation.Instance : null;
        }

        private List<SqlSegment> EvalLocal(ILocalReferenceOperation reference, Frame frame)
        {
            var local = reference.Local;
            if (frame.Assigning.TryGetValue(local, out var current))
            {
                return current;
            }

            var position = reference.Syntax.SpanStart;
            if (frame.Memo.TryGetValue((local, position), out var memo))
            {
                return memo;
            }

            if (frame.Index.ForEachCollectionOf(local) is { } collection)
            {
                var elements = EvalSequence(collection, frame, 0);
                List<SqlSegment> element;
                if (elements is not null && elements.Count > 0)
                {
                    element = elements.Count == 1 ? elements[0] : Choice(elements.ToArray());
                }
                else
                {
                    element = HoleFor(reference, reference);
                    if (frame.Depth == 0 && frame.Arguments is null && SqlOperations.Unwrap(collection) is IParameterReferenceOperation list &&
                        element[0] is HoleSegment { Kind: HoleKind.Unsafe } unsafeElement)
                    {
                        // foreach (var table in tableNames) of the method being analyzed: judged by the elements of the
                        // collections its callers pass (see SqlCallSites).
                        element = new List<SqlSegment>
                        {
                            unsafeElement.OfParameter(list.Parameter, elementOfParameter: true),
                        };
                    }
                }

                frame.Memo[(local, position)] = element;
                return element;
            }

            var writes = frame.Index.WritesOf(local);
            List<SqlSegment>? accumulated = null;
            foreach (var write in writes)
            {
                if (write.Position >= position)
                {
                    break;
                }

                frame.Assigning[local] = accumulated ?? new List<SqlSegment>();
                List<SqlSegment> value;
                try
                {
                    value = write.TupleElement < 0 ? Eval(write.Value, frame) : EvalTupleElement(write.Value, write.TupleElement, frame);
                }
                finally
                {
                    frame.Assigning.Remove(local);
                }

                if (write.Compound)
                {
                    Built = true;
                    accumulated = new List<SqlSegment>(accumulated ?? new List<SqlSegment>());
                    accumulated.AddRange(value);
                }
                else if (accumulated is not null && IsConditionalRelativeTo(write.Operation, reference))
                {
                    accumulated = Choice(accumulated, value);
                }
                else
                {
                    accumulated = value;
                }
            }

            var result = accumulated ?? HoleFor(reference, reference);
            frame.Memo[(local, position)] = result;
            return result;
        }

        /// <summary>
        /// True when the write may not run on the way to the reference: it sits in a branch, loop or catch that does not
        /// also contain the reference.
        /// </summary>
        private static bool IsConditionalRelativeTo(IOperation write, IOperation reference)
        {
            var referenceSpan = reference.Syntax.Span;
            IOperation child = write;
            for (var parent = write.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent.Syntax.Span.Contains(referenceSpan) && child.Syntax.Span.Contains(referenceSpan))
                {
                    return false;
                }

                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                    case ISwitchCaseOperation:
                    case ILoopOperation loop when child != (loop as IForEachLoopOperation)?.Collection:
                    case ICatchClauseOperation:
                    case ISwitchExpressionArmOperation:
                    case ICoalesceOperation coalesce when child == coalesce.WhenNull:
                        if (!child.Syntax.Span.Contains(referenceSpan))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static bool IsConditional(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalOperation or ISwitchCaseOperation or ILoopOperation or ICatchClauseOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
