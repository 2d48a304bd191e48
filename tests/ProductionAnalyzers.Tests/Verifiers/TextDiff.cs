using System.Text;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>A small line diff (longest common subsequence) for failure messages.</summary>
internal static class TextDiff
{
    public static string Describe(string expected, string actual, int context = 2)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        var lastPrinted = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - context); d <= Math.Min(lines.Count - 1, k + context) && !near; d++)
            {
                near = lines[d].Kind != ' ';
            }

            if (!near)
            {
                continue;
            }

            if (lastPrinted >= 0 && k > lastPrinted + 1)
            {
                output.AppendLine("   ...");
            }

            var (kind, line, text) = lines[k];
            output.Append(kind).Append(' ').Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").AppendLine(text.Replace("\t", "\\t"));
            lastPrinted = k;
        }

        return output.ToString().TrimEnd();
    }
}
