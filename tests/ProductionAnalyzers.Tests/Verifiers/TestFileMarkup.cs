using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>One marked span of a test file: <c>[|...|]</c> (Name null), <c>{|PA1001:...|}</c> or <c>{|#0:...|}</c>.</summary>
public readonly record struct MarkupSpan(string? Name, TextSpan Span)
{
    /// <summary>True for <c>{|#key:...|}</c>, a location referenced by <c>WithLocation(key)</c>.</summary>
    public bool IsLocationKey => Name is not null && Name.StartsWith('#');
}

/// <summary>
/// Parses the diagnostic markup of test files: <c>[|text|]</c> (the analyzer's default descriptor),
/// <c>{|ID:text|}</c> (a diagnostic with that ID), <c>{|#0:text|}</c> (a location for <c>WithLocation(0)</c>).
/// Spans nest and may be empty (<c>{|#0:|}</c>). <c>$$</c> is plain code (interpolated raw strings use it).
/// </summary>
public static class TestFileMarkup
{
    /// <summary>The code without markup; throws <see cref="InvalidOperationException"/> on malformed markup.</summary>
    public static string Strip(string markup) => Parse(markup).Code;

    /// <summary>Parses <paramref name="markup"/> into plain code and the marked spans (in order of their end).</summary>
    public static (string Code, ImmutableArray<MarkupSpan> Spans) Parse(string markup, string? fileName = null)
    {
        var code = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<MarkupSpan>();
        var open = new Stack<(string? Name, int Start, int MarkupOffset)>();

        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, code.Length, i));
                i += 2;
                continue;
            }

            if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                var name = colon < 0 ? string.Empty : markup.Substring(i + 2, colon - i - 2);
                if (name.Length == 0 || !IsValidName(name))
                {
                    throw Error(markup, i, fileName, "'{|' must be followed by a name and ':' as in '{|PA1001:' or '{|#0:'");
                }

                open.Push((name, code.Length, i));
                i = colon + 1;
                continue;
            }

            if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                var closesBracket = markup[i + 1] == ']';
                if (open.Count == 0)
                {
                    throw Error(markup, i, fileName, $"'{markup.Substring(i, 2)}' closes nothing");
                }

                var top = open.Pop();
                if (closesBracket != (top.Name is null))
                {
                    throw Error(markup, i, fileName, $"'{markup.Substring(i, 2)}' does not match the '{(top.Name is null ? "[|" : "{|" + top.Name + ":")}' opened at {Position(markup, top.MarkupOffset)}");
                }

                spans.Add(new MarkupSpan(top.Name, TextSpan.FromBounds(top.Start, code.Length)));
                i += 2;
                continue;
            }

            code.Append(markup[i]);
            i++;
        }

        if (open.Count > 0)
        {
            var top = open.Peek();
            throw Error(markup, top.MarkupOffset, fileName, $"'{(top.Name is null ? "[|" : "{|" + top.Name + ":")}' is never closed");
        }

        return (code.ToString(), spans.ToImmutable());
    }

    /// <summary>
    /// Keeps only the markup spans <paramref name="keep"/> accepts and removes the others (their text stays),
    /// e.g. to run one analyzer over a corpus that also marks diagnostics of the family's other rules.
    /// </summary>
    public static string Filter(string markup, Func<MarkupSpan, bool> keep)
    {
        var (code, spans) = Parse(markup);
        var kept = spans.Where(keep).ToList();
        var events = new List<(int Position, int Order, long Tiebreak, string Token)>();
        for (var index = 0; index < kept.Count; index++)
        {
            // Spans come in the order they close: for equal spans, a lower index is the inner one.
            var span = kept[index];
            var open = span.Name is null ? "[|" : "{|" + span.Name + ":";
            var close = span.Name is null ? "|]" : "|}";
            if (span.Span.IsEmpty)
            {
                events.Add((span.Span.Start, 2, 0, open + close));
                continue;
            }

            // At one position: closes first (innermost first), then opens (outermost first), then empty spans.
            events.Add((span.Span.End, 0, (-(long)span.Span.Start * kept.Count) + index, close));
            events.Add((span.Span.Start, 1, (-(long)span.Span.Length * kept.Count) - index, open));
        }

        var result = new StringBuilder(markup.Length);
        var position = 0;
        foreach (var e in events.OrderBy(e => e.Position).ThenBy(e => e.Order).ThenBy(e => e.Tiebreak))
        {
            result.Append(code, position, e.Position - position).Append(e.Token);
            position = e.Position;
        }

        return result.Append(code, position, code.Length - position).ToString();
    }

    private static bool IsValidName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '#' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool At(string text, int index, string token) =>
        index + token.Length <= text.Length && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static string Position(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var k = 0; k < offset; k++)
        {
            if (text[k] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"({line},{column})";
    }

    private static InvalidOperationException Error(string markup, int offset, string? fileName, string what) =>
        new($"Markup error in {fileName ?? "test source"} at {Position(markup, offset)} (position in the markup text): {what}.");
}
