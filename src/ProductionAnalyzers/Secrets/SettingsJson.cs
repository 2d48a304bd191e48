using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>A string value of a JSON settings file: its key path (<c>Smtp:Password</c>, <c>Clients:0:Secret</c>), text and span.</summary>
    internal readonly struct SettingsValue
    {
        public SettingsValue(string path, string value, TextSpan span)
        {
            Path = path;
            Value = value;
            Span = span;
        }

        /// <summary>The .NET configuration key path: object keys and array indexes joined by <c>:</c>.</summary>
        public string Path { get; }

        public string Value { get; }

        /// <summary>The span of the string token, quotes included.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>
    /// A small, forgiving reader of JSON settings files (no dependency, so the analyzer loads in every host). It yields every
    /// string value with its key path, the way Microsoft.Extensions.Configuration flattens the file. It accepts what
    /// appsettings files contain in practice: <c>//</c> and <c>/* */</c> comments, trailing commas, a byte-order mark,
    /// duplicate keys (each value is reported), unquoted keys. It never throws and never recurses: on malformed input it
    /// resynchronises at the next token, and it stops after <see cref="MaxValues"/> values or at <see cref="MaxDepth"/>.
    /// Linear in the file's length.
    /// </summary>
    internal static class SettingsJson
    {
        public const int MaxValues = 100000;
        public const int MaxDepth = 256;

        private enum ContainerKind
        {
            Object,
            Array,
        }

        private sealed class Frame
        {
            public Frame(ContainerKind kind, string path)
            {
                Kind = kind;
                Path = path;
            }

            public ContainerKind Kind { get; }

            public string Path { get; }

            public int Index { get; set; }

            public string? PendingKey { get; set; }

            public bool ExpectKey { get; set; } = true;
        }

        public static List<SettingsValue> Read(SourceText text)
        {
            var values = new List<SettingsValue>();
            try
            {
                Read(text.ToString(), values);
            }
            catch (Exception)
            {
                // Never reached by design; a reader bug must not become AD0001 in every build that has an appsettings file.
            }

            return values;
        }

        internal static void Read(string s, List<SettingsValue> values)
        {
            var stack = new List<Frame>();
            var i = 0;
            var n = s.Length;
            var builder = new StringBuilder();
            while (i < n && values.Count < MaxValues)
            {
                var c = s[i];
                if (c == '\uFEFF' || char.IsWhiteSpace(c) || c == ',')
                {
                    if (c == ',' && stack.Count > 0)
                    {
                        var frame = stack[stack.Count - 1];
                        if (frame.Kind == ContainerKind.Object)
                        {
                            frame.ExpectKey = true;
                            frame.PendingKey = null;
                        }
                    }

                    i++;
                    continue;
                }

                if (c == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '*'))
                {
                    i = SkipComment(s, i);
                    continue;
                }

                var top = stack.Count > 0 ? stack[stack.Count - 1] : null;
                switch (c)
                {
                    case '{':
                    case '[':
                        {
                            var path = ChildPath(top);
                            if (stack.Count < MaxDepth)
                            {
                                stack.Add(new Frame(c == '{' ? ContainerKind.Object : ContainerKind.Array, path));
                            }
                            else
                            {
                                return;
                            }

                            i++;
                            continue;
                        }

                    case '}':
                    case ']':
                        if (stack.Count > 0)
                        {
                            stack.RemoveAt(stack.Count - 1);
                            AfterValue(stack);
                        }

                        i++;
                        continue;
                    case ':':
                        if (top is { Kind: ContainerKind.Object })
                        {
                            top.ExpectKey = false;
                        }

                        i++;
                        continue;
                    case '"':
                    case '\'':
                        {
                            var start = i;
                            i = ReadString(s, i, builder);
                            var str = builder.ToString();
                            if (top is { Kind: ContainerKind.Object, ExpectKey: true })
                            {
                                top.PendingKey = str;
                                continue;
                            }

                            var path = ChildPath(top);
                            if (top is not null)
                            {
                                values.Add(new SettingsValue(path, str, TextSpan.FromBounds(start, i)));
                            }

                            AfterValue(stack);
                            continue;
                        }

                    default:
                        {
                            // Numbers, true/false/null, unquoted keys: a run of other characters.
                            var start = i;
                            while (i < n && !IsStructural(s[i]) && !char.IsWhiteSpace(s[i]))
                            {
                                i++;
                            }

                            if (i == start)
                            {
                                i++;
                                continue;
                            }

                            if (top is { Kind: ContainerKind.Object, ExpectKey: true })
                            {
                                top.PendingKey = s.Substring(start, i - start);
                            }
                            else
                            {
                                AfterValue(stack);
                            }

                            continue;
                        }
                }
            }
        }

        private static bool IsStructural(char c) => c is '{' or '}' or '[' or ']' or ':' or ',' or '"' or '\'' or '/';

        private static string ChildPath(Frame? top)
        {
            if (top is null)
            {
                return string.Empty;
            }

            var name = top.Kind == ContainerKind.Array ? top.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : top.PendingKey ?? string.Empty;
            return top.Path.Length == 0 ? name : top.Path + ":" + name;
        }

        private static void AfterValue(List<Frame> stack)
        {
            if (stack.Count == 0)
            {
                return;
            }

            var top = stack[stack.Count - 1];
            if (top.Kind == ContainerKind.Array)
            {
                top.Index++;
            }
            else
            {
                top.PendingKey = null;
                top.ExpectKey = true;
            }
        }

        private static int SkipComment(string s, int i)
        {
            if (s[i + 1] == '/')
            {
                var end = s.IndexOf('\n', i + 2);
                return end < 0 ? s.Length : end + 1;
            }

            var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + 2;
        }

        /// <summary>Reads a string starting at the quote; returns the index after the closing quote (or the line's end when unterminated).</summary>
        private static int ReadString(string s, int i, StringBuilder builder)
        {
            builder.Clear();
            var quote = s[i];
            i++;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == quote)
                {
                    return i + 1;
                }

                if (c == '\n')
                {
                    // Unterminated: stop at the line's end so one bad line does not swallow the file.
                    return i;
                }

                if (c == '\\' && i + 1 < s.Length)
                {
                    var e = s[i + 1];
                    switch (e)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'u':
                            if (i + 5 < s.Length && TryHex(s, i + 2, out var code))
                            {
                                builder.Append((char)code);
                                i += 6;
                                continue;
                            }

                            builder.Append('u');
                            break;
                        default: builder.Append(e); break;
                    }

                    i += 2;
                    continue;
                }

                builder.Append(c);
                i++;
            }

            return i;
        }

        private static bool TryHex(string s, int start, out int code)
        {
            code = 0;
            for (var k = start; k < start + 4; k++)
            {
                var c = s[k];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return false;
                }

                code = (code * 16) + digit;
            }

            return true;
        }
    }
}
