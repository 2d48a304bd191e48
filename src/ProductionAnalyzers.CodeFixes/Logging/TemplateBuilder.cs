using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Logging;

namespace ProductionAnalyzers.CodeFixes.Logging
{
    /// <summary>
    /// A message built by interpolation, concatenation or <c>string.Format</c> (or a constant template plus its values),
    /// taken apart by the shared <see cref="TextPieces"/> layer, rendered back as a constant message template with named
    /// placeholders (<see cref="HoleNaming.TemplatePlaceholder"/>) plus the values in order, in the kind of literal the
    /// message was written in. Shared by the PA4001, PA4002 and PA4003 fixes.
    /// </summary>
    internal sealed class TemplateBuilder
    {
        private static readonly string[] TrailingLabels =
        {
            "exception message", "error message", "stack trace", "stacktrace", "exception", "error", "message", "reason",
            "details", "detail", "because of", "because", "due to", "with", "ex", "err", "inner exception", "inner", "cause",
        };

        /// <summary>What a message may be built from: everything the layer reads, formats and alignments kept.</summary>
        private static readonly TextPieceOptions Options = new TextPieceOptions(formatsAndAlignments: true, stringMethods: true);

        private readonly List<TextPiece> _parts = new List<TextPiece>();

        private TemplateBuilder(LiteralStyle style)
        {
            Style = style;
        }

        /// <summary>Literal text and holes; no constants (text constants are text, other constants values).</summary>
        public IReadOnlyList<TextPiece> Parts => _parts;

        /// <summary>How the message was written; the template is written the same way (<see cref="Literal(string, LiteralStyle)"/>).</summary>
        public LiteralStyle Style { get; }

        /// <summary>
        /// Splits <paramref name="message"/> into parts. <paramref name="existingValues"/> are values the call already
        /// passes: then the literal text of the message is template syntax whose placeholders take them, in order.
        /// </summary>
        public static TemplateBuilder? TryCreate(
            ExpressionSyntax message,
            SemanticModel model,
            IReadOnlyList<ExpressionSyntax> existingValues,
            CancellationToken cancellationToken)
        {
            var pieces = TextPieces.Create(message, model, Options, cancellationToken);
            if (pieces is null)
            {
                return null;
            }

            var builder = new TemplateBuilder(pieces.Style);
            var raw = FoldConstants(pieces.Pieces);

            if (existingValues.Count == 0)
            {
                builder._parts.AddRange(raw);
                return builder;
            }

            var binding = new ValueBinding(existingValues.Count);
            foreach (var part in raw)
            {
                if (part.IsHole)
                {
                    builder._parts.Add(part);
                    continue;
                }

                if (!SplitTemplateText(part.Text!, existingValues, binding, builder._parts))
                {
                    return null;
                }
            }

            return binding.AllUsed ? builder : null;
        }

        /// <summary>A message made of one value: <c>Console.WriteLine(order)</c> → <c>"{Order}", order</c>.</summary>
        public static TemplateBuilder FromSingleValue(ExpressionSyntax value)
        {
            var builder = new TemplateBuilder(LiteralStyle.Regular);
            builder._parts.Add(TextPiece.Hole(value));
            return builder;
        }

        /// <summary>A composite-format call's arguments, format first: <c>Console.WriteLine("{0} items", count)</c>.</summary>
        public static TemplateBuilder? FromCompositeFormat(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var pieces = TextPieces.FromCompositeFormat(arguments, model, cancellationToken);
            if (pieces is null)
            {
                return null;
            }

            var builder = new TemplateBuilder(LiteralStyle.Regular);
            builder._parts.AddRange(FoldConstants(pieces.Pieces));
            return builder;
        }

        /// <summary>
        /// Text constants become text (<c>"Order " + Prefix</c>, <c>$"{Prefix}"</c>), and so do characters and integers
        /// concatenated (<c>"Retry " + 3</c>); other constants stay values of the template.
        /// </summary>
        private static List<TextPiece> FoldConstants(IEnumerable<TextPiece> pieces)
        {
            var folded = new List<TextPiece>();
            foreach (var piece in pieces)
            {
                if (!piece.IsConstant)
                {
                    folded.Add(piece);
                }
                else if (piece.Value is string || (!piece.InInterpolation && piece.Value is null or char or int or long or short or byte or uint or ulong or ushort or sbyte))
                {
                    folded.Add(TextPiece.Literal(piece.Text));
                }
                else
                {
                    folded.Add(piece.AsHole());
                }
            }

            return TextPieces.Merge(folded);
        }

        public bool HasHoles
        {
            get
            {
                foreach (var part in _parts)
                {
                    if (part.IsHole)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Drops the holes whose value matches, and tidies the text around them ("failed: " → "failed").</summary>
        public void RemoveHoles(Func<ExpressionSyntax, bool> predicate)
        {
            for (var i = 0; i < _parts.Count; i++)
            {
                var part = _parts[i];
                if (!part.IsHole || !predicate(part.Expression!))
                {
                    continue;
                }

                _parts.RemoveAt(i);
                var hasBefore = i > 0 && !_parts[i - 1].IsHole;
                var hasAfter = i < _parts.Count && !_parts[i].IsHole;
                var left = hasBefore ? _parts[i - 1].Text! : string.Empty;
                var right = hasAfter ? _parts[i].Text! : string.Empty;
                var atEnd = hasAfter ? i + 1 >= _parts.Count : i >= _parts.Count;
                var atStart = i == 0 || (hasBefore && i - 1 == 0 && left.Trim().Length == 0);

                if (left.Length > 0 && right.Length > 0 && IsClosing(right, left))
                {
                    left = left.Substring(0, left.Length - 1);
                    right = right.Substring(1);
                }

                if (atStart && left.Trim().Length == 0)
                {
                    left = string.Empty;
                    right = right.TrimStart(' ', ':', '-', ',', '|', '=', '/', '\u2013', '\u2014');
                }
                else if (atEnd && IsOnlyPunctuation(right))
                {
                    left = TrimLabel(left);
                    right = left.Length > 0 && char.IsPunctuation(left[left.Length - 1]) ? string.Empty : right.Trim();
                }
                else if (StartsWithSeparator(right))
                {
                    left = TrimLabel(left);
                }
                else if (left.EndsWith(" ", StringComparison.Ordinal) && right.StartsWith(" ", StringComparison.Ordinal))
                {
                    left = left.TrimEnd(' ');
                }

                var merged = TextPiece.Literal(left + right);
                if (hasAfter)
                {
                    _parts.RemoveAt(i);
                }

                if (hasBefore)
                {
                    _parts[i - 1] = merged;
                    i -= 2;
                }
                else
                {
                    _parts.Insert(i, merged);
                    i -= 1;
                }
            }

            _parts.RemoveAll(p => !p.IsHole && p.Text!.Length == 0);
        }

        /// <summary>
        /// The constant template and the values in order. Placeholder names come from the value expressions
        /// (<c>order.Id</c> → <c>OrderId</c>), unique in the template; existing names are kept.
        /// </summary>
        public (string Template, List<ExpressionSyntax> Values) Render(SemanticModel? model)
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in _parts)
            {
                if (part.IsHole && part.Name is not null)
                {
                    used.Add(TrimOperator(part.Name));
                }
            }

            return RenderWith((part, _) =>
            {
                if (part.Name is not null)
                {
                    return part.Name;
                }

                return HoleNaming.Unique(HoleNaming.TemplatePlaceholder.NameFor(part.Expression!, model), used);
            });
        }

        /// <summary>
        /// The message as a composite format (<c>"Imported {0} rows"</c>, alignment and format kept) and the values in order,
        /// for frameworks whose level methods take one (log4net's <c>InfoFormat</c>); <see cref="CompositeFormat"/> reads it back.
        /// </summary>
        public (string Format, List<ExpressionSyntax> Values) RenderCompositeFormat() =>
            RenderWith((_, index) => index.ToString(CultureInfo.InvariantCulture));

        /// <summary>Text with braces escaped, each hole as <c>{name[,alignment][:format]}</c> (the name given its index), and the values in order.</summary>
        private (string Text, List<ExpressionSyntax> Values) RenderWith(Func<TextPiece, int, string> holeName)
        {
            var text = new StringBuilder();
            var values = new List<ExpressionSyntax>();
            foreach (var part in _parts)
            {
                if (!part.IsHole)
                {
                    text.Append(part.Text!.Replace("{", "{{").Replace("}", "}}"));
                    continue;
                }

                text.Append('{').Append(holeName(part, values.Count));
                if (part.Alignment is not null)
                {
                    text.Append(',').Append(part.Alignment);
                }

                if (part.Format is not null)
                {
                    text.Append(':').Append(part.Format);
                }

                text.Append('}');
                values.Add(part.Expression!);
            }

            return (text.ToString(), values);
        }

        /// <summary>The message text when it has no holes (a plain message, braces not escaped), or null.</summary>
        public string? PlainText()
        {
            var text = new StringBuilder();
            foreach (var part in _parts)
            {
                if (part.IsHole)
                {
                    return null;
                }

                text.Append(part.Text);
            }

            return text.ToString();
        }

        public static LiteralExpressionSyntax Literal(string text) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        /// <summary>A template (or message) as a literal of the given kind: verbatim or raw when the message was written so.</summary>
        public static ExpressionSyntax Literal(string text, LiteralStyle? style) =>
            style is null || style == LiteralStyle.Regular
                ? Literal(text)
                : StringLiteralWriter.Write(new[] { LiteralPart.OfText(text) }, style, interpolate: false);

        /// <summary>Template text with placeholders that take the call's existing values, in order.</summary>
        /// <summary>Which existing values the placeholders took: named ones in order, positional ones by number, never mixed.</summary>
        private sealed class ValueBinding
        {
            private readonly bool[] _used;
            private int _next;
            private bool? _positional;

            public ValueBinding(int count) => _used = new bool[count];

            public bool AllUsed => Array.TrueForAll(_used, u => u);

            public int Take(TemplateHole hole)
            {
                if (_positional is { } positional && positional != hole.IsPositional)
                {
                    return -1;
                }

                _positional = hole.IsPositional;
                var index = hole.IsPositional
                    ? (int.TryParse(hole.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1)
                    : _next++;
                if (index < 0 || index >= _used.Length || _used[index])
                {
                    return -1;
                }

                _used[index] = true;
                return index;
            }
        }

        private static bool SplitTemplateText(string text, IReadOnlyList<ExpressionSyntax> values, ValueBinding binding, List<TextPiece> parts)
        {
            var literal = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    literal.Append(c);
                    i += 2;
                    continue;
                }

                if (c == '}')
                {
                    return false;
                }

                if (c == '{')
                {
                    var close = text.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    var holes = MessageTemplate.Parse(text.Substring(i, close - i + 1));
                    var index = holes.Length == 1 ? binding.Take(holes[0]) : -1;
                    if (index < 0)
                    {
                        return false;
                    }

                    if (literal.Length > 0)
                    {
                        parts.Add(TextPiece.Literal(literal.ToString()));
                        literal.Clear();
                    }

                    // Named placeholders keep their name (with its @ or $); positional ones get a name from their value.
                    var raw = text.Substring(i + 1, close - i - 1);
                    var nameEnd = raw.IndexOfAny(new[] { ',', ':' });
                    var name = holes[0].IsPositional ? null : (nameEnd >= 0 ? raw.Substring(0, nameEnd) : raw).Trim();
                    parts.Add(TextPiece.Hole(values[index], holes[0].Alignment, holes[0].Format, name));
                    i = close + 1;
                    continue;
                }

                literal.Append(c);
                i++;
            }

            if (literal.Length > 0)
            {
                parts.Add(TextPiece.Literal(literal.ToString()));
            }

            return true;
        }

        private static string TrimOperator(string name) =>
            name.Length > 0 && (name[0] == '@' || name[0] == '$') ? name.Substring(1) : name;

        private static bool IsOnlyPunctuation(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '.' && c != '!' && c != ')' && c != ']' && c != '"' && c != '\'')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithSeparator(string text)
        {
            var trimmed = text.TrimStart(' ');
            return trimmed.Length > 0 && trimmed[0] is '.' or ',' or ';' or '|' or '/' or '-' or '\n' or '\r';
        }

        private static bool IsClosing(string after, string before)
        {
            if (before.Length == 0 || after.Length == 0)
            {
                return false;
            }

            var open = before[before.Length - 1];
            var close = after[0];
            return (open == '(' && close == ')') || (open == '[' && close == ']') || (open == '\'' && close == '\'') || (open == '"' && close == '"');
        }

        /// <summary><c>"Failed to save order. Error: "</c> → <c>"Failed to save order."</c>; never trims the text to nothing.</summary>
        private static string TrimLabel(string text)
        {
            var trimmed = TrimSeparators(text);
            while (true)
            {
                var changed = false;
                foreach (var label in TrailingLabels)
                {
                    if (trimmed.Length > label.Length &&
                        trimmed.EndsWith(label, StringComparison.OrdinalIgnoreCase) &&
                        !char.IsLetterOrDigit(trimmed[trimmed.Length - label.Length - 1]))
                    {
                        var shorter = TrimSeparators(trimmed.Substring(0, trimmed.Length - label.Length));
                        if (shorter.Trim().Length > 0)
                        {
                            trimmed = shorter;
                            changed = true;
                            break;
                        }
                    }
                }

                if (!changed)
                {
                    return trimmed;
                }
            }
        }

        private static string TrimSeparators(string text) => text.TrimEnd(' ', '\t', ':', '-', ',', '|', '=', '>', '/', '(', '[', '\'', '"', '\u2013', '\u2014');

    }
}
