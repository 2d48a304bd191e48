using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// Turns the operation that gives a SQL text into segments: constant text, non-constant parts (with how far they can
    /// be trusted) and alternatives. Follows locals and <c>StringBuilder</c>s of the method, and helpers, properties and
    /// readonly fields of the compilation that return text built the same way. Intra-procedural apart from those
    /// bounded look-ups.
    /// </summary>
    internal sealed class SqlTextEvaluator
    {
        private const int MaxDepth = 4;
        private const int MaxSteps = 4000;

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

        public List<SqlSegment> Evaluate(IOperation text, MethodIndex index, INamedTypeSymbol? containingType)
        {
            var frame = new Frame(index, containingType, null, 0);
            return Eval(text, frame);
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
            new List<SqlSegment> { new HoleSegment(SqlOperations.DisplayName(operation), kind) };

        private static List<SqlSegment> HoleFor(IOperation original, IOperation unwrapped)
        {
            // Code that does not bind (half-typed, missing references) is never reported.
            if (unwrapped is IInvalidOperation || unwrapped.Type is null || unwrapped.Type.TypeKind == TypeKind.Error)
            {
                return Hole(original, HoleKind.Safe);
            }

            return Hole(original, SqlOperations.IsSafeType(unwrapped.Type) ? HoleKind.SafeType : HoleKind.Unsafe);
        }

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

            // Columns[sort] on a readonly map field: the value comes from the map.
            if (operation is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } mapInstance } &&
                SqlOperations.Unwrap(mapInstance) is IFieldReferenceOperation { Field.IsReadOnly: true } mapField &&
                mapField.Field.Type.Name.IndexOf("Dictionary", StringComparison.Ordinal) >= 0)
            {
                return Hole(original, HoleKind.Safe);
            }

            switch (operation)
            {
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

                    return HoleFor(original, operation);

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

            if (method.Name == "ToString" && invocation.Instance is { } instance)
            {
                var receiver = SqlOperations.Unwrap(instance);
                if (_apis.StringBuilder is not null && SymbolEqualityComparer.Default.Equals(receiver.Type, _apis.StringBuilder))
                {
                    if (receiver is ILocalReferenceOperation builderLocal)
                    {
                        return EvalStringBuilder(builderLocal.Local, invocation.Syntax.SpanStart, frame);
                    }

                    return HoleFor(original, invocation);
                }

                if (SqlOperations.IsSafeType(receiver.Type))
                {
                    return Hole(original, HoleKind.SafeType);
                }
            }

            // Convert.ToString(42), and names from the EF Core model (entityType.GetTableName(), property.GetColumnName()).
            if (containing is { Name: "Convert", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } &&
                method.Name == "ToString" && invocation.Arguments.Length >= 1 && SqlOperations.IsSafeType(SqlOperations.Unwrap(invocation.Arguments[0].Value).Type))
            {
                return Hole(original, HoleKind.SafeType);
            }

            if (method.Name is "GetTableName" or "GetSchema" or "GetColumnName" or "GetViewName" or "GetDefaultTableName" or "GetSchemaQualifiedTableName" &&
                containing?.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
            {
                return Hole(original, HoleKind.Safe);
            }

            // Enum.GetName, Type.Name-style reflection names are identifiers from code.
            if (containing is { Name: "Enum", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && method.Name == "GetName")
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

        private List<SqlSegment>? EvalHelper(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            var definition = method.OriginalDefinition;
            if (!_visiting.Add(definition))
            {
                return null;
            }

            try
            {
                var body = _apis.GetBody(definition, _cancellationToken);
                if (body is null)
                {
                    return null;
                }

                var map = new Dictionary<IParameterSymbol, (IOperation, Frame)>(SymbolEqualityComparer.Default);
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter)
                    {
                        map[parameter.OriginalDefinition] = (argument.Value, frame);
                        map[parameter] = (argument.Value, frame);
                    }
                }

                var inner = new Frame(body.Index, definition.ContainingType, map, frame.Depth + 1);
                var returns = new List<List<SqlSegment>>();
                if (body.Root is IBlockOperation or IMethodBodyOperation)
                {
                    foreach (var operation in body.Root.Descendants())
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } value, Kind: OperationKind.Return } &&
                            IsInSameFunction(operation, body.Root))
                        {
                            returns.Add(Eval(value, inner));
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

                    returns.Add(Eval(value, inner));
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

        private List<SqlSegment> EvalFormat(ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            Built = true;
            IOperation? format = null;
            var values = new List<IOperation>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter is null)
                {
                    continue;
                }

                if (argument.Parameter.Name == "format")
                {
                    format = argument.Value;
                }
                else if (argument.Parameter.Name == "provider")
                {
                    continue;
                }
                else if (argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    AddParamArray(argument.Value, values);
                }
                else if (argument.Parameter.IsParams && SqlOperations.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } arrayInitializer })
                {
                    values.AddRange(arrayInitializer.ElementValues);
                }
                else
                {
                    values.Add(argument.Value);
                }
            }

            if (format is null || SqlOperations.Unwrap(format).ConstantValue.Value is not string formatText)
            {
                var result = format is null ? new List<SqlSegment>() : Eval(format, frame);
                foreach (var value in values)
                {
                    result.AddRange(Eval(value, frame));
                }

                return result;
            }

            return Interleave(formatText, values, frame);
        }

        private static void AddParamArray(IOperation value, List<IOperation> values)
        {
            var unwrapped = SqlOperations.Unwrap(value);
            if (unwrapped is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues);
            }
            else if (unwrapped is ICollectionExpressionOperation collection)
            {
                values.AddRange(collection.Elements);
            }
            else
            {
                values.Add(value);
            }
        }

        /// <summary>Splits a composite format string at its <c>{n}</c> items.</summary>
        private List<SqlSegment> Interleave(string format, List<IOperation> values, Frame frame)
        {
            var result = new List<SqlSegment>();
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '{')
                {
                    if (i + 1 < format.Length && format[i + 1] == '{')
                    {
                        text.Append('{');
                        i++;
                        continue;
                    }

                    var close = format.IndexOf('}', i);
                    if (close < 0)
                    {
                        text.Append(format, i, format.Length - i);
                        break;
                    }

                    var item = format.Substring(i + 1, close - i - 1);
                    var end = item.IndexOfAny(new[] { ',', ':' });
                    var numberText = (end >= 0 ? item.Substring(0, end) : item).Trim();
                    if (text.Length > 0)
                    {
                        result.Add(new TextSegment(text.ToString()));
                        text.Clear();
                    }

                    if (int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < values.Count)
                    {
                        var value = values[number];
                        if (end >= 0)
                        {
                            result.AddRange(HoleFor(value, SqlOperations.Unwrap(value)));
                        }
                        else
                        {
                            result.AddRange(Eval(value, frame));
                        }
                    }

                    i = close;
                    continue;
                }

                if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i++;
                    continue;
                }

                text.Append(c);
            }

            if (text.Length > 0)
            {
                result.Add(new TextSegment(text.ToString()));
            }

            return result;
        }

        private List<SqlSegment> EvalConcat(IOperation original, ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            Built = true;
            var result = new List<SqlSegment>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter is null)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter.IsParams)
                {
                    var values = new List<IOperation>();
                    AddParamArray(argument.Value, values);
                    foreach (var value in values)
                    {
                        result.AddRange(Eval(value, frame));
                    }
                }
                else if (argument.Parameter.Type is INamedTypeSymbol { IsGenericType: true } || SqlOperations.ElementType(argument.Parameter.Type) is not null && !SqlOperations.IsString(argument.Parameter.Type))
                {
                    result.AddRange(JoinSequence(original, argument.Value, string.Empty, frame));
                }
                else
                {
                    result.AddRange(Eval(argument.Value, frame));
                }
            }

            return result;
        }

        private List<SqlSegment> EvalJoin(IOperation original, ImmutableArray<IArgumentOperation> arguments, Frame frame)
        {
            Built = true;
            var separator = string.Empty;
            var elements = new List<IOperation>();
            IOperation? sequence = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is null)
                {
                    continue;
                }

                if (argument.Parameter.Name == "separator")
                {
                    var value = SqlOperations.Unwrap(argument.Value).ConstantValue;
                    separator = value.HasValue ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty : ",";
                }
                else if (argument.Parameter.Name is "startIndex" or "count")
                {
                    continue;
                }
                else if (argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    AddParamArray(argument.Value, elements);
                }
                else
                {
                    sequence = argument.Value;
                }
            }

            if (sequence is not null)
            {
                return JoinSequence(original, sequence, separator, frame);
            }

            return JoinElements(original, elements.ConvertAll(e => Eval(e, frame)), separator);
        }

        private List<SqlSegment> JoinSequence(IOperation original, IOperation sequence, string separator, Frame frame)
        {
            var elements = EvalSequence(sequence, frame, 0);
            if (elements is null)
            {
                var elementType = SqlOperations.ElementType(SqlOperations.Unwrap(sequence).Type);
                return Hole(original, SqlOperations.IsSafeType(elementType) ? HoleKind.SafeType : HoleKind.Unsafe);
            }

            return JoinElements(original, elements, separator, nameInnerParts: SqlOperations.Unwrap(sequence) is ILocalReferenceOperation);
        }

        /// <summary>
        /// Joins element texts. Constant elements give constant text; placeholder elements (<c>"@p" + i</c>) give a
        /// safe part; anything else is one part named after the joined expression.
        /// </summary>
        private static List<SqlSegment> JoinElements(IOperation original, List<List<SqlSegment>> elements, string separator, bool nameInnerParts = false)
        {
            if (elements.TrueForAll(IsConstantOnly))
            {
                var texts = elements.ConvertAll(ConstantTextOf);
                return Text(string.Join(separator, texts));
            }

            var worst = HoleKind.Safe;
            var placeholders = true;
            foreach (var element in elements)
            {
                var kind = WorstKind(element);
                if (kind > worst)
                {
                    worst = kind;
                }

                if (!IsPlaceholder(element))
                {
                    placeholders = false;
                }
            }

            if (placeholders && worst != HoleKind.Unsafe)
            {
                worst = HoleKind.Safe;
            }

            if (worst == HoleKind.Unsafe)
            {
                if (!nameInnerParts && elements.Count > 0)
                {
                    // Select(k => $"{k} = @{k}"): keep each element's SQL context for the position, name the joined expression.
                    var name = SqlOperations.DisplayName(original);
                    var renamed = new List<IReadOnlyList<SqlSegment>>();
                    foreach (var element in elements)
                    {
                        renamed.Add(Rename(element, name));
                    }

                    return new List<SqlSegment> { new ChoiceSegment(renamed) };
                }

                if (nameInnerParts)
                {
                    // Conditions collected in a list (where.Add($"category = '{category}'")): each element keeps its own
                    // parts and SQL context, so the message names the culprit and its position.
                    var alternatives = new List<IReadOnlyList<SqlSegment>>();
                    foreach (var element in elements)
                    {
                        alternatives.Add(element);
                    }

                    return new List<SqlSegment> { new ChoiceSegment(alternatives) };
                }

                return new List<SqlSegment> { new HoleSegment(SqlOperations.DisplayName(original), HoleKind.Unsafe) };
            }

            return new List<SqlSegment> { new HoleSegment(SqlOperations.DisplayName(original), worst) };
        }

        private static List<SqlSegment> Rename(IReadOnlyList<SqlSegment> segments, string name)
        {
            var result = new List<SqlSegment>(segments.Count);
            foreach (var segment in segments)
            {
                switch (segment)
                {
                    case HoleSegment { Kind: HoleKind.Unsafe }:
                        result.Add(new HoleSegment(name, HoleKind.Unsafe));
                        break;
                    case ChoiceSegment choice:
                        var alternatives = new List<IReadOnlyList<SqlSegment>>();
                        foreach (var alternative in choice.Alternatives)
                        {
                            alternatives.Add(Rename(alternative, name));
                        }

                        result.Add(new ChoiceSegment(alternatives));
                        break;
                    default:
                        result.Add(segment);
                        break;
                }
            }

            return result;
        }

        private static readonly System.Text.RegularExpressions.Regex PlaceholderToken =
            new System.Text.RegularExpressions.Regex(@"[@:$][A-Za-z_][A-Za-z0-9_]*|[@:$]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// An element made only of placeholders (<c>@p</c>, <c>:p</c>, <c>?</c>), punctuation and safe numbers:
        /// <c>"@p" + i</c>, <c>$"(@orderId, @sku{i})"</c>.
        /// </summary>
        private static bool IsPlaceholder(List<SqlSegment> element)
        {
            var sawPlaceholder = false;
            foreach (var segment in element)
            {
                switch (segment)
                {
                    case TextSegment text:
                        if (text.Text.IndexOfAny(new[] { '@', ':', '?', '$' }) >= 0)
                        {
                            sawPlaceholder = true;
                        }

                        var rest = PlaceholderToken.Replace(text.Text, string.Empty);
                        foreach (var c in rest)
                        {
                            if (!char.IsWhiteSpace(c) && c is not '(' and not ')' and not ',' and not '?' && !char.IsDigit(c))
                            {
                                return false;
                            }
                        }

                        break;
                    case HoleSegment { Kind: HoleKind.Unsafe }:
                    case ChoiceSegment:
                        return false;
                }
            }

            return sawPlaceholder;
        }

        private static HoleKind WorstKind(List<SqlSegment> segments)
        {
            var worst = HoleKind.Safe;
            foreach (var segment in segments)
            {
                var kind = segment switch
                {
                    HoleSegment hole => hole.Kind,
                    ChoiceSegment choice => WorstOfChoice(choice),
                    _ => HoleKind.Safe,
                };
                if (kind > worst)
                {
                    worst = kind;
                }
            }

            return worst;
        }

        private static HoleKind WorstOfChoice(ChoiceSegment choice)
        {
            var worst = HoleKind.Safe;
            foreach (var alternative in choice.Alternatives)
            {
                var kind = WorstKind(new List<SqlSegment>(alternative));
                if (kind > worst)
                {
                    worst = kind;
                }
            }

            return worst;
        }

        internal static bool IsConstantOnly(List<SqlSegment> segments) => segments.TrueForAll(s => s is TextSegment);

        private static string ConstantTextOf(List<SqlSegment> segments)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var segment in segments)
            {
                builder.Append(((TextSegment)segment).Text);
            }

            return builder.ToString();
        }

        /// <summary>The element texts of a sequence, or null when they cannot be known.</summary>
        private List<List<SqlSegment>>? EvalSequence(IOperation sequence, Frame frame, int depth)
        {
            if (depth > 6 || ++_steps > MaxSteps)
            {
                return null;
            }

            var operation = SqlOperations.Unwrap(sequence);
            var elementType = SqlOperations.ElementType(operation.Type);
            if (elementType is not null && !SqlOperations.IsString(elementType) && SqlOperations.IsSafeType(elementType))
            {
                return new List<List<SqlSegment>> { Hole(sequence, HoleKind.SafeType) };
            }

            switch (operation)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues.SelectList(e => Eval(e, frame));

                case ICollectionExpressionOperation collection:
                    return collection.Elements.SelectList(e => e is ISpreadOperation ? null! : Eval(e, frame)).ContainsNull();

                case IObjectCreationOperation { Initializer: { } collectionInitializer }:
                    var items = new List<List<SqlSegment>>();
                    foreach (var initializer in collectionInitializer.Initializers)
                    {
                        if (initializer is IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            items.Add(Eval(add.Arguments[0].Value, frame));
                        }
                        else
                        {
                            return null;
                        }
                    }

                    return items;

                case IObjectCreationOperation { Arguments.Length: 0 }:
                    return new List<List<SqlSegment>>();

                case IInvocationOperation invocation:
                    return EvalSequenceCall(invocation, frame, depth);

                case ILocalReferenceOperation local:
                    return EvalSequenceLocal(local.Local, local.Syntax.SpanStart, frame, depth);

                case IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsConst:
                    var fieldBody = _apis.GetBody(field.Field, _cancellationToken);
                    if (fieldBody is null || !_visiting.Add(field.Field))
                    {
                        return null;
                    }

                    try
                    {
                        var value = fieldBody.Root is IFieldInitializerOperation fieldInitializer ? fieldInitializer.Value : fieldBody.Root;
                        return EvalSequence(value, new Frame(fieldBody.Index, field.Field.ContainingType, null, frame.Depth + 1), depth + 1);
                    }
                    finally
                    {
                        _visiting.Remove(field.Field);
                    }

                case IParameterReferenceOperation parameter when frame.Arguments is not null && frame.Arguments.TryGetValue(parameter.Parameter, out var argument):
                    return EvalSequence(argument.Value, argument.Frame, depth + 1);

                default:
                    return null;
            }
        }

        private List<List<SqlSegment>>? EvalSequenceCall(IInvocationOperation invocation, Frame frame, int depth)
        {
            var method = invocation.TargetMethod;
            var source = method.IsExtensionMethod || (method.IsStatic && invocation.Arguments.Length > 0)
                ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : invocation.Instance;

            switch (method.Name)
            {
                case "Select" when invocation.Arguments.Length == 2:
                    if (SqlOperations.Unwrap(invocation.Arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        // The lambda's element parameter is as safe as the elements of the source.
                        var elementParameter = lambda.Symbol.Parameters.Length > 0 ? lambda.Symbol.Parameters[0] : null;
                        var sourceElements = source is null ? null : EvalSequence(source, frame, depth + 1);
                        var safeSource = elementParameter is not null && sourceElements is not null &&
                                         sourceElements.TrueForAll(e => IsConstantOnly(e) || WorstKind(e) == HoleKind.Safe);
                        if (safeSource)
                        {
                            _safeParameters.Add(elementParameter!);
                        }

                        try
                        {
                            var results = new List<List<SqlSegment>>();
                            foreach (var operation in lambda.Body.Descendants())
                            {
                                if (operation is IReturnOperation { ReturnedValue: { } returned })
                                {
                                    results.Add(Eval(returned, frame));
                                }
                            }

                            return results.Count == 0 ? null : results;
                        }
                        finally
                        {
                            if (safeSource)
                            {
                                _safeParameters.Remove(elementParameter!);
                            }
                        }
                    }

                    return null;
                case "Where" when invocation.Arguments.Length == 2 && IsAllowListPredicate(invocation.Arguments[1].Value):
                case "Intersect":
                    // keys.Where(allowed.Contains), keys.Intersect(allowed): only names from a known set remain.
                    return new List<List<SqlSegment>> { Hole(invocation, HoleKind.Safe) };
                case "ToArray":
                case "ToList":
                case "AsEnumerable":
                case "Distinct":
                case "OrderBy":
                case "OrderByDescending":
                case "Where":
                case "Take":
                case "Skip":
                case "ToImmutableArray":
                case "ToHashSet":
                    return source is null ? null : EvalSequence(source, frame, depth + 1);
                default:
                    return null;
            }
        }

        private static bool IsAllowListPredicate(IOperation predicate)
        {
            predicate = SqlOperations.Unwrap(predicate);
            if (predicate is IDelegateCreationOperation creation)
            {
                switch (creation.Target)
                {
                    case IMethodReferenceOperation reference:
                        return reference.Method.Name is "Contains" or "ContainsKey";
                    case IAnonymousFunctionOperation lambda:
                        foreach (var operation in lambda.Body.Descendants())
                        {
                            if (operation is IInvocationOperation { TargetMethod.Name: "Contains" or "ContainsKey" } call)
                            {
                                foreach (var argument in call.Arguments)
                                {
                                    if (SqlOperations.Unwrap(argument.Value) is IParameterReferenceOperation parameter &&
                                        SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, lambda.Symbol))
                                    {
                                        return true;
                                    }
                                }
                            }
                        }

                        return false;
                }
            }

            return false;
        }

        private List<List<SqlSegment>>? EvalSequenceLocal(ILocalSymbol local, int position, Frame frame, int depth)
        {
            var result = new List<List<SqlSegment>>();
            var writes = frame.Index.WritesOf(local);
            var found = false;
            foreach (var write in writes)
            {
                if (write.Position >= position)
                {
                    break;
                }

                var elements = EvalSequence(write.Value, frame, depth + 1);
                if (elements is null)
                {
                    return null;
                }

                found = true;
                result.AddRange(elements);
            }

            if (!found || frame.Index.Escapes(local))
            {
                return null;
            }

            foreach (var call in frame.Index.CallsOn(local))
            {
                if (call.Syntax.SpanStart >= position)
                {
                    break;
                }

                switch (call.TargetMethod.Name)
                {
                    case "Add" when call.Arguments.Length == 1:
                        result.Add(Eval(call.Arguments[0].Value, frame));
                        break;
                    case "Insert" when call.Arguments.Length == 2:
                        result.Add(Eval(call.Arguments[1].Value, frame));
                        break;
                    case "AddRange" when call.Arguments.Length == 1:
                        var range = EvalSequence(call.Arguments[0].Value, frame, depth + 1);
                        if (range is null)
                        {
                            return null;
                        }

                        result.AddRange(range);
                        break;
                    case "Clear":
                    case "Remove":
                    case "RemoveAt":
                    case "Contains":
                    case "Count":
                        break;
                    default:
                        return null;
                }
            }

            return result;
        }

        private List<SqlSegment> EvalReplace(IInvocationOperation invocation, Frame frame)
        {
            var receiver = Eval(invocation.Instance, frame);
            var oldValue = SqlOperations.Unwrap(invocation.Arguments[0].Value).ConstantValue;
            if (!oldValue.HasValue || oldValue.Value is not string oldText || oldText.Length == 0)
            {
                return receiver;
            }

            var replacement = Eval(invocation.Arguments[1].Value, frame);
            if (!IsConstantOnly(replacement))
            {
                Built = true;
            }

            var result = new List<SqlSegment>();
            foreach (var segment in receiver)
            {
                if (segment is TextSegment text && text.Text.IndexOf(oldText, StringComparison.Ordinal) >= 0)
                {
                    var pieces = text.Text.Split(new[] { oldText }, StringSplitOptions.None);
                    for (var i = 0; i < pieces.Length; i++)
                    {
                        if (i > 0)
                        {
                            result.AddRange(replacement);
                        }

                        if (pieces[i].Length > 0)
                        {
                            result.Add(new TextSegment(pieces[i]));
                        }
                    }
                }
                else
                {
                    result.Add(segment);
                }
            }

            return result;
        }

        private List<SqlSegment> EvalField(IOperation original, IFieldReferenceOperation field, Frame frame)
        {
            var symbol = field.Field;
            if (symbol.Name == "Empty" && symbol.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return new List<SqlSegment>();
            }

            if (symbol.IsReadOnly && frame.Depth < MaxDepth && _apis.IsSourceField(symbol) && _visiting.Add(symbol))
            {
                try
                {
                    var body = _apis.GetBody(symbol, _cancellationToken);
                    if (body is not null)
                    {
                        var value = body.Root is IFieldInitializerOperation initializer ? initializer.Value : body.Root;
                        var segments = Eval(value, new Frame(body.Index, symbol.ContainingType, null, frame.Depth + 1));
                        if (WorstKind(segments) == HoleKind.Safe || IsConstantOnly(segments))
                        {
                            return segments;
                        }
                    }
                }
                finally
                {
                    _visiting.Remove(symbol);
                }
            }

            return HoleFor(original, field);
        }

        private List<SqlSegment> EvalProperty(IOperation original, IPropertyReferenceOperation property, Frame frame)
        {
            var symbol = property.Property;

            if (symbol.Name == "NewLine" && symbol.IsStatic && symbol.ContainingType is { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return Text("\n");
            }

            // typeof(T).Name, GetType().Name, PropertyInfo.Name: names that come from the code, not from input.
            if (symbol.Name is "Name" or "FullName" && _apis.MemberInfo is not null && DerivesFrom(symbol.ContainingType, _apis.MemberInfo))
            {
                return Hole(original, HoleKind.Safe);
            }

            if (frame.Depth < MaxDepth && symbol.Parameters.IsEmpty && _apis.IsSourceProperty(symbol))
            {
                if (symbol.IsAbstract || symbol.IsVirtual || symbol.IsOverride)
                {
                    // A generic repository's TableName: constant in the base (if it has a body) and every override.
                    var implementations = new List<IPropertySymbol>();
                    var root = symbol;
                    while (root.OverriddenProperty is { } overridden)
                    {
                        root = overridden;
                    }

                    if (!root.IsAbstract)
                    {
                        implementations.Add(root);
                    }

                    implementations.AddRange(_apis.OverridesOf(root));
                    if (implementations.Count > 0 && implementations.Count <= 32)
                    {
                        var alternatives = new List<List<SqlSegment>>();
                        foreach (var implementation in implementations)
                        {
                            var value = EvalPropertyBody(implementation, frame);
                            if (value is null || !IsConstantOnly(value))
                            {
                                alternatives = null;
                                break;
                            }

                            alternatives.Add(value);
                        }

                        if (alternatives is not null)
                        {
                            return alternatives.Count == 1 ? alternatives[0] : Choice(alternatives.ToArray());
                        }
                    }
                }
                else if (symbol.SetMethod is null || symbol.SetMethod.DeclaredAccessibility == Accessibility.Private && symbol.SetMethod.IsInitOnly)
                {
                    var value = EvalPropertyBody(symbol, frame);
                    if (value is not null && (WorstKind(value) == HoleKind.Safe || IsConstantOnly(value)))
                    {
                        return value;
                    }
                }
            }

            return HoleFor(original, property);
        }

        /// <summary>The text a get-only property returns (initializer, expression body or single return), or null.</summary>
        private List<SqlSegment>? EvalPropertyBody(IPropertySymbol symbol, Frame frame)
        {
            if (!_visiting.Add(symbol))
            {
                return null;
            }

            try
            {
                var body = symbol.GetMethod is { DeclaringSyntaxReferences.Length: 1 } getter &&
                           getter.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor &&
                           (accessor.Body is not null || accessor.ExpressionBody is not null)
                    ? _apis.GetBody(getter, _cancellationToken)
                    : _apis.GetBody(symbol, _cancellationToken);
                if (body is null)
                {
                    return null;
                }

                var value = body.Root switch
                {
                    IPropertyInitializerOperation initializer => initializer.Value,
                    IBlockOperation { Operations.Length: 1 } block when block.Operations[0] is IReturnOperation { ReturnedValue: { } returned } => returned,
                    IMethodBodyOperation { BlockBody: { Operations.Length: 1 } block } when block.Operations[0] is IReturnOperation { ReturnedValue: { } returned } => returned,
                    IReturnOperation { ReturnedValue: { } returned } => returned,
                    _ => body.Root is IBlockOperation or IMethodBodyOperation ? null : body.Root,
                };

                return value is null ? null : Eval(value, new Frame(body.Index, symbol.ContainingType, null, frame.Depth + 1));
            }
            finally
            {
                _visiting.Remove(symbol);
            }
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
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
                    value = Eval(write.Value, frame);
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

        private List<SqlSegment> EvalStringBuilder(ILocalSymbol local, int position, Frame frame)
        {
            Built = true;
            var result = new List<SqlSegment>();
            foreach (var write in frame.Index.WritesOf(local))
            {
                if (write.Position >= position)
                {
                    break;
                }

                result.Clear();
                if (SqlOperations.Unwrap(write.Value) is IObjectCreationOperation creation)
                {
                    foreach (var argument in creation.Arguments)
                    {
                        if (SqlOperations.IsString(argument.Parameter?.Type) && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            result.AddRange(Eval(argument.Value, frame));
                        }
                    }
                }
                else
                {
                    result.AddRange(Hole(write.Value, HoleKind.Unsafe));
                }
            }

            result = AppendBuilderCalls(frame.Index.CallsOn(local), local, position, frame, result, 0);
            return result;
        }

        /// <summary>Applies the appends made on a builder (a local, or a parameter of a helper it was handed to).</summary>
        private List<SqlSegment> AppendBuilderCalls(IReadOnlyList<IInvocationOperation> calls, ISymbol builder, int position, Frame frame, List<SqlSegment> result, int depth)
        {
            foreach (var call in calls)
            {
                if (call.Syntax.SpanStart >= position)
                {
                    break;
                }

                if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _apis.StringBuilder))
                {
                    result = AppendHandedBuilder(call, builder, frame, result, depth);
                    continue;
                }

                var arguments = call.Arguments;
                switch (call.TargetMethod.Name)
                {
                    case "Append":
                        if (arguments.Length == 1)
                        {
                            result.AddRange(Eval(arguments[0].Value, frame));
                        }
                        else if (arguments.Length > 1)
                        {
                            result.AddRange(HoleFor(arguments[0].Value, SqlOperations.Unwrap(arguments[0].Value)));
                        }

                        break;
                    case "AppendLine":
                        if (arguments.Length == 1)
                        {
                            result.AddRange(Eval(arguments[0].Value, frame));
                        }

                        result.Add(new TextSegment("\n"));
                        break;
                    case "AppendFormat":
                        result.AddRange(EvalFormat(arguments, frame));
                        break;
                    case "AppendJoin":
                        result.AddRange(EvalJoin(call, arguments, frame));
                        break;
                    case "Insert" when arguments.Length >= 2:
                        var inserted = Eval(arguments[1].Value, frame);
                        if (SqlOperations.Unwrap(arguments[0].Value).ConstantValue.Value is 0)
                        {
                            result.InsertRange(0, inserted);
                        }
                        else
                        {
                            result.AddRange(inserted);
                        }

                        break;
                    case "Replace" when arguments.Length == 2:
                        var receiverLike = result;
                        var oldValue = SqlOperations.Unwrap(arguments[0].Value).ConstantValue.Value as string;
                        var replacement = Eval(arguments[1].Value, frame);
                        if (!string.IsNullOrEmpty(oldValue))
                        {
                            var replaced = new List<SqlSegment>();
                            foreach (var segment in receiverLike)
                            {
                                if (segment is TextSegment text && text.Text.IndexOf(oldValue!, StringComparison.Ordinal) >= 0)
                                {
                                    var pieces = text.Text.Split(new[] { oldValue! }, StringSplitOptions.None);
                                    for (var i = 0; i < pieces.Length; i++)
                                    {
                                        if (i > 0)
                                        {
                                            replaced.AddRange(replacement);
                                        }

                                        replaced.Add(new TextSegment(pieces[i]));
                                    }
                                }
                                else
                                {
                                    replaced.Add(segment);
                                }
                            }

                            result = replaced;
                        }

                        break;
                    case "Clear":
                        if (!IsConditional(call))
                        {
                            result.Clear();
                        }

                        break;
                }
            }

            return result;
        }

        /// <summary>
        /// <c>AppendFilters(sb, filter)</c>: the appends a helper of the compilation makes on the builder it is handed,
        /// with the helper's parameters bound to the call's arguments.
        /// </summary>
        private List<SqlSegment> AppendHandedBuilder(IInvocationOperation call, ISymbol builder, Frame frame, List<SqlSegment> result, int depth)
        {
            var method = call.TargetMethod;
            if (depth >= MaxDepth || !_apis.IsSourceMethod(method) || method.IsVirtual || method.IsAbstract || method.IsOverride ||
                !_visiting.Add(method.OriginalDefinition))
            {
                return result;
            }

            try
            {
                var body = _apis.GetBody(method.OriginalDefinition, _cancellationToken);
                if (body is null)
                {
                    return result;
                }

                IParameterSymbol? handed = null;
                var map = new Dictionary<IParameterSymbol, (IOperation, Frame)>(SymbolEqualityComparer.Default);
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is not { } parameter)
                    {
                        continue;
                    }

                    var value = SqlOperations.Unwrap(argument.Value);
                    var passed = value switch
                    {
                        ILocalReferenceOperation local => (ISymbol)local.Local,
                        IParameterReferenceOperation reference => reference.Parameter,
                        _ => null,
                    };
                    if (passed is not null && SymbolEqualityComparer.Default.Equals(passed, builder))
                    {
                        handed = parameter.OriginalDefinition;
                    }
                    else
                    {
                        map[parameter.OriginalDefinition] = (argument.Value, frame);
                    }
                }

                if (handed is null)
                {
                    return result;
                }

                var inner = new Frame(body.Index, method.ContainingType, map, frame.Depth + 1);
                return AppendBuilderCalls(body.Index.CallsOn(handed), handed, int.MaxValue, inner, result, depth + 1);
            }
            finally
            {
                _visiting.Remove(method.OriginalDefinition);
            }
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

    internal static class SqlListExtensions
    {
        public static List<TResult> SelectList<TSource, TResult>(this ImmutableArray<TSource> source, Func<TSource, TResult> selector)
        {
            var result = new List<TResult>(source.Length);
            foreach (var item in source)
            {
                result.Add(selector(item));
            }

            return result;
        }

        public static List<T>? ContainsNull<T>(this List<T> source)
            where T : class
        {
            foreach (var item in source)
            {
                if (item is null)
                {
                    return null;
                }
            }

            return source;
        }
    }
}
