using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary> StringBuilder locals, and helpers a builder is handed to.</summary>
    internal sealed partial class SqlTextEvaluator
    {
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
    }
}
