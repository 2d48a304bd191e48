using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// Matches expected against actual diagnostics (ID, span, severity, and message when one was given) and
/// explains a mismatch: what is missing, what is unexpected, the closest pairs field by field, source
/// excerpts, and the actual diagnostics written as ready-to-paste <c>DiagnosticResult</c> code.
/// </summary>
internal static class DiagnosticComparer
{
    public static void Verify(PreparedState state, ImmutableArray<Diagnostic> actual, TestSettings settings)
    {
        var expected = state.ExpectedDiagnostics;
        var unmatchedActual = actual.ToList();
        var missing = new List<DiagnosticResult>();

        // Exact spans first, so a start-only expectation cannot take the diagnostic an exact one needs.
        foreach (var e in expected.OrderBy(e => e.Spans.Any(s => s.IgnoresLength) ? 1 : 0))
        {
            var index = unmatchedActual.FindIndex(a => Differences(e, a).Count == 0);
            if (index >= 0)
            {
                unmatchedActual.RemoveAt(index);
            }
            else
            {
                missing.Add(e);
            }
        }

        if (missing.Count == 0 && unmatchedActual.Count == 0)
        {
            return;
        }

        var files = state.Files.ToDictionary(f => f.Path, f => SourceText.From(f.Code), StringComparer.Ordinal);
        var message = new StringBuilder();
        message.Append(state.Label).Append(": diagnostics of ").Append(settings.AnalyzerName)
            .Append(" do not match (").Append(expected.Length).Append(" expected, ").Append(actual.Length).Append(" reported).").AppendLine();

        var pairs = Pair(missing, unmatchedActual);
        if (pairs.Count > 0)
        {
            message.AppendLine().AppendLine("Closest mismatches (expected vs reported):");
            foreach (var (e, a) in pairs)
            {
                message.Append("  ").Append(e.Id).Append(" at ").Append(Describe(e.Spans.FirstOrDefault())).AppendLine(":");
                foreach (var difference in Differences(e, a))
                {
                    message.Append("    ").AppendLine(difference);
                }
            }
        }

        if (missing.Count > 0)
        {
            message.AppendLine().Append("Expected but not reported (").Append(missing.Count).AppendLine("):");
            foreach (var e in missing)
            {
                message.Append("  ").AppendLine(Describe(e));
                if (e.Spans.FirstOrDefault() is { MarkupKey: null, Path: { } path } span && files.TryGetValue(path, out var text))
                {
                    message.Append(Excerpt(text, span.Start, span.End ?? span.Start));
                }
            }
        }

        if (unmatchedActual.Count > 0)
        {
            message.AppendLine().Append("Reported but not expected (").Append(unmatchedActual.Count).AppendLine("):");
            foreach (var a in unmatchedActual)
            {
                message.Append("  ").AppendLine(Describe(a));
                var span = a.Location.GetLineSpan();
                if (a.Location.IsInSource && files.TryGetValue(span.Path, out var text))
                {
                    message.Append(Excerpt(text, span.StartLinePosition, span.EndLinePosition));
                }
            }

            if (unmatchedActual.Any(a => a.Id.StartsWith("CS", StringComparison.Ordinal) && a.Severity == DiagnosticSeverity.Error))
            {
                message.AppendLine()
                    .AppendLine("  Note: the test code does not compile. Fix the test code, declare the error ({|CS0103:...|} markup or")
                    .AppendLine("  DiagnosticResult.CompilerError(\"CS0103\")), or set CompilerDiagnostics = CompilerDiagnostics.None for bad-input tests.");
            }
        }

        message.AppendLine().AppendLine("All reported diagnostics, as code:");
        if (actual.IsEmpty)
        {
            message.AppendLine("  (none)");
        }

        foreach (var a in actual)
        {
            message.Append("  ").AppendLine(AsCode(a));
        }

        throw new VerificationFailedException(message.ToString());
    }

    /// <summary>Field-by-field differences between an expectation and a diagnostic; empty when they match.</summary>
    internal static List<string> Differences(DiagnosticResult e, Diagnostic a)
    {
        var differences = new List<string>();
        if (e.Id != a.Id)
        {
            differences.Add($"ID: expected {e.Id}, actual {a.Id}");
        }

        var location = LocationDifference(e, a);
        if (location is not null)
        {
            differences.Add(location);
        }

        if (e.HasSeverity && e.Severity != a.Severity)
        {
            differences.Add($"severity: expected {e.Severity}, actual {a.Severity}");
        }

        var message = e.ExpectedMessage();
        var actualMessage = a.GetMessage(CultureInfo.InvariantCulture);
        if (message is not null && message != actualMessage)
        {
            differences.Add($"message: expected \"{message}\", actual \"{actualMessage}\"");
        }

        return differences;
    }

    private static string? LocationDifference(DiagnosticResult e, Diagnostic a)
    {
        if (e.Spans.IsEmpty)
        {
            return a.Location == Location.None
                ? null
                : $"location: expected none{(e.HasNoLocation ? string.Empty : " (no location was given; use WithLocation/WithSpan or markup)")}, actual {Describe(a.Location)}";
        }

        var actualLocations = new[] { a.Location }.Concat(a.AdditionalLocations).ToList();
        if (e.Spans.Length > 1 && actualLocations.Count != e.Spans.Length)
        {
            return $"locations: expected {e.Spans.Length} (primary + additional), actual {actualLocations.Count}";
        }

        for (var i = 0; i < e.Spans.Length; i++)
        {
            var span = e.Spans[i];
            var actualSpan = actualLocations[i].GetLineSpan();
            var same = actualLocations[i].IsInSource
                && string.Equals(span.Path, actualSpan.Path, StringComparison.Ordinal)
                && span.Start == actualSpan.StartLinePosition
                && (span.End is null || span.End == actualSpan.EndLinePosition);
            if (!same)
            {
                return $"{(i == 0 ? "span" : "additional location " + i)}: expected {Describe(span)}, actual {Describe(actualLocations[i])}";
            }
        }

        return null;
    }

    private static List<(DiagnosticResult Expected, Diagnostic Actual)> Pair(List<DiagnosticResult> missing, List<Diagnostic> unexpected)
    {
        var pairs = new List<(DiagnosticResult, Diagnostic)>();
        var free = unexpected.ToList();
        foreach (var e in missing)
        {
            var span = e.Spans.FirstOrDefault();
            var best = free
                .Select(a => (a, score: Score(e, span, a)))
                .Where(x => x.score >= 2)
                .OrderByDescending(x => x.score)
                .Select(x => x.a)
                .FirstOrDefault();
            if (best is not null)
            {
                free.Remove(best);
                pairs.Add((e, best));
            }
        }

        return pairs;

        static int Score(DiagnosticResult e, DiagnosticLocation span, Diagnostic a)
        {
            var actual = a.Location.GetLineSpan();
            var samePath = e.Spans.IsEmpty || span.Path == actual.Path;
            var score = e.Id == a.Id ? 2 : 0;
            if (samePath && !e.Spans.IsEmpty && span.Start == actual.StartLinePosition && (span.End is null || span.End == actual.EndLinePosition))
            {
                score += 3;
            }
            else if (samePath && !e.Spans.IsEmpty && span.Start.Line == actual.StartLinePosition.Line)
            {
                score += 1;
            }

            return e.Id == a.Id || score >= 3 ? score : 0;
        }
    }

    internal static string Describe(DiagnosticResult e)
    {
        var text = new StringBuilder();
        text.Append(e.Id);
        if (e.HasSeverity)
        {
            text.Append(' ').Append(e.Severity);
        }

        text.Append(' ').Append(e.Spans.IsEmpty ? "<no location>" : string.Join(" + ", e.Spans.Select(Describe)));
        if (e.ExpectedMessage() is { } message)
        {
            text.Append(": \"").Append(message).Append('"');
        }

        if (e.IsFromMarkup)
        {
            text.Append("  (from markup)");
        }

        return text.ToString();
    }

    internal static string Describe(Diagnostic a) =>
        $"{a.Id} {a.Severity} {Describe(a.Location)}: \"{a.GetMessage(CultureInfo.InvariantCulture)}\"";

    private static string Describe(DiagnosticLocation span) => span.Describe();

    private static string Describe(Location location)
    {
        if (!location.IsInSource)
        {
            return "<no location>";
        }

        var span = location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
    }

    private static string AsCode(Diagnostic a)
    {
        var code = new StringBuilder();
        code.Append("Diagnostic(\"").Append(a.Id).Append("\")");
        if (a.Location.IsInSource)
        {
            var span = a.Location.GetLineSpan();
            code.Append(CultureInfo.InvariantCulture, $".WithSpan(\"{span.Path}\", {span.StartLinePosition.Line + 1}, {span.StartLinePosition.Character + 1}, {span.EndLinePosition.Line + 1}, {span.EndLinePosition.Character + 1})");
        }
        else
        {
            code.Append(".WithNoLocation()");
        }

        code.Append(".WithSeverity(DiagnosticSeverity.").Append(a.Severity).Append(')');
        code.Append(".WithMessage(\"").Append(a.GetMessage(CultureInfo.InvariantCulture).Replace("\"", "\\\"")).Append("\")");
        return code.ToString();
    }

    /// <summary>The source line(s) of a span with a caret underline.</summary>
    internal static string Excerpt(SourceText text, LinePosition start, LinePosition end)
    {
        if (start.Line >= text.Lines.Count)
        {
            return string.Empty;
        }

        var line = text.Lines[start.Line].ToString();
        var number = (start.Line + 1).ToString(CultureInfo.InvariantCulture);
        var endColumn = end.Line == start.Line ? Math.Max(end.Character, start.Character + 1) : line.Length;
        var width = Math.Max(1, Math.Min(endColumn, Math.Max(line.Length, start.Character + 1)) - start.Character);
        var excerpt = new StringBuilder();
        excerpt.Append("      ").Append(number).Append(" | ").AppendLine(line);
        excerpt.Append("      ").Append(' ', number.Length).Append(" | ").Append(' ', start.Character).Append('^', width).AppendLine();
        return excerpt.ToString();
    }
}
