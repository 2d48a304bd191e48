using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.CodeFixes.Infrastructure
{
    internal enum TextPieceKind
    {
        /// <summary>Literal text as the program sees it (escapes resolved).</summary>
        Text,

        /// <summary>A compile-time constant expression; <see cref="TextPiece.Text"/> is its value as text.</summary>
        Constant,

        /// <summary>A value known only at run time.</summary>
        Hole,
    }

    /// <summary>One piece of a string expression as written: literal text, a constant expression or a value (a hole).</summary>
    internal sealed class TextPiece
    {
        private TextPiece(TextPieceKind kind, string text, ExpressionSyntax? expression, object? value, bool inInterpolation, string? alignment, string? format, string? name)
        {
            Kind = kind;
            Text = text;
            Expression = expression;
            Value = value;
            InInterpolation = inInterpolation;
            Alignment = alignment;
            Format = format;
            Name = name;
        }

        public TextPieceKind Kind { get; }

        /// <summary>The literal text, or the invariant text of a constant's value; empty for a hole. The consumers trim it.</summary>
        public string Text { get; set; }

        /// <summary>The expression of a constant or a hole; null for literal text.</summary>
        public ExpressionSyntax? Expression { get; }

        /// <summary>The value of a constant.</summary>
        public object? Value { get; }

        /// <summary>True for a constant written as an interpolation hole (<c>$"{Prefix}"</c>) rather than a concatenated operand.</summary>
        public bool InInterpolation { get; }

        /// <summary>The alignment of a hole (<c>{x,5}</c>, or <c>{0,5}</c> of a composite format), or null.</summary>
        public string? Alignment { get; }

        /// <summary>The format of a hole (<c>{x:N2}</c>), or null.</summary>
        public string? Format { get; }

        /// <summary>The hole's name: the placeholder name a template already gave it, or the one a fix assigned.</summary>
        public string? Name { get; set; }

        /// <summary>For SQL parameters: the code of the value sent (the hole, or the hole with the text around it inside quotes).</summary>
        public string? ValueCode { get; set; }

        public bool IsText => Kind == TextPieceKind.Text;

        public bool IsConstant => Kind == TextPieceKind.Constant;

        public bool IsHole => Kind == TextPieceKind.Hole;

        public static TextPiece Literal(string text) => new TextPiece(TextPieceKind.Text, text, null, null, false, null, null, null);

        public static TextPiece Constant(ExpressionSyntax expression, object? value, bool inInterpolation) =>
            new TextPiece(TextPieceKind.Constant, ConstantText(value), expression, value, inInterpolation, null, null, null);

        public static TextPiece Hole(ExpressionSyntax expression, string? alignment = null, string? format = null, string? name = null) =>
            new TextPiece(TextPieceKind.Hole, string.Empty, expression, null, false, alignment, format, name);

        /// <summary>This constant seen as a hole (a template keeps a non-text constant as a value).</summary>
        public TextPiece AsHole() => Hole(Expression!);

        private static string ConstantText(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>What the collector accepts beyond interpolation and <c>+</c> concatenation.</summary>
    internal sealed class TextPieceOptions
    {
        public TextPieceOptions(bool formatsAndAlignments, bool stringMethods)
        {
            FormatsAndAlignments = formatsAndAlignments;
            StringMethods = stringMethods;
        }

        /// <summary>Holes may carry an alignment and a format (a message template keeps them; a SQL parameter cannot).</summary>
        public bool FormatsAndAlignments { get; }

        /// <summary>The whole text may be <c>string.Format</c>, <c>string.Concat</c> or <c>FormattableString.Invariant</c>.</summary>
        public bool StringMethods { get; }
    }

    /// <summary>
    /// "Split this string expression into text and holes": the one collector of the SQL and logging fixes. It reads
    /// <c>+</c> concatenation, interpolation (regular, verbatim, raw), <c>string.Format</c>/<c>string.Concat</c>/
    /// <c>FormattableString.Invariant</c> (composite formats through <see cref="CompositeFormat"/>), and notes how the
    /// text was written (<see cref="LiteralStyle"/>) so that <see cref="StringLiteralWriter"/> writes the result the same way.
    /// Naming the holes is <see cref="HoleNaming"/>.
    /// </summary>
    internal sealed class TextPieces
    {
        private TextPieces(List<TextPiece> pieces, LiteralStyle style)
        {
            Pieces = pieces;
            Style = style;
        }

        /// <summary>The pieces in order, adjacent literal text merged.</summary>
        public List<TextPiece> Pieces { get; }

        public LiteralStyle Style { get; }

        public IEnumerable<TextPiece> Holes
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

        /// <summary>The pieces of <paramref name="expression"/>, or null when it is not a built string the collector can take apart.</summary>
        public static TextPieces? Create(ExpressionSyntax expression, SemanticModel model, TextPieceOptions options, CancellationToken cancellationToken)
        {
            var top = Strip(expression);
            var collector = new Collector(model, options, cancellationToken);
            if (!collector.Collect(top, topLevel: true))
            {
                return null;
            }

            return new TextPieces(Merge(collector.Pieces), LiteralStyle.Of(top, collector.Verbatim, cancellationToken));
        }

        /// <summary>A composite-format call's arguments, format first (<c>("{0} of {1}", a, b)</c>); null when they cannot be taken apart.</summary>
        public static TextPieces? FromCompositeFormat(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var pieces = new List<TextPiece>();
            return Collector.CompositeFormatCall(arguments, model, pieces, cancellationToken) ? new TextPieces(Merge(pieces), LiteralStyle.Regular) : null;
        }

        /// <summary>Adjacent literal text as one piece; empty text dropped.</summary>
        public static List<TextPiece> Merge(IEnumerable<TextPiece> pieces)
        {
            var merged = new List<TextPiece>();
            foreach (var piece in pieces)
            {
                if (piece.IsText && merged.Count > 0 && merged[merged.Count - 1].IsText)
                {
                    merged[merged.Count - 1].Text += piece.Text;
                }
                else if (!piece.IsText || piece.Text.Length > 0)
                {
                    merged.Add(piece.IsText ? TextPiece.Literal(piece.Text) : piece);
                }
            }

            return merged;
        }

        public static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private sealed class Collector
        {
            private readonly SemanticModel _model;
            private readonly TextPieceOptions _options;
            private readonly CancellationToken _cancellationToken;

            public Collector(SemanticModel model, TextPieceOptions options, CancellationToken cancellationToken)
            {
                _model = model;
                _options = options;
                _cancellationToken = cancellationToken;
            }

            public List<TextPiece> Pieces { get; } = new List<TextPiece>();

            /// <summary>Some literal of the text is verbatim (<c>@"..."</c>, <c>$@"..."</c>) or a multi-line raw literal.</summary>
            public bool Verbatim { get; private set; }

            public bool Collect(ExpressionSyntax expression, bool topLevel)
            {
                expression = Strip(expression);
                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        Verbatim |= literal.Token.Text.StartsWith("@", StringComparison.Ordinal) || literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);
                        Pieces.Add(TextPiece.Literal(literal.Token.ValueText));
                        return true;

                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) &&
                        _model.GetTypeInfo(binary, _cancellationToken).Type?.SpecialType == SpecialType.System_String:
                        return Collect(binary.Left, topLevel: false) && Collect(binary.Right, topLevel: false);

                    case InterpolatedStringExpressionSyntax interpolated:
                        return Interpolation(interpolated);
                }

                var constant = _model.GetConstantValue(expression, _cancellationToken);
                if (constant.HasValue)
                {
                    Pieces.Add(TextPiece.Constant(expression, constant.Value, inInterpolation: false));
                    return true;
                }

                if (!topLevel)
                {
                    Pieces.Add(TextPiece.Hole(expression));
                    return true;
                }

                return _options.StringMethods && expression is InvocationExpressionSyntax invocation &&
                       _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method &&
                       StringMethod(invocation, method);
            }

            private bool Interpolation(InterpolatedStringExpressionSyntax interpolated)
            {
                var start = interpolated.StringStartToken;
                var raw = start.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) || start.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken);
                Verbatim |= start.Text.Contains("@") || start.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        // The token keeps the doubled braces of a regular or verbatim interpolation; a raw one has none.
                        var value = text.TextToken.ValueText;
                        Pieces.Add(TextPiece.Literal(raw ? value : value.Replace("{{", "{").Replace("}}", "}")));
                        continue;
                    }

                    if (content is not InterpolationSyntax hole)
                    {
                        continue;
                    }

                    string? alignment = null;
                    if (hole.AlignmentClause is { } alignmentClause)
                    {
                        var value = _model.GetConstantValue(alignmentClause.Value, _cancellationToken);
                        if (!value.HasValue || value.Value is not int number)
                        {
                            return false;
                        }

                        alignment = number.ToString(CultureInfo.InvariantCulture);
                    }

                    var format = hole.FormatClause?.FormatStringToken.ValueText;
                    if ((alignment is not null || format is not null) && !_options.FormatsAndAlignments)
                    {
                        return false;
                    }

                    if (format is not null && (format.IndexOf('{') >= 0 || format.IndexOf('}') >= 0))
                    {
                        return false;
                    }

                    var constant = _model.GetConstantValue(hole.Expression, _cancellationToken);
                    Pieces.Add(alignment is null && format is null && constant.HasValue
                        ? TextPiece.Constant(hole.Expression, constant.Value, inInterpolation: true)
                        : TextPiece.Hole(hole.Expression, alignment, format));
                }

                return true;
            }

            /// <summary><c>string.Format</c>, <c>string.Concat</c>, <c>FormattableString.Invariant/CurrentCulture</c>, arguments by position.</summary>
            private bool StringMethod(InvocationExpressionSyntax invocation, IMethodSymbol method)
            {
                var arguments = invocation.ArgumentList.Arguments;
                foreach (var argument in arguments)
                {
                    if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                    {
                        return false;
                    }
                }

                if (!method.IsStatic)
                {
                    return false;
                }

                if (method.Name is "Invariant" or "CurrentCulture" && method.ContainingType?.Name == "FormattableString" &&
                    method.ContainingType.ContainingNamespace?.Name == "System")
                {
                    return arguments.Count == 1 && arguments[0].Expression is InterpolatedStringExpressionSyntax &&
                           Collect(arguments[0].Expression, topLevel: true);
                }

                if (method.ContainingType?.SpecialType != SpecialType.System_String)
                {
                    return false;
                }

                if (method.Name == "Concat")
                {
                    if (method.Parameters.Length == 1 && method.Parameters[0].Type is not INamedTypeSymbol { SpecialType: SpecialType.System_String } && !method.Parameters[0].IsParams)
                    {
                        return false;
                    }

                    foreach (var argument in arguments)
                    {
                        if (_model.GetTypeInfo(argument.Expression, _cancellationToken).Type is IArrayTypeSymbol ||
                            !Collect(argument.Expression, topLevel: false))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                return method.Name == "Format" && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
                       arguments.Count > 0 &&
                       CompositeFormatCall(arguments, _model, Pieces, _cancellationToken) &&
                       (_options.FormatsAndAlignments || Pieces.TrueForAll(p => p.Alignment is null && p.Format is null));
            }

            /// <summary>
            /// The arguments of a composite-format call, format first: <c>("{0} of {1}", a, b)</c>, or one array passed as the
            /// params array itself (<c>new object[] { a, b }</c>, <c>new[] { a, b }</c>). False when the format is not constant,
            /// an array argument cannot be taken apart, or an argument is not used exactly once.
            /// </summary>
            public static bool CompositeFormatCall(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, List<TextPiece> pieces, CancellationToken cancellationToken)
            {
                var format = model.GetConstantValue(arguments[0].Expression, cancellationToken);
                if (!format.HasValue || format.Value is not string formatText)
                {
                    return false;
                }

                var values = new List<ExpressionSyntax>();
                for (var i = 1; i < arguments.Count; i++)
                {
                    var expression = arguments[i].Expression;
                    if (arguments.Count == 2 && model.GetTypeInfo(expression, cancellationToken).Type is IArrayTypeSymbol array)
                    {
                        // An int[] is not an object[]: it is passed as the one value of the params array, not taken apart.
                        if (!array.ElementType.IsReferenceType)
                        {
                            return false;
                        }

                        switch (expression)
                        {
                            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                                values.AddRange(initializer.Expressions);
                                continue;
                            case ImplicitArrayCreationExpressionSyntax { Initializer: { } implicitInitializer }:
                                values.AddRange(implicitInitializer.Expressions);
                                continue;
                            default:
                                return false;
                        }
                    }

                    values.Add(expression);
                }

                var tokens = new List<CompositeFormatToken>();
                if (!CompositeFormat.Tokenize(formatText, tokens))
                {
                    return false;
                }

                var used = new bool[values.Count];
                foreach (var token in tokens)
                {
                    if (!token.IsItem)
                    {
                        pieces.Add(TextPiece.Literal(token.Text!));
                        continue;
                    }

                    if (token.Index < 0 || token.Index >= values.Count || used[token.Index])
                    {
                        return false;
                    }

                    used[token.Index] = true;
                    pieces.Add(TextPiece.Hole(values[token.Index], token.Alignment, token.Format));
                }

                // An argument the format never uses would be dropped: its side effects could matter.
                return Array.TrueForAll(used, u => u);
            }
        }
    }
}
