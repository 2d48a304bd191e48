using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Sql;

namespace ProductionAnalyzers.CodeFixes.Sql
{
    /// <summary>A piece of a SQL text expression as written: literal text, a constant expression, or a value.</summary>
    internal sealed class SqlPiece
    {
        private SqlPiece(string text, ExpressionSyntax? expression, bool isConstant)
        {
            Text = text;
            Expression = expression;
            IsConstant = isConstant;
        }

        /// <summary>Literal text, or the value of a constant expression.</summary>
        public string Text { get; set; }

        public ExpressionSyntax? Expression { get; }

        public bool IsConstant { get; }

        public bool IsLiteral => Expression is null;

        public bool IsHole => Expression is not null && !IsConstant;

        /// <summary>For holes: the value expression sent as parameter (the hole, or text around it inside quotes).</summary>
        public string? ValueCode { get; set; }

        public string? ParameterName { get; set; }

        public static SqlPiece Literal(string text) => new SqlPiece(text, null, false);

        public static SqlPiece Constant(string value, ExpressionSyntax expression) => new SqlPiece(value, expression, true);

        public static SqlPiece Hole(ExpressionSyntax expression) => new SqlPiece(string.Empty, expression, false);
    }

    /// <summary>
    /// Splits a SQL text expression (interpolation or <c>+</c> concatenation) into pieces, decides whether every
    /// value can become a parameter, and writes the parameterized text back.
    /// </summary>
    internal sealed class SqlTextPieces
    {
        private SqlTextPieces(List<SqlPiece> pieces, bool interpolated, bool verbatim, string? rawIndent, string endOfLine)
        {
            Pieces = pieces;
            Interpolated = interpolated;
            Verbatim = verbatim;
            RawIndent = rawIndent;
            EndOfLine = endOfLine;
        }

        /// <summary>For a multi-line raw string literal: the indentation of its closing quotes; otherwise null.</summary>
        public string? RawIndent { get; }

        public string EndOfLine { get; }

        public List<SqlPiece> Pieces { get; }

        public bool Interpolated { get; }

        public bool Verbatim { get; }

        public IEnumerable<SqlPiece> Holes
        {
            get
            {
                foreach (var piece in Pieces)
                {
                    if (piece.IsHole)
                    {
                        yield return piece;
                    }
                }
            }
        }

        public static SqlTextPieces? Create(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var pieces = new List<SqlPiece>();
            var verbatim = false;
            var top = Strip(expression);
            if (!Flatten(top, model, pieces, ref verbatim, cancellationToken))
            {
                return null;
            }

            // Merge adjacent literals.
            var merged = new List<SqlPiece>();
            foreach (var piece in pieces)
            {
                if (piece.IsLiteral && merged.Count > 0 && merged[merged.Count - 1].IsLiteral)
                {
                    merged[merged.Count - 1].Text += piece.Text;
                }
                else
                {
                    merged.Add(piece);
                }
            }

            string? rawIndent = null;
            SyntaxToken? rawEnd = top switch
            {
                InterpolatedStringExpressionSyntax raw when raw.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) => raw.StringEndToken,
                LiteralExpressionSyntax raw when raw.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) => raw.Token,
                _ => null,
            };
            var text = top.SyntaxTree.GetText(cancellationToken);
            if (rawEnd is { } end)
            {
                var endPosition = top is LiteralExpressionSyntax ? end.Span.End - 1 : end.SpanStart;
                var line = text.Lines.GetLineFromPosition(endPosition);
                var lineText = line.ToString();
                var indentLength = 0;
                while (indentLength < lineText.Length && (lineText[indentLength] == ' ' || lineText[indentLength] == '\t'))
                {
                    indentLength++;
                }

                rawIndent = lineText.Substring(0, indentLength);
            }

            var endOfLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
            return new SqlTextPieces(merged, top is InterpolatedStringExpressionSyntax, verbatim, rawIndent, endOfLine);
        }

        /// <summary>A multi-line raw string literal with this content, or null when the content does not fit one.</summary>
        private string? RawLiteral(string content, bool interpolated)
        {
            if (RawIndent is null || content.Contains("\"\"\""))
            {
                return null;
            }

            var builder = new StringBuilder(interpolated ? "$\"\"\"" : "\"\"\"").Append(EndOfLine);
            foreach (var line in content.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Length > 0)
                {
                    builder.Append(RawIndent).Append(line);
                }

                builder.Append(EndOfLine);
            }

            return builder.Append(RawIndent).Append("\"\"\"").ToString();
        }

        private string? RawInterpolatedContent(Func<SqlPiece, string?> hole)
        {
            var builder = new StringBuilder();
            foreach (var piece in Pieces)
            {
                var code = hole(piece);
                if (code is not null)
                {
                    builder.Append('{').Append(code).Append('}');
                }
                else
                {
                    if (piece.Text.IndexOf('{') >= 0 || piece.Text.IndexOf('}') >= 0)
                    {
                        return null;
                    }

                    builder.Append(piece.Text);
                }
            }

            return builder.ToString();
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static bool Flatten(ExpressionSyntax expression, SemanticModel model, List<SqlPiece> pieces, ref bool verbatim, System.Threading.CancellationToken cancellationToken)
        {
            expression = Strip(expression);
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    verbatim |= literal.Token.Text.StartsWith("@", StringComparison.Ordinal) || literal.Token.ValueText.IndexOf('\n') >= 0;
                    pieces.Add(SqlPiece.Literal(literal.Token.ValueText));
                    return true;

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && IsStringConcatenation(binary, model, cancellationToken):
                    return Flatten(binary.Left, model, pieces, ref verbatim, cancellationToken) &&
                           Flatten(binary.Right, model, pieces, ref verbatim, cancellationToken);

                case InterpolatedStringExpressionSyntax interpolated:
                    verbatim |= interpolated.StringStartToken.Text.Contains("@") || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                    foreach (var content in interpolated.Contents)
                    {
                        switch (content)
                        {
                            case InterpolatedStringTextSyntax text:
                                verbatim |= text.TextToken.ValueText.IndexOf('\n') >= 0;
                                pieces.Add(SqlPiece.Literal(text.TextToken.ValueText));
                                break;
                            case InterpolationSyntax interpolation:
                                var constant = model.GetConstantValue(interpolation.Expression, cancellationToken);
                                if (interpolation.FormatClause is not null || interpolation.AlignmentClause is not null)
                                {
                                    return false;
                                }

                                if (constant.HasValue)
                                {
                                    pieces.Add(SqlPiece.Constant(ConstantText(constant.Value), interpolation.Expression));
                                }
                                else
                                {
                                    pieces.Add(SqlPiece.Hole(interpolation.Expression));
                                }

                                break;
                        }
                    }

                    return true;

                default:
                    var value = model.GetConstantValue(expression, cancellationToken);
                    if (value.HasValue)
                    {
                        pieces.Add(SqlPiece.Constant(ConstantText(value.Value), expression));
                    }
                    else
                    {
                        pieces.Add(SqlPiece.Hole(expression));
                    }

                    return true;
            }
        }

        private static string ConstantText(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static bool IsStringConcatenation(BinaryExpressionSyntax binary, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(binary, cancellationToken).Type;
            return type?.SpecialType == SpecialType.System_String;
        }

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
                if (i == 0 || i + 1 >= Pieces.Count || !Pieces[i - 1].IsLiteral || !Pieces[i + 1].IsLiteral)
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
        public void NameParameters(ISet<string> taken)
        {
            foreach (var piece in Pieces)
            {
                if (piece.IsLiteral)
                {
                    foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(piece.Text, @"[@:]([A-Za-z_][A-Za-z0-9_]*)"))
                    {
                        taken.Add(match.Groups[1].Value);
                    }
                }
            }

            var byValue = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var piece in Holes)
            {
                if (byValue.TryGetValue(piece.ValueCode!, out var existing))
                {
                    piece.ParameterName = existing;
                    continue;
                }

                var baseName = BaseName(piece.Expression!);
                var name = baseName;
                for (var n = 2; Contains(taken, name); n++)
                {
                    name = baseName + n.ToString(CultureInfo.InvariantCulture);
                }

                taken.Add(name);
                byValue[piece.ValueCode!] = name;
                piece.ParameterName = name;
            }
        }

        private static bool Contains(ISet<string> taken, string name)
        {
            foreach (var item in taken)
            {
                if (string.Equals(item, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string BaseName(ExpressionSyntax expression)
        {
            string? raw = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } when IsTransform(member.Name.Identifier.ValueText) => RawName(member.Expression),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => StripGet(member.Name.Identifier.ValueText),
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => StripGet(identifier.Identifier.ValueText),
                ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } when arguments[0].Expression is LiteralExpressionSyntax literal => literal.Token.ValueText,
                _ => null,
            };

            var builder = new StringBuilder();
            foreach (var c in raw ?? "p")
            {
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    builder.Append(builder.Length == 0 && char.IsDigit(c) ? "p" + c : c.ToString());
                }
            }

            if (builder.Length == 0)
            {
                builder.Append('p');
            }

            builder[0] = char.ToLowerInvariant(builder[0]);
            var name = builder.ToString();
            if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
            {
                name += "Value";
            }

            return name;
        }

        private static bool IsTransform(string name) =>
            name is "ToString" or "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or
                "Replace" or "Substring" or "Normalize" or "PadLeft" or "PadRight";

        private static string? RawName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } when IsTransform(member.Name.Identifier.ValueText) => RawName(member.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => StripGet(member.Name.Identifier.ValueText),
            _ => null,
        };

        private static string StripGet(string name) =>
            name.Length > 3 && name.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(name[3]) ? name.Substring(3) : name;

        /// <summary>The text with every value replaced by <c>@name</c>, constants kept as written.</summary>
        public ExpressionSyntax ToParameterizedText()
        {
            if (RawIndent is not null)
            {
                var anyConstant = false;
                var content = RawInterpolatedContent(piece =>
                {
                    if (piece.IsConstant && Interpolated)
                    {
                        anyConstant = true;
                        return Code(piece.Expression!);
                    }

                    return null;
                });
                if (content is not null)
                {
                    var plain = new StringBuilder();
                    foreach (var piece in Pieces)
                    {
                        plain.Append(piece.IsHole ? "@" + piece.ParameterName : piece.IsConstant && anyConstant ? "{" + Code(piece.Expression!) + "}" : piece.Text);
                    }

                    var raw = RawLiteral(plain.ToString(), anyConstant);
                    if (raw is not null)
                    {
                        return SyntaxFactory.ParseExpression(raw);
                    }
                }
            }

            if (Interpolated)
            {
                var builder = new StringBuilder(Verbatim ? "$@\"" : "$\"");
                var anyHole = false;
                foreach (var piece in Pieces)
                {
                    if (piece.IsHole)
                    {
                        builder.Append(EscapeInterpolated("@" + piece.ParameterName, Verbatim));
                    }
                    else if (piece.IsConstant)
                    {
                        anyHole = true;
                        builder.Append('{').Append(Code(piece.Expression!)).Append('}');
                    }
                    else
                    {
                        builder.Append(EscapeInterpolated(piece.Text, Verbatim));
                    }
                }

                if (anyHole)
                {
                    return SyntaxFactory.ParseExpression(builder.Append('"').ToString());
                }
            }

            var parts = new List<string>();
            var text = new StringBuilder();
            foreach (var piece in Pieces)
            {
                if (piece.IsHole)
                {
                    text.Append('@').Append(piece.ParameterName);
                }
                else if (piece.IsConstant && !Interpolated)
                {
                    if (text.Length > 0)
                    {
                        parts.Add(StringLiteral(text.ToString()));
                        text.Clear();
                    }

                    parts.Add(ParenthesizeForConcat(piece.Expression!));
                }
                else
                {
                    text.Append(piece.Text);
                }
            }

            if (text.Length > 0 || parts.Count == 0)
            {
                parts.Add(StringLiteral(text.ToString()));
            }

            return SyntaxFactory.ParseExpression(string.Join(" + ", parts));
        }

        /// <summary>An interpolated string where every value is a hole (EF Core parameterizes them); constants inlined.</summary>
        public ExpressionSyntax ToFormattableText()
        {
            if (RawIndent is not null)
            {
                var content = RawInterpolatedContent(piece =>
                {
                    if (!piece.IsHole)
                    {
                        return null;
                    }

                    var simple = piece.ValueCode == Code(piece.Expression!) && IsSimple(piece.Expression!);
                    return simple ? piece.ValueCode : "(" + piece.ValueCode + ")";
                });
                var raw = content is null ? null : RawLiteral(content, interpolated: true);
                if (raw is not null)
                {
                    return SyntaxFactory.ParseExpression(raw);
                }
            }

            var builder = new StringBuilder(Verbatim ? "$@\"" : "$\"");
            foreach (var piece in Pieces)
            {
                if (piece.IsHole)
                {
                    var code = piece.ValueCode!;
                    var simple = piece.ValueCode == Code(piece.Expression!) && IsSimple(piece.Expression!);
                    builder.Append('{').Append(simple ? code : "(" + code + ")").Append('}');
                }
                else
                {
                    builder.Append(EscapeInterpolated(piece.Text, Verbatim));
                }
            }

            return SyntaxFactory.ParseExpression(builder.Append('"').ToString());
        }

        private static bool IsSimple(ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax;

        private static string ParenthesizeForConcat(ExpressionSyntax expression)
        {
            var code = Code(expression);
            return expression is BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax ? "(" + code + ")" : code;
        }

        private string StringLiteral(string text)
        {
            if (Verbatim && (text.IndexOf('\n') >= 0 || text.IndexOf('\\') >= 0))
            {
                return "@\"" + text.Replace("\"", "\"\"") + "\"";
            }

            return SymbolDisplay.FormatLiteral(text, quote: true);
        }

        private static string EscapeInterpolated(string text, bool verbatim)
        {
            var builder = new StringBuilder(text.Length);
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

            return builder.ToString();
        }
    }
}
