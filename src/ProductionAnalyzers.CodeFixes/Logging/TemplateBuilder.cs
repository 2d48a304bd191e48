using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Logging;

namespace ProductionAnalyzers.CodeFixes.Logging
{
    /// <summary>
    /// Turns a message built by interpolation, concatenation or <c>string.Format</c> (or a constant template plus its
    /// values) into a list of literal text and holes, and renders it back as a constant message template with named
    /// placeholders plus the values in order. Shared by the PA4001, PA4002 and PA4003 fixes.
    /// </summary>
    internal sealed class TemplateBuilder
    {
        private static readonly HashSet<string> PassThroughMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "ConfigureAwait",
        };

        private static readonly string[] TrailingLabels =
        {
            "exception message", "error message", "stack trace", "stacktrace", "exception", "error", "message", "reason",
            "details", "detail", "because of", "because", "due to", "with", "ex", "err", "inner exception", "inner", "cause",
        };

        private readonly List<Part> _parts = new List<Part>();

        private TemplateBuilder()
        {
        }

        /// <summary>A piece of the message: literal runtime text, or a value with its alignment and format.</summary>
        internal sealed class Part
        {
            public Part(string text)
            {
                Text = text;
            }

            public Part(ExpressionSyntax expression, string? alignment, string? format, string? name)
            {
                Expression = expression;
                Alignment = alignment;
                Format = format;
                Name = name;
            }

            public string? Text { get; set; }

            public ExpressionSyntax? Expression { get; }

            public string? Alignment { get; }

            public string? Format { get; }

            /// <summary>The placeholder name an existing template already gave this value; kept as it is.</summary>
            public string? Name { get; }

            public bool IsHole => Expression is not null;
        }

        public IReadOnlyList<Part> Parts => _parts;

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
            var builder = new TemplateBuilder();
            var raw = new List<Part>();
            if (!Collect(message, model, raw, topLevel: true, cancellationToken))
            {
                return null;
            }

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
            var builder = new TemplateBuilder();
            builder._parts.Add(new Part(value, null, null, null));
            return builder;
        }

        /// <summary>A composite-format call's arguments, format first: <c>Console.WriteLine("{0} items", count)</c>.</summary>
        public static TemplateBuilder? FromCompositeFormat(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var builder = new TemplateBuilder();
            return CollectCompositeFormat(arguments, model, builder._parts, cancellationToken) ? builder : null;
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

                var merged = new Part(left + right);
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
            var namer = new Namer(model);
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

                var baseName = namer.NameFor(part.Expression!);
                var name = baseName;
                for (var n = 2; used.Contains(name); n++)
                {
                    name = baseName + n.ToString(CultureInfo.InvariantCulture);
                }

                used.Add(name);
                return name;
            });
        }

        /// <summary>
        /// The message as a composite format (<c>"Imported {0} rows"</c>, alignment and format kept) and the values in order,
        /// for frameworks whose level methods take one (log4net's <c>InfoFormat</c>); <see cref="CompositeFormat"/> reads it back.
        /// </summary>
        public (string Format, List<ExpressionSyntax> Values) RenderCompositeFormat() =>
            RenderWith((_, index) => index.ToString(CultureInfo.InvariantCulture));

        /// <summary>Text with braces escaped, each hole as <c>{name[,alignment][:format]}</c> (the name given its index), and the values in order.</summary>
        private (string Text, List<ExpressionSyntax> Values) RenderWith(Func<Part, int, string> holeName)
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

        private static bool Collect(ExpressionSyntax expression, SemanticModel model, List<Part> parts, bool topLevel, CancellationToken cancellationToken)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            var constant = model.GetConstantValue(expression, cancellationToken);
            if (constant.HasValue && ConstantText(constant.Value) is { } constantText)
            {
                parts.Add(new Part(constantText));
                return true;
            }

            switch (expression)
            {
                case InterpolatedStringExpressionSyntax interpolated:
                    if (interpolated.StringStartToken.ValueText.Contains("$$") || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) ||
                        interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
                    {
                        return false;
                    }

                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            parts.Add(new Part(text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}")));
                        }
                        else if (content is InterpolationSyntax hole)
                        {
                            string? alignment = null;
                            if (hole.AlignmentClause is { } alignmentClause)
                            {
                                var value = model.GetConstantValue(alignmentClause.Value, cancellationToken);
                                if (!value.HasValue || value.Value is not int number)
                                {
                                    return false;
                                }

                                alignment = number.ToString(CultureInfo.InvariantCulture);
                            }

                            var format = hole.FormatClause?.FormatStringToken.ValueText;
                            var holeConstant = model.GetConstantValue(hole.Expression, cancellationToken);
                            if (alignment is null && format is null && holeConstant.HasValue && holeConstant.Value is string holeText)
                            {
                                parts.Add(new Part(holeText));
                            }
                            else
                            {
                                if (format is not null && (format.IndexOf('{') >= 0 || format.IndexOf('}') >= 0))
                                {
                                    return false;
                                }

                                parts.Add(new Part(hole.Expression, alignment, format, null));
                            }
                        }
                    }

                    return true;

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) &&
                    model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String:
                    return Collect(binary.Left, model, parts, topLevel: false, cancellationToken) &&
                           Collect(binary.Right, model, parts, topLevel: false, cancellationToken);

                case InvocationExpressionSyntax invocation when topLevel &&
                    model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method &&
                    TemplateForms.IsStringBuildingMethod(method):
                    return CollectStringMethod(invocation, method, model, parts, cancellationToken);

                default:
                    if (topLevel)
                    {
                        return false;
                    }

                    parts.Add(new Part(expression, null, null, null));
                    return true;
            }
        }

        private static bool CollectStringMethod(
            InvocationExpressionSyntax invocation,
            IMethodSymbol method,
            SemanticModel model,
            List<Part> parts,
            CancellationToken cancellationToken)
        {
            var arguments = invocation.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }
            }

            if (method.Name is "Invariant" or "CurrentCulture")
            {
                return arguments.Count == 1 && arguments[0].Expression is InterpolatedStringExpressionSyntax &&
                       Collect(arguments[0].Expression, model, parts, topLevel: true, cancellationToken);
            }

            if (method.Name == "Concat")
            {
                if (method.Parameters.Length == 1 && method.Parameters[0].Type is not INamedTypeSymbol { SpecialType: SpecialType.System_String } && !method.Parameters[0].IsParams)
                {
                    return false;
                }

                foreach (var argument in arguments)
                {
                    var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
                    if (type is IArrayTypeSymbol)
                    {
                        return false;
                    }

                    if (!Collect(argument.Expression, model, parts, topLevel: false, cancellationToken))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (method.Name != "Format" || method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String ||
                arguments.Count == 0)
            {
                return false;
            }

            return CollectCompositeFormat(arguments, model, parts, cancellationToken);
        }

        /// <summary>
        /// The arguments of a composite-format call, format first: <c>("{0} of {1}", a, b)</c>, or one array passed as the
        /// params array itself (<c>new object[] { a, b }</c>, <c>new[] { a, b }</c>). False when the format is not constant
        /// or an array argument cannot be taken apart.
        /// </summary>
        private static bool CollectCompositeFormat(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, List<Part> parts, CancellationToken cancellationToken)
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

                    if (expression is ArrayCreationExpressionSyntax { Initializer: { } initializer })
                    {
                        values.AddRange(initializer.Expressions);
                        continue;
                    }

                    if (expression is ImplicitArrayCreationExpressionSyntax { Initializer: { } implicitInitializer })
                    {
                        values.AddRange(implicitInitializer.Expressions);
                        continue;
                    }

                    return false;
                }

                values.Add(expression);
            }

            return ParseCompositeFormat(formatText, values, parts);
        }

        /// <summary><c>"{0,5:N2} of {1}"</c> → holes of the arguments (<see cref="CompositeFormat"/>). Each argument is used exactly once.</summary>
        private static bool ParseCompositeFormat(string format, IReadOnlyList<ExpressionSyntax> arguments, List<Part> parts)
        {
            var tokens = new List<CompositeFormatToken>();
            if (!CompositeFormat.Tokenize(format, tokens))
            {
                return false;
            }

            var used = new bool[arguments.Count];
            foreach (var token in tokens)
            {
                if (!token.IsItem)
                {
                    parts.Add(new Part(token.Text!));
                    continue;
                }

                if (token.Index < 0 || token.Index >= arguments.Count || used[token.Index])
                {
                    return false;
                }

                used[token.Index] = true;
                parts.Add(new Part(arguments[token.Index], token.Alignment, token.Format, null));
            }

            // An argument the format never uses would be dropped: its side effects could matter.
            foreach (var flag in used)
            {
                if (!flag)
                {
                    return false;
                }
            }

            return true;
        }

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

        private static bool SplitTemplateText(string text, IReadOnlyList<ExpressionSyntax> values, ValueBinding binding, List<Part> parts)
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
                        parts.Add(new Part(literal.ToString()));
                        literal.Clear();
                    }

                    // Named placeholders keep their name (with its @ or $); positional ones get a name from their value.
                    var raw = text.Substring(i + 1, close - i - 1);
                    var nameEnd = raw.IndexOfAny(new[] { ',', ':' });
                    var name = holes[0].IsPositional ? null : (nameEnd >= 0 ? raw.Substring(0, nameEnd) : raw).Trim();
                    parts.Add(new Part(values[index], holes[0].Alignment, holes[0].Format, name));
                    i = close + 1;
                    continue;
                }

                literal.Append(c);
                i++;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString()));
            }

            return true;
        }

        private static string? ConstantText(object? value)
        {
            return value switch
            {
                string s => s,
                char ch => ch.ToString(),
                int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture),
                null => string.Empty,
                _ => null,
            };
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

        /// <summary>Names placeholders after their values, resolving receivers with the semantic model when it is known.</summary>
        internal sealed class Namer
        {
            private readonly SemanticModel? _model;

            public Namer(SemanticModel? model)
            {
                _model = model;
            }

            /// <summary>
            /// A PascalCase placeholder name for a value: <c>order.Id</c> → <c>OrderId</c>, <c>GetTotal()</c> → <c>Total</c>,
            /// <c>this._count</c> → <c>Count</c>, <c>items[0]</c> → <c>Items</c>; <c>Value</c> when nothing better is known.
            /// </summary>
            public string NameFor(ExpressionSyntax expression)
            {
                var raw = RawName(expression, 0);
                var name = Sanitize(raw);
                return name.Length == 0 ? "Value" : name;
            }

            private string? RawName(ExpressionSyntax? expression, int depth)
            {
                if (expression is null || depth > 6)
                {
                    return null;
                }

                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return RawName(parenthesized.Expression, depth + 1);
                    case CastExpressionSyntax cast:
                        return RawName(cast.Expression, depth + 1);
                    case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        return RawName(postfix.Operand, depth + 1);
                    case AwaitExpressionSyntax awaited:
                        return RawName(awaited.Expression, depth + 1);
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText;
                    case GenericNameSyntax generic:
                        return generic.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return Combine(ReceiverName(member.Expression, depth), member.Name.Identifier.ValueText);
                    case ConditionalAccessExpressionSyntax conditional:
                        return Combine(ReceiverName(conditional.Expression, depth), BindingName(conditional.WhenNotNull, depth));
                    case ElementAccessExpressionSyntax element:
                        if (element.ArgumentList.Arguments.Count == 1 &&
                            element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string key })
                        {
                            return key;
                        }

                        return RawName(element.Expression, depth + 1);
                    case InvocationExpressionSyntax invocation:
                        return InvocationName(invocation, depth);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                        return RawName(binary.Left, depth + 1);
                    default:
                        return null;
                }
            }

            private string? InvocationName(InvocationExpressionSyntax invocation, int depth)
            {
                ExpressionSyntax? receiver = null;
                string? methodName = null;
                switch (invocation.Expression)
                {
                    case MemberAccessExpressionSyntax member:
                        receiver = member.Expression;
                        methodName = member.Name.Identifier.ValueText;
                        break;
                    case IdentifierNameSyntax identifier:
                        methodName = identifier.Identifier.ValueText;
                        break;
                    case GenericNameSyntax generic:
                        methodName = generic.Identifier.ValueText;
                        break;
                    case MemberBindingExpressionSyntax binding:
                        methodName = binding.Name.Identifier.ValueText;
                        break;
                }

                if (methodName is null)
                {
                    return null;
                }

                if (PassThroughMethods.Contains(methodName))
                {
                    return receiver is null ? null : RawName(receiver, depth + 1);
                }

                if (methodName == "Join" && invocation.ArgumentList.Arguments.Count > 0)
                {
                    return RawName(invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression, depth + 1);
                }

                if (methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5)
                {
                    methodName = methodName.Substring(0, methodName.Length - 5);
                }

                if (methodName.StartsWith("Get", StringComparison.Ordinal) && methodName.Length > 3 && char.IsUpper(methodName[3]))
                {
                    methodName = methodName.Substring(3);
                }

                return Combine(receiver is null ? null : ReceiverName(receiver, depth), methodName);
            }

            private string? BindingName(ExpressionSyntax whenNotNull, int depth)
            {
                switch (whenNotNull)
                {
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return Combine(BindingName(member.Expression, depth + 1), member.Name.Identifier.ValueText);
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberBindingExpressionSyntax binding:
                        return PassThroughMethods.Contains(binding.Name.Identifier.ValueText) ? null : binding.Name.Identifier.ValueText;
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax member:
                        return PassThroughMethods.Contains(member.Name.Identifier.ValueText)
                            ? BindingName(member.Expression, depth + 1)
                            : Combine(BindingName(member.Expression, depth + 1), member.Name.Identifier.ValueText);
                    default:
                        return null;
                }
            }

            /// <summary>The last segment of a receiver (<c>request.Customer</c> → <c>Customer</c>); nothing for <c>this</c>, types and calls.</summary>
            private string? ReceiverName(ExpressionSyntax receiver, int depth)
            {
                switch (receiver)
                {
                    case ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax:
                        return null;
                    case IdentifierNameSyntax identifier:
                        // Type receivers (DateTime.UtcNow, Environment.MachineName) add nothing.
                        var symbol = _model?.GetSymbolInfo(identifier).Symbol;
                        if (symbol is INamedTypeSymbol or INamespaceSymbol ||
                            (symbol is null && identifier.Identifier.ValueText.Length > 0 && char.IsUpper(identifier.Identifier.ValueText[0])))
                        {
                            return null;
                        }

                        return identifier.Identifier.ValueText;
                    case MemberAccessExpressionSyntax member:
                        return member.Name.Identifier.ValueText;
                    case ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax:
                        return RawName(receiver, depth + 1);
                    case ElementAccessExpressionSyntax element:
                        return RawName(element.Expression, depth + 1);
                    default:
                        return null;
                }
            }
        }

        private static string? Combine(string? receiver, string? member)
        {
            if (member is null)
            {
                return receiver;
            }

            if (receiver is null)
            {
                return member;
            }

            // user.UserName → UserName, request.OrderId → OrderId (already a full name); order.Id → OrderId.
            var memberName = Pascal(member);
            var receiverName = Pascal(receiver);
            if (memberName.StartsWith(receiverName, StringComparison.OrdinalIgnoreCase) || WordCount(memberName) >= 2)
            {
                return memberName;
            }

            return receiverName + memberName;
        }

        private static int WordCount(string pascal)
        {
            var count = 0;
            for (var i = 0; i < pascal.Length; i++)
            {
                if (char.IsUpper(pascal[i]) && (i == 0 || !char.IsUpper(pascal[i - 1])))
                {
                    count++;
                }
            }

            return count;
        }

        private static string Pascal(string name)
        {
            var sanitized = Sanitize(name);
            return sanitized;
        }

        private static string Sanitize(string? name)
        {
            if (name is null)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            var upperNext = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (builder.Length == 0 && char.IsDigit(c))
                    {
                        continue;
                    }

                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    // "_count", "m_total", "order-id" → Count, Total, OrderId
                    upperNext = true;
                }
            }

            var result = builder.ToString();
            if (result.Length > 1 && result[0] == 'M' && name.StartsWith("m_", StringComparison.Ordinal))
            {
                result = result.Substring(1);
            }

            return result;
        }
    }
}
