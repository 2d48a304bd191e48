using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>One placeholder of a message template: <c>{Name}</c>, <c>{@Name}</c>, <c>{Name,10:N2}</c>, <c>{0}</c>.</summary>
    internal readonly struct TemplateHole
    {
        public TemplateHole(int start, int length, string name, string? alignment, string? format, bool isDestructured = false)
        {
            IsDestructured = isDestructured;
            Start = start;
            Length = length;
            Name = name;
            Alignment = alignment;
            Format = format;
        }

        /// <summary>Offset of the opening brace in the template text.</summary>
        public int Start { get; }

        /// <summary>Length including both braces.</summary>
        public int Length { get; }

        /// <summary>The name without the <c>@</c>/<c>$</c> operator.</summary>
        public string Name { get; }

        public string? Alignment { get; }

        public string? Format { get; }

        /// <summary>The hole has the <c>@</c> operator: Serilog and NLog serialize the object's properties.</summary>
        public bool IsDestructured { get; }

        public bool IsPositional => Name.Length > 0 && char.IsDigit(Name[0]);
    }

    /// <summary>
    /// A tolerant parser of message templates (the syntax shared by MEL, Serilog and NLog): <c>{{</c> and <c>}}</c>
    /// are literal braces, an unclosed or malformed hole is literal text. Never throws.
    /// </summary>
    internal static class MessageTemplate
    {
        [MethodImpl(HotPath.Options)]
        public static ImmutableArray<TemplateHole> Parse(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf('{') < 0)
            {
                return ImmutableArray<TemplateHole>.Empty;
            }

            var holes = ImmutableArray.CreateBuilder<TemplateHole>(4);
            var i = 0;
            while (i < text!.Length)
            {
                var c = text[i];
                if (c == '{')
                {
                    if (i + 1 < text.Length && text[i + 1] == '{')
                    {
                        i += 2;
                        continue;
                    }

                    var close = text.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        break;
                    }

                    var content = text.Substring(i + 1, close - i - 1);
                    if (TryParseHole(content, out var name, out var alignment, out var format))
                    {
                        holes.Add(new TemplateHole(i, close - i + 1, name, alignment, format, content.TrimStart().StartsWith("@", System.StringComparison.Ordinal)));
                    }

                    i = close + 1;
                    continue;
                }

                i++;
            }

            return holes.ToImmutable();
        }

        private static bool TryParseHole(string content, out string name, out string? alignment, out string? format)
        {
            name = string.Empty;
            alignment = null;
            format = null;
            if (content.Length == 0 || content.IndexOf('{') >= 0)
            {
                return false;
            }

            var formatStart = content.IndexOf(':');
            var head = formatStart >= 0 ? content.Substring(0, formatStart) : content;
            format = formatStart >= 0 ? content.Substring(formatStart + 1) : null;
            var comma = head.IndexOf(',');
            if (comma >= 0)
            {
                alignment = head.Substring(comma + 1).Trim();
                head = head.Substring(0, comma);
            }

            head = head.Trim();
            if (head.Length > 0 && (head[0] == '@' || head[0] == '$'))
            {
                head = head.Substring(1);
            }

            if (head.Length == 0)
            {
                return false;
            }

            foreach (var ch in head)
            {
                if (!char.IsLetterOrDigit(ch) && ch != '_' && ch != '.')
                {
                    return false;
                }
            }

            name = head;
            return true;
        }

        /// <summary>Maps holes to value indexes the way the frameworks bind them: positional holes by number, named holes by order.</summary>
        [MethodImpl(HotPath.Options)]
        public static int[] ValueIndexes(ImmutableArray<TemplateHole> holes)
        {
            var result = new int[holes.Length];
            var allPositional = holes.Length > 0;
            foreach (var hole in holes)
            {
                allPositional &= hole.IsPositional;
            }

            var named = new Dictionary<string, int>();
            var next = 0;
            for (var i = 0; i < holes.Length; i++)
            {
                if (allPositional && int.TryParse(holes[i].Name, out var index))
                {
                    result[i] = index;
                }
                else if (named.TryGetValue(holes[i].Name, out var existing))
                {
                    result[i] = existing;
                }
                else
                {
                    named[holes[i].Name] = next;
                    result[i] = next++;
                }
            }

            return result;
        }
    }
}
