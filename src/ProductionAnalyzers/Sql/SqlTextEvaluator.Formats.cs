using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary> string.Format, string.Concat and string.Replace.</summary>
    internal sealed partial class SqlTextEvaluator
    {
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
    }
}
