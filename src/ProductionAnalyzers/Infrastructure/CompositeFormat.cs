using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>One piece of a composite format: literal text (braces unescaped) or a format item <c>{index[,alignment][:format]}</c>.</summary>
    internal readonly struct CompositeFormatToken
    {
        private CompositeFormatToken(string? text, int index, string? alignment, string? format)
        {
            Text = text;
            Index = index;
            Alignment = alignment;
            Format = format;
        }

        /// <summary>The literal text, or null for a format item.</summary>
        public string? Text { get; }

        public bool IsItem => Text is null;

        /// <summary>The argument index of a format item, -1 when it is not a number.</summary>
        public int Index { get; }

        /// <summary>The alignment after the comma, trimmed, or null.</summary>
        public string? Alignment { get; }

        /// <summary>The format string after the colon, or null.</summary>
        public string? Format { get; }

        public static CompositeFormatToken ForText(string text) => new CompositeFormatToken(text, -1, null, null);

        public static CompositeFormatToken ForItem(int index, string? alignment, string? format) => new CompositeFormatToken(null, index, alignment, format);
    }

    /// <summary>
    /// The one tokenizer of .NET composite formats (<c>string.Format</c>, <c>Console.WriteLine(format, …)</c>, log4net's
    /// <c>*Format</c> methods): <c>"{0,-5:N2} of {1}"</c> → text and items. Used by the SQL evaluator (which reads what a
    /// format builds) and by the logging fixes (which turn a format into a message template).
    /// </summary>
    internal static class CompositeFormat
    {
        /// <summary>
        /// Splits <paramref name="format"/> into tokens, adjacent text merged. Returns false when the format is not well formed
        /// (a lone <c>}</c>, an unclosed <c>{</c>, an index or alignment that is not a number), where <c>string.Format</c> would
        /// throw; the tokens then still describe it leniently: an unclosed item and a lone <c>}</c> are text, a bad index is -1.
        /// </summary>
        public static bool Tokenize(string format, List<CompositeFormatToken> tokens)
        {
            var wellFormed = true;
            var text = new StringBuilder();
            var i = 0;
            while (i < format.Length)
            {
                var c = format[i];
                if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                {
                    text.Append(c);
                    i += 2;
                    continue;
                }

                if (c == '}')
                {
                    wellFormed = false;
                    text.Append(c);
                    i++;
                    continue;
                }

                if (c != '{')
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                var close = format.IndexOf('}', i + 1);
                if (close < 0)
                {
                    wellFormed = false;
                    text.Append(format, i, format.Length - i);
                    break;
                }

                var content = format.Substring(i + 1, close - i - 1);
                var colon = content.IndexOf(':');
                var head = colon >= 0 ? content.Substring(0, colon) : content;
                var itemFormat = colon >= 0 ? content.Substring(colon + 1) : null;
                var comma = head.IndexOf(',');
                var alignment = comma >= 0 ? head.Substring(comma + 1).Trim() : null;
                var indexText = (comma >= 0 ? head.Substring(0, comma) : head).Trim();
                if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    wellFormed = false;
                    index = -1;
                }

                if (alignment is not null && !int.TryParse(alignment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    wellFormed = false;
                }

                if (text.Length > 0)
                {
                    tokens.Add(CompositeFormatToken.ForText(text.ToString()));
                    text.Clear();
                }

                tokens.Add(CompositeFormatToken.ForItem(index, alignment, itemFormat));
                i = close + 1;
            }

            if (text.Length > 0)
            {
                tokens.Add(CompositeFormatToken.ForText(text.ToString()));
            }

            return wellFormed;
        }
    }
}
