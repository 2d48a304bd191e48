using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>How a string expression was written: interpolated or not, verbatim, a multi-line raw literal (and its indentation).</summary>
    internal sealed class LiteralStyle
    {
        public static readonly LiteralStyle Regular = new LiteralStyle(false, false, null, "\n");

        private LiteralStyle(bool interpolated, bool verbatim, string? rawIndent, string endOfLine)
        {
            Interpolated = interpolated;
            Verbatim = verbatim;
            RawIndent = rawIndent;
            EndOfLine = endOfLine;
        }

        /// <summary>The whole text was one interpolated string.</summary>
        public bool Interpolated { get; }

        /// <summary>Some literal of the text was verbatim or multi-line raw: multi-line text is written verbatim again.</summary>
        public bool Verbatim { get; }

        /// <summary>For a multi-line raw string literal: the indentation of its closing quotes; otherwise null.</summary>
        public string? RawIndent { get; }

        public string EndOfLine { get; }

        public static LiteralStyle Of(ExpressionSyntax top, bool verbatim, CancellationToken cancellationToken)
        {
            var text = top.SyntaxTree.GetText(cancellationToken);
            string? rawIndent = null;
            var rawEnd = top switch
            {
                InterpolatedStringExpressionSyntax raw when raw.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) => raw.StringEndToken.SpanStart,
                LiteralExpressionSyntax raw when raw.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) => raw.Token.Span.End - 1,
                _ => -1,
            };
            if (rawEnd >= 0)
            {
                var lineText = text.Lines.GetLineFromPosition(rawEnd).ToString();
                var indentLength = 0;
                while (indentLength < lineText.Length && (lineText[indentLength] == ' ' || lineText[indentLength] == '\t'))
                {
                    indentLength++;
                }

                rawIndent = lineText.Substring(0, indentLength);
            }

            var endOfLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
            return new LiteralStyle(top is InterpolatedStringExpressionSyntax, verbatim, rawIndent, endOfLine);
        }
    }

    /// <summary>A part of the text to write: runtime text, or code that goes into a hole (or between <c>+</c>).</summary>
    internal readonly struct LiteralPart
    {
        private LiteralPart(string? text, string? code)
        {
            Text = text;
            Code = code;
        }

        public string? Text { get; }

        public string? Code { get; }

        public static LiteralPart OfText(string text) => new LiteralPart(text, null);

        public static LiteralPart OfCode(string code) => new LiteralPart(null, code);
    }

    /// <summary>
    /// "Write it back": text and code as a string expression of the same kind as the original (<see cref="LiteralStyle"/>) —
    /// a multi-line raw literal stays raw, verbatim text with line breaks stays verbatim, an interpolated string with code
    /// stays interpolated, otherwise literals and code joined by <c>+</c>.
    /// </summary>
    internal static class StringLiteralWriter
    {
        /// <summary>The expression; <paramref name="interpolate"/> puts code into holes even when the original was a concatenation.</summary>
        public static ExpressionSyntax Write(IReadOnlyList<LiteralPart> parts, LiteralStyle style, bool interpolate)
        {
            var anyCode = false;
            var textBraces = false;
            foreach (var part in parts)
            {
                anyCode |= part.Code is not null;
                textBraces |= part.Text is not null && (part.Text.IndexOf('{') >= 0 || part.Text.IndexOf('}') >= 0);
            }

            var interpolated = anyCode && (style.Interpolated || interpolate);
            if (style.RawIndent is not null && (!anyCode || interpolated) && !(anyCode && textBraces))
            {
                var content = new StringBuilder();
                foreach (var part in parts)
                {
                    content.Append(part.Code is null ? part.Text : "{" + part.Code + "}");
                }

                if (Raw(content.ToString(), anyCode, style) is { } raw)
                {
                    return SyntaxFactory.ParseExpression(raw);
                }
            }

            if (interpolated)
            {
                var builder = new StringBuilder(style.Verbatim ? "$@\"" : "$\"");
                foreach (var part in parts)
                {
                    if (part.Code is null)
                    {
                        EscapeInterpolated(builder, part.Text!, style.Verbatim);
                    }
                    else
                    {
                        builder.Append('{').Append(part.Code).Append('}');
                    }
                }

                return SyntaxFactory.ParseExpression(builder.Append('"').ToString());
            }

            var operands = new List<string>();
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                if (part.Code is null)
                {
                    text.Append(part.Text);
                    continue;
                }

                if (text.Length > 0)
                {
                    operands.Add(Literal(text.ToString(), style.Verbatim));
                    text.Clear();
                }

                operands.Add(part.Code);
            }

            if (text.Length > 0 || operands.Count == 0)
            {
                operands.Add(Literal(text.ToString(), style.Verbatim));
            }

            return SyntaxFactory.ParseExpression(string.Join(" + ", operands));
        }

        /// <summary>A plain string literal: verbatim when the style is and the text has line breaks or backslashes.</summary>
        public static string Literal(string text, bool verbatim)
        {
            if (verbatim && (text.IndexOf('\n') >= 0 || text.IndexOf('\\') >= 0))
            {
                return "@\"" + text.Replace("\"", "\"\"") + "\"";
            }

            return SymbolDisplay.FormatLiteral(text, quote: true);
        }

        /// <summary>Code as an operand of <c>+</c>: parenthesized when it is itself an operator expression.</summary>
        public static string ConcatOperand(ExpressionSyntax expression)
        {
            var code = expression.WithoutTrivia().ToString();
            return expression is BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax ? "(" + code + ")" : code;
        }

        /// <summary>A multi-line raw string literal with this content, or null when the content does not fit one.</summary>
        private static string? Raw(string content, bool interpolated, LiteralStyle style)
        {
            if (content.Contains("\"\"\""))
            {
                return null;
            }

            var builder = new StringBuilder(interpolated ? "$\"\"\"" : "\"\"\"").Append(style.EndOfLine);
            foreach (var line in content.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Length > 0)
                {
                    builder.Append(style.RawIndent).Append(line);
                }

                builder.Append(style.EndOfLine);
            }

            return builder.Append(style.RawIndent).Append("\"\"\"").ToString();
        }

        private static void EscapeInterpolated(StringBuilder builder, string text, bool verbatim)
        {
            foreach (var c in text)
            {
                switch (c)
                {
                    case '{':
                        builder.Append("{{");
                        break;
                    case '}':
                        builder.Append("}}");
                        break;
                    case '"':
                        builder.Append(verbatim ? "\"\"" : "\\\"");
                        break;
                    case '\\':
                        builder.Append(verbatim ? "\\" : "\\\\");
                        break;
                    case '\n':
                        builder.Append(verbatim ? "\n" : "\\n");
                        break;
                    case '\r':
                        builder.Append(verbatim ? "\r" : "\\r");
                        break;
                    case '\t':
                        builder.Append(verbatim ? "\t" : "\\t");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
        }
    }
}
