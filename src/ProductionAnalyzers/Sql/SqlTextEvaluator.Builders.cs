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
    /// <summary> StringBuilder locals, and helpers a builder is handed to.</summary>
    internal sealed partial class SqlTextEvaluator
    {
        [MethodImpl(HotPath.Options)]
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

                if (write.TupleElement >= 0)
                {
                    result.Clear();
                    result.AddRange(HoleFor(write.Value, write.Value));
                    continue;
                }

                if (BuilderChainRoot(write.Value) is ILocalReferenceOperation self && SymbolEqualityComparer.Default.Equals(self.Local, local))
                {
                    // sb = sb.Append(x): the appends are among the calls on the local.
                    continue;
                }

                result.Clear();
                result.AddRange(EvalBuilderExpression(write.Value, frame, 0));
            }

            result = AppendBuilderCalls(frame.Index.CallsOn(local), local, position, frame, result, 0);
            return result;
        }

        /// <summary>The receiver a chain of <c>StringBuilder</c> calls starts at (<c>new StringBuilder(..)</c>, a local, ...).</summary>
        private IOperation BuilderChainRoot(IOperation operation)
        {
            operation = SqlOperations.Unwrap(operation);
            while (operation is IInvocationOperation { Instance: { } instance } call &&
                   SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _apis.StringBuilder))
            {
                operation = SqlOperations.Unwrap(instance);
            }

            return operation;
        }

        /// <summary>
        /// A <c>StringBuilder</c>-typed expression: <c>new StringBuilder("..")</c>, a builder local, or a chain of appends
        /// on either (<c>new StringBuilder("..").Append(a).Append(b)</c>), followed like separate append statements.
        /// </summary>
        private List<SqlSegment> EvalBuilderExpression(IOperation expression, Frame frame, int depth)
        {
            var operation = SqlOperations.Unwrap(expression);
            if (depth > 64 || ++_steps > MaxSteps)
            {
                return Hole(expression, HoleKind.Safe);
            }

            switch (operation)
            {
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, _apis.StringBuilder):
                    Built = true;
                    var created = new List<SqlSegment>();
                    foreach (var argument in creation.Arguments)
                    {
                        if (SqlOperations.IsString(argument.Parameter?.Type) && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            created.AddRange(Eval(argument.Value, frame));
                        }
                    }

                    return created;

                case ILocalReferenceOperation builderLocal:
                    return EvalStringBuilder(builderLocal.Local, builderLocal.Syntax.SpanStart, frame);

                case IInvocationOperation { Instance: { } instance } call when
                    SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _apis.StringBuilder) &&
                    SymbolEqualityComparer.Default.Equals(call.TargetMethod.ReturnType, _apis.StringBuilder):
                    var receiver = SqlOperations.Unwrap(instance);
                    if (receiver is ILocalReferenceOperation chained)
                    {
                        // sb.Append(a).Append(b) used as a value: the local's calls up to the end of this chain.
                        return EvalStringBuilder(chained.Local, call.Syntax.Span.End, frame);
                    }

                    var before = EvalBuilderExpression(instance, frame, depth + 1);
                    return AppendBuilderCalls(new[] { call }, call.TargetMethod, int.MaxValue, frame, new List<SqlSegment>(before), depth);

                default:
                    return HoleFor(expression, operation);
            }
        }

        /// <summary>
        /// The whole text an <c>Append</c> or <c>AppendLine</c> call adds: its one argument, or the interpolated string of the
        /// culture-aware overloads (<c>sb.AppendLine(CultureInfo.InvariantCulture, $"…")</c>, which CA1305 asks for); null
        /// for the other overloads (a part of a string or an array, a repeated character) and a call with no text.
        /// </summary>
        private static IOperation? AppendedText(ImmutableArray<IArgumentOperation> arguments)
        {
            if (arguments.Length == 1)
            {
                return arguments[0].Value;
            }

            return arguments.Length == 2 && arguments[0].Parameter?.Type is { Name: "IFormatProvider" } &&
                   SqlOperations.Unwrap(arguments[1].Value) is IInterpolatedStringHandlerCreationOperation
                ? arguments[1].Value
                : null;
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
                        if (AppendedText(arguments) is { } appended)
                        {
                            result.AddRange(Eval(appended, frame));
                        }
                        else if (arguments.Length > 1)
                        {
                            result.AddRange(HoleFor(arguments[0].Value, SqlOperations.Unwrap(arguments[0].Value)));
                        }

                        break;
                    case "AppendLine":
                        if (AppendedText(arguments) is { } line)
                        {
                            result.AddRange(Eval(line, frame));
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
        private List<SqlSegment> AppendHandedBuilder(IInvocationOperation call, ISymbol builder, Frame frame, List<SqlSegment> result, int depth) =>
            InHelperGiven(call, builder, frame, depth, MaxDepth, result,
                (index, handed, inner) => AppendBuilderCalls(index.CallsOn(handed), handed, int.MaxValue, inner, result, depth + 1));

        /// <summary>
        /// Runs <paramref name="walk"/> over the body of the compilation's helper <paramref name="call"/> invokes, with its
        /// parameters bound to the call's arguments and the parameter that receives <paramref name="given"/> (a builder, a
        /// list) as the object to follow; <paramref name="none"/> when the helper cannot be followed.
        /// </summary>
        private T InHelperGiven<T>(IInvocationOperation call, ISymbol given, Frame frame, int depth, int maxDepth, T none, Func<MethodIndex, ISymbol, Frame, T> walk)
        {
            var method = call.TargetMethod;
            if (depth >= maxDepth || !_apis.IsSourceMethod(method) || method.IsVirtual || method.IsAbstract || method.IsOverride ||
                !_visiting.Add(method.OriginalDefinition))
            {
                return none;
            }

            try
            {
                var body = _apis.GetBody(method.OriginalDefinition, _cancellationToken);
                if (body is null)
                {
                    return none;
                }

                var handed = BindHandedArguments(call, given, frame, out var map);
                if (handed is null)
                {
                    return none;
                }

                return walk(body.Index, handed, new Frame(body.Index, method.ContainingType, map, frame.Depth + 1));
            }
            finally
            {
                _visiting.Remove(method.OriginalDefinition);
            }
        }
    

        /// <summary>
        /// Binds a helper call's arguments for evaluating the helper's body: returns the parameter that receives
        /// <paramref name="handedSymbol"/> (the builder or list being filled), or null when it is not passed, and maps every
        /// other parameter to its argument in the caller's frame.
        /// </summary>
        private static IParameterSymbol? BindHandedArguments(
            IInvocationOperation call,
            ISymbol handedSymbol,
            Frame frame,
            out Dictionary<IParameterSymbol, (IOperation, Frame)> map)
        {
            IParameterSymbol? handed = null;
            map = new Dictionary<IParameterSymbol, (IOperation, Frame)>(SymbolEqualityComparer.Default);
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                var passed = SqlOperations.Unwrap(argument.Value) switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation reference => reference.Parameter,
                    _ => null,
                };
                if (passed is not null && SymbolEqualityComparer.Default.Equals(passed, handedSymbol))
                {
                    handed = parameter.OriginalDefinition;
                }
                else
                {
                    map[parameter.OriginalDefinition] = (argument.Value, frame);
                }
            }

            return handed;
        }
    }
}
