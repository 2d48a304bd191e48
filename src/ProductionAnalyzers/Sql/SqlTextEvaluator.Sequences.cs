using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary> string.Join and the sequences it joins (arrays, lists, Select, allow-list filters).</summary>
    internal sealed partial class SqlTextEvaluator
    {
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
                if (SqlOperations.Unwrap(sequence) is IParameterReferenceOperation passed && frame.Arguments is not null &&
                    frame.Arguments.TryGetValue(passed.Parameter, out var argument))
                {
                    // A join helper (items.JoinWith(", ")) over a sequence it cannot follow: named after what the caller passes.
                    var passedType = SqlOperations.ElementType(SqlOperations.Unwrap(argument.Value).Type);
                    return HoleFor(argument.Value, SqlOperations.Unwrap(argument.Value)) is { Count: 1 } named && named[0] is HoleSegment { Kind: HoleKind.Unsafe } &&
                           !SqlOperations.IsSafeType(passedType)
                        ? named
                        : Hole(original, SqlOperations.IsSafeType(passedType) ? HoleKind.SafeType : HoleKind.Unsafe);
                }

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

                return new List<SqlSegment> { new HoleSegment(original, HoleKind.Unsafe, describeOrigin: false) };
            }

            return new List<SqlSegment> { new HoleSegment(original, worst, describeOrigin: false) };
        }

        private static List<SqlSegment> Rename(IReadOnlyList<SqlSegment> segments, string name)
        {
            var result = new List<SqlSegment>(segments.Count);
            foreach (var segment in segments)
            {
                switch (segment)
                {
                    case HoleSegment { Kind: HoleKind.Unsafe } hole:
                        result.Add(new HoleSegment(name, HoleKind.Unsafe, hole.Syntax, hole.Origin, hole.Parameter, hole.IsElementOfParameter));
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
        [MethodImpl(HotPath.Options)]
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

                case IAwaitOperation { Operation: { } awaited } when SqlOperations.Unwrap(awaited) is IInvocationOperation awaitedCall:
                    return EvalSequenceCall(awaitedCall, frame, depth);

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
                case "Repeat" when method.IsStatic && invocation.Arguments.Length == 2 && method.ContainingType is { Name: "Enumerable" }:
                    // Enumerable.Repeat("?", ids.Length): the one element, repeated.
                    return new List<List<SqlSegment>> { Eval(invocation.Arguments[0].Value, frame) };
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
                case "Except":
                    return source is null ? null : EvalSequence(source, frame, depth + 1);
                default:
                    if (IsCatalogCall(invocation, frame))
                    {
                        // Rows(db, $"PRAGMA table_info({table});"), db.Query<string>("SELECT name FROM sqlite_master …").
                        return new List<List<SqlSegment>> { Hole(invocation, HoleKind.Safe) };
                    }

                    return EvalSequenceHelper(method, invocation.Arguments, frame, depth);
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

        [MethodImpl(HotPath.Options)]
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

                var elements = write.TupleElement < 0 ? EvalSequence(write.Value, frame, depth + 1) : null;
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

            return ApplyCollectionCalls(frame.Index.CallsOn(local), local, position, frame, result, depth) ? result : null;
        }

        /// <summary>
        /// Applies the <c>Add</c>/<c>Insert</c>/<c>AddRange</c> calls made on a list (a local, or the parameter of a helper
        /// the list was handed to). False when a call cannot be followed.
        /// </summary>
        private bool ApplyCollectionCalls(IReadOnlyList<IInvocationOperation> calls, ISymbol collection, int position, Frame frame, List<List<SqlSegment>> result, int depth)
        {
            foreach (var call in calls)
            {
                if (call.Syntax.SpanStart >= position)
                {
                    break;
                }

                if (IsHandOff(call, collection))
                {
                    if (!ApplyHandedCollection(call, collection, frame, result, depth))
                    {
                        return false;
                    }

                    continue;
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
                    case "InsertRange" when call.Arguments.Length == 2:
                        var added = call.Arguments[call.Arguments.Length - 1].Value;
                        var range = EvalSequence(added, frame, depth + 1) ?? ElementsOfOwnParameter(added, frame);
                        if (range is null)
                        {
                            return false;
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
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>commands.AddRange(indexCommands)</c> with a collection parameter of the method being analyzed: one element,
        /// judged by the collections its callers pass (see <see cref="SqlCallSites"/>), as for <c>foreach</c> over it.
        /// </summary>
        private static List<List<SqlSegment>>? ElementsOfOwnParameter(IOperation sequence, Frame frame) =>
            frame.Depth == 0 && frame.Arguments is null && SqlOperations.Unwrap(sequence) is IParameterReferenceOperation parameter &&
            HoleFor(sequence, parameter) is { Count: 1 } hole && hole[0] is HoleSegment { Kind: HoleKind.Unsafe } unsafeList
                ? new List<List<SqlSegment>>
                {
                    new List<SqlSegment> { unsafeList.OfParameter(parameter.Parameter, elementOfParameter: true) },
                }
                : null;

        private static bool IsHandOff(IInvocationOperation call, ISymbol collection)
        {
            foreach (var argument in call.Arguments)
            {
                var passed = SqlOperations.Unwrap(argument.Value) switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (passed is not null && SymbolEqualityComparer.Default.Equals(passed, collection))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>AddConditions(where, filter)</c>: the adds a helper of the compilation makes on the list it is handed.</summary>
        private bool ApplyHandedCollection(IInvocationOperation call, ISymbol collection, Frame frame, List<List<SqlSegment>> result, int depth) =>
            InHelperGiven(call, collection, frame, depth, 6, false,
                (index, handed, inner) => ApplyCollectionCalls(index.CallsOn(handed), handed, int.MaxValue, inner, result, depth + 1));
    }
}
