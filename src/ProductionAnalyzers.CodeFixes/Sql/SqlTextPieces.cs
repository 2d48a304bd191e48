using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.CodeFixes.Infrastructure;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>
    /// A SQL text taken apart by the shared <see cref="TextPieces"/> layer, seen as a parameterized query: decides whether
    /// every value can become a parameter, names the parameters (<see cref="HoleNaming.SqlParameter"/>) and writes the
    /// parameterized text back in the kind of literal it was written in (<see cref="StringLiteralWriter"/>).
    /// </summary>
    internal sealed class SqlTextPieces
    {
        /// <summary>What SQL text may be built from: concatenation, interpolation, string.Format/Concat; no formats (a parameter has none).</summary>
        private static readonly TextPieceOptions Options = new TextPieceOptions(formatsAndAlignments: false, stringMethods: true);

        private readonly TextPieces _text;

        private SqlTextPieces(TextPieces text)
        {
            _text = text;
        }

        public List<TextPiece> Pieces => _text.Pieces;

        public IEnumerable<TextPiece> Holes => _text.Holes;

        public static SqlTextPieces? Create(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
            TextPieces.Create(expression, model, Options, cancellationToken) is { } text ? new SqlTextPieces(text) : null;

        /// <summary>
        /// Checks every value sits in a value position (not an IN list) and removes the SQL quotes around quoted
        /// values. A quoted value with text around it inside the quotes (<c>'%{term}%'</c>) becomes one parameter whose
        /// value is that text. False when some value cannot become a parameter.
        /// </summary>
        public bool PrepareParameters()
        {
            var any = false;
            for (var i = 0; i < Pieces.Count; i++)
            {
                var piece = Pieces[i];
                if (!piece.IsHole)
                {
                    continue;
                }

                any = true;
                var before = TextBefore(i);
                var after = TextAfter(i);
                var position = SqlPositionClassifier.Classify(before, after);
                if (position.Kind != SqlPositionKind.Value || position.InList)
                {
                    return false;
                }

                if (IsListBuilder(piece.Expression!))
                {
                    return false;
                }

                var code = Code(piece.Expression!);
                if (!position.Quoted)
                {
                    piece.ValueCode = code;
                    continue;
                }

                // '" + name.Replace("'", "''") + "'": the escaping was for the SQL literal; the parameter gets the value.
                if (piece.Expression is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } replace,
                        ArgumentList.Arguments: { Count: 2 } replaceArguments,
                    } &&
                    replaceArguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "'" } &&
                    replaceArguments[1].Expression is LiteralExpressionSyntax { Token.ValueText: "''" })
                {
                    code = Code(replace.Expression);
                }

                // The quoted SQL literal must open in the literal right before and close in the literal right after.
                if (i == 0 || i + 1 >= Pieces.Count || !Pieces[i - 1].IsText || !Pieces[i + 1].IsText)
                {
                    return false;
                }

                var previous = Pieces[i - 1];
                var next = Pieces[i + 1];
                var open = previous.Text.LastIndexOf('\'');
                var close = next.Text.IndexOf('\'');
                if (open < 0 || close < 0)
                {
                    return false;
                }

                var prefix = previous.Text.Substring(open + 1);
                var suffix = next.Text.Substring(0, close);
                if (close + 1 < next.Text.Length && next.Text[close + 1] == '\'')
                {
                    // An escaped quote ('') continues the SQL literal.
                    return false;
                }

                var start = open;
                if (start > 0 && (previous.Text[start - 1] == 'N' || previous.Text[start - 1] == 'n') &&
                    (start == 1 || !char.IsLetterOrDigit(previous.Text[start - 2])))
                {
                    start--;
                }

                previous.Text = previous.Text.Substring(0, start);
                next.Text = next.Text.Substring(close + 1);
                piece.ValueCode = prefix.Length == 0 && suffix.Length == 0
                    ? code
                    : ConcatCode(prefix, code, suffix);
            }

            return any;
        }

        private static bool IsListBuilder(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Join" or "Concat" or "Aggregate" } };

        private static string ConcatCode(string prefix, string code, string suffix)
        {
            var builder = new StringBuilder();
            if (prefix.Length > 0)
            {
                builder.Append(SymbolDisplay.FormatLiteral(prefix, quote: true)).Append(" + ");
            }

            builder.Append(code);
            if (suffix.Length > 0)
            {
                builder.Append(" + ").Append(SymbolDisplay.FormatLiteral(suffix, quote: true));
            }

            return builder.ToString();
        }

        private static string Code(ExpressionSyntax expression) => expression.WithoutTrivia().ToString();

        private string TextBefore(int index)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < index; i++)
            {
                builder.Append(Pieces[i].IsHole ? "?" : Pieces[i].Text);
            }

            return builder.ToString();
        }

        private string TextAfter(int index)
        {
            var builder = new StringBuilder();
            for (var i = index + 1; i < Pieces.Count && !Pieces[i].IsHole; i++)
            {
                builder.Append(Pieces[i].Text);
            }

            return builder.ToString();
        }

        /// <summary>
        /// Names the parameters after the values (<c>customer.Name</c> → <c>name</c>), unique against the placeholders
        /// already in the text and <paramref name="taken"/>; the same value written twice shares one parameter.
        /// </summary>
        public void NameParameters(ISet<string> taken, SemanticModel model)
        {
            foreach (var piece in Pieces)
            {
                if (piece.IsText)
                {
                    foreach (Match match in Regex.Matches(piece.Text, @"[@:]([A-Za-z_][A-Za-z0-9_]*)"))
                    {
                        taken.Add(match.Groups[1].Value);
                    }
                }
            }

            var byValue = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var piece in Holes)
            {
                if (!byValue.TryGetValue(piece.ValueCode!, out var name))
                {
                    name = HoleNaming.Unique(HoleNaming.SqlParameter.NameFor(piece.Expression!, model), taken);
                    byValue[piece.ValueCode!] = name;
                }

                piece.Name = name;
            }
        }

        /// <summary>The text with every value replaced by <c>@name</c>, constants kept as written.</summary>
        public ExpressionSyntax ToParameterizedText()
        {
            var parts = new List<LiteralPart>();
            foreach (var piece in Pieces)
            {
                parts.Add(piece.Kind switch
                {
                    TextPieceKind.Hole => LiteralPart.OfText("@" + piece.Name),
                    TextPieceKind.Constant => LiteralPart.OfCode(_text.Style.Interpolated ? Code(piece.Expression!) : StringLiteralWriter.ConcatOperand(piece.Expression!)),
                    _ => LiteralPart.OfText(piece.Text),
                });
            }

            return StringLiteralWriter.Write(parts, _text.Style, interpolate: false);
        }

        /// <summary>An interpolated string where every value is a hole (EF Core parameterizes them); constants inlined.</summary>
        public ExpressionSyntax ToFormattableText()
        {
            var parts = new List<LiteralPart>();
            foreach (var piece in Pieces)
            {
                if (piece.IsHole)
                {
                    var simple = piece.ValueCode == Code(piece.Expression!) && IsSimple(piece.Expression!);
                    parts.Add(LiteralPart.OfCode(simple ? piece.ValueCode! : "(" + piece.ValueCode + ")"));
                }
                else
                {
                    parts.Add(LiteralPart.OfText(piece.Text));
                }
            }

            return StringLiteralWriter.Write(parts, _text.Style, interpolate: true);
        }

        private static bool IsSimple(ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax;
    }
}
