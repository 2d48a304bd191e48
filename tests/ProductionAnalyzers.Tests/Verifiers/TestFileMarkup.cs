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
    /// <summary>The code without markup; throws <see cref="VerificationFailedException"/> on malformed markup.</summary>
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

    private static VerificationFailedException Error(string markup, int offset, string? fileName, string what) =>
        new($"Markup error in {fileName ?? "test source"} at {Position(markup, offset)} (position in the markup text): {what}.");
}
