using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

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

        /// <summary>Splits a composite format string at its <c>{n}</c> items (<see cref="CompositeFormat"/>; leniently, as written).</summary>
        private List<SqlSegment> Interleave(string format, List<IOperation> values, Frame frame)
        {
            var tokens = new List<CompositeFormatToken>();
            CompositeFormat.Tokenize(format, tokens);
            var result = new List<SqlSegment>();
            foreach (var token in tokens)
            {
                if (!token.IsItem)
                {
                    result.Add(new TextSegment(token.Text!));
                }
                else if (token.Index >= 0 && token.Index < values.Count)
                {
                    // A formatted or aligned item is a hole of its own; a plain {n} is the value's text.
                    var value = values[token.Index];
                    result.AddRange(token.Alignment is not null || token.Format is not null
                        ? HoleFor(value, SqlOperations.Unwrap(value))
                        : Eval(value, frame));
                }
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

                if (argument.ArgumentKind != ArgumentKind.ParamArray && argument.Parameter.IsParams &&
                    SqlOperations.Unwrap(argument.Value) is not (IArrayCreationOperation or ICollectionExpressionOperation))
                {
                    // string.Concat(parts.Select(…).ToArray()): an array handed over whole, its elements joined.
                    result.AddRange(JoinSequence(original, argument.Value, string.Empty, frame));
                }
                else if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter.IsParams)
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
