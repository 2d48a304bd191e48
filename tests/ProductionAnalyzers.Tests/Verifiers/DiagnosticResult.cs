using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// One expected location of a <see cref="DiagnosticResult"/>. Either a position / span in a file (0-based
/// <see cref="LinePosition"/>s; <see cref="Path"/> <c>null</c> = the first source file) or a reference to a
/// markup location <c>{|#key:...|}</c> that is resolved when the test runs.
/// </summary>
public readonly record struct DiagnosticLocation(string? Path, LinePosition Start, LinePosition? End, string? MarkupKey)
{
    /// <summary>Only the start is compared (<c>WithLocation(line, column)</c>).</summary>
    public bool IgnoresLength => End is null;

    internal string Describe() =>
        MarkupKey is not null
            ? "{|" + MarkupKey + ":|}"
            : End is { } end
                ? $"{Path ?? "<first file>"}({Start.Line + 1},{Start.Character + 1})-({end.Line + 1},{end.Character + 1})"
                : $"{Path ?? "<first file>"}({Start.Line + 1},{Start.Character + 1})";
}

/// <summary>
/// An expected diagnostic, immutable and built fluently (same shape as Microsoft.CodeAnalysis.Testing):
/// <c>Verify.Diagnostic(id).WithLocation(0).WithArguments("x")</c>. Lines and columns given to the
/// <c>With…</c> methods are 1-based, as an editor shows them.
/// </summary>
public readonly struct DiagnosticResult
{
    private readonly ImmutableArray<DiagnosticLocation> _spans;
    private readonly DiagnosticSeverity? _severity;

    public static readonly DiagnosticResult[] EmptyDiagnosticResults = Array.Empty<DiagnosticResult>();

    public DiagnosticResult(string id, DiagnosticSeverity severity)
        : this(id, severity, null, null, null, default, false, false)
    {
    }

    public DiagnosticResult(DiagnosticDescriptor descriptor)
        : this(descriptor.Id, descriptor.DefaultSeverity, null, descriptor.MessageFormat, null, default, false, false)
    {
    }

    private DiagnosticResult(
        string id,
        DiagnosticSeverity? severity,
        string? message,
        LocalizableString? messageFormat,
        object?[]? messageArguments,
        ImmutableArray<DiagnosticLocation> spans,
        bool hasNoLocation,
        bool fromMarkup)
    {
        Id = id;
        _severity = severity;
        Message = message;
        MessageFormat = messageFormat;
        MessageArguments = messageArguments;
        _spans = spans;
        HasNoLocation = hasNoLocation;
        IsFromMarkup = fromMarkup;
    }

    /// <summary>A result for an ID the analyzer under test does not declare (e.g. a compiler ID); severity is not compared unless set.</summary>
    internal static DiagnosticResult ForUnknownId(string id) =>
        new(id, null, null, null, null, default, false, false);

    /// <summary>A compiler error expected in test code, e.g. <c>DiagnosticResult.CompilerError("CS0103")</c>.</summary>
    public static DiagnosticResult CompilerError(string id) => new(id, DiagnosticSeverity.Error);

    /// <summary>A compiler warning expected in test code (only reported with <c>CompilerDiagnostics.Warnings</c>).</summary>
    public static DiagnosticResult CompilerWarning(string id) => new(id, DiagnosticSeverity.Warning);

    public string Id { get; }

    /// <summary>Expected severity; the descriptor's default severity unless changed with <see cref="WithSeverity"/>.</summary>
    public DiagnosticSeverity Severity => _severity ?? DiagnosticSeverity.Error;

    /// <summary>False when severity is not compared (an ID unknown to the analyzer, without <see cref="WithSeverity"/>).</summary>
    public bool HasSeverity => _severity is not null;

    /// <summary>The exact expected message (<see cref="WithMessage"/>), or null.</summary>
    public string? Message { get; }

    public LocalizableString? MessageFormat { get; }

    public object?[]? MessageArguments { get; }

    public ImmutableArray<DiagnosticLocation> Spans => _spans.IsDefault ? ImmutableArray<DiagnosticLocation>.Empty : _spans;

    public bool HasLocation => !Spans.IsEmpty;

    /// <summary>True after <see cref="WithNoLocation"/>: the diagnostic must have no source location.</summary>
    public bool HasNoLocation { get; }

    internal bool IsFromMarkup { get; }

    /// <summary>True when the message is compared: a message or message arguments were given.</summary>
    public bool ComparesMessage => Message is not null || MessageArguments is not null;

    public DiagnosticResult WithSeverity(DiagnosticSeverity severity) =>
        new(Id, severity, Message, MessageFormat, MessageArguments, _spans, HasNoLocation, IsFromMarkup);

    public DiagnosticResult WithArguments(params object?[] arguments) =>
        new(Id, _severity, Message, MessageFormat, arguments, _spans, HasNoLocation, IsFromMarkup);

    public DiagnosticResult WithMessage(string? message) =>
        new(Id, _severity, message, MessageFormat, MessageArguments, _spans, HasNoLocation, IsFromMarkup);

    public DiagnosticResult WithMessageFormat(LocalizableString messageFormat) =>
        new(Id, _severity, Message, messageFormat, MessageArguments, _spans, HasNoLocation, IsFromMarkup);

    /// <summary>The diagnostic is reported without a source location.</summary>
    public DiagnosticResult WithNoLocation() =>
        new(Id, _severity, Message, MessageFormat, MessageArguments, ImmutableArray<DiagnosticLocation>.Empty, true, IsFromMarkup);

    /// <summary>The span of markup <c>{|#markupKey:...|}</c> in any source file of the state.</summary>
    public DiagnosticResult WithLocation(int markupKey) =>
        AddLocation(new DiagnosticLocation(null, default, null, "#" + markupKey.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Start position (1-based) in the first source file; only the start is compared.</summary>
    public DiagnosticResult WithLocation(int line, int column) => WithLocation(null, line, column);

    /// <summary>Start position (1-based) in <paramref name="path"/>; only the start is compared.</summary>
    public DiagnosticResult WithLocation(string? path, int line, int column) =>
        AddLocation(new DiagnosticLocation(path, Position(line, column), null, null));

    public DiagnosticResult WithLocation(string? path, LinePosition start) =>
        AddLocation(new DiagnosticLocation(path, start, null, null));

    /// <summary>Exact span (1-based lines and columns, end exclusive) in the first source file.</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn) =>
        WithSpan(null, startLine, startColumn, endLine, endColumn);

    /// <summary>Exact span (1-based lines and columns, end exclusive) in <paramref name="path"/>.</summary>
    public DiagnosticResult WithSpan(string? path, int startLine, int startColumn, int endLine, int endColumn) =>
        AddLocation(new DiagnosticLocation(path, Position(startLine, startColumn), Position(endLine, endColumn), null));

    public DiagnosticResult WithSpan(FileLinePositionSpan span) =>
        AddLocation(new DiagnosticLocation(span.Path, span.StartLinePosition, span.EndLinePosition, null));

    /// <summary>Replaces the locations (used when markup keys are resolved).</summary>
    internal DiagnosticResult WithResolvedSpans(ImmutableArray<DiagnosticLocation> spans) =>
        new(Id, _severity, Message, MessageFormat, MessageArguments, spans, HasNoLocation, IsFromMarkup);

    internal DiagnosticResult AsMarkup() =>
        new(Id, _severity, Message, MessageFormat, MessageArguments, _spans, HasNoLocation, true);

    /// <summary>The message the diagnostic must have, or null when messages are not compared.</summary>
    internal string? ExpectedMessage()
    {
        if (Message is not null)
        {
            return Message;
        }

        if (MessageArguments is null)
        {
            return null;
        }

        if (MessageFormat is null)
        {
            throw new VerificationFailedException(
                $"Expected diagnostic {Id} has message arguments but no message format (the ID is not declared by the analyzer under test). Use WithMessage(...) instead.");
        }

        return string.Format(CultureInfo.InvariantCulture, MessageFormat.ToString(CultureInfo.InvariantCulture), MessageArguments);
    }

    private DiagnosticResult AddLocation(DiagnosticLocation location)
    {
        if (HasNoLocation)
        {
            throw new InvalidOperationException("A diagnostic with WithNoLocation() cannot also have a location.");
        }

        return new(Id, _severity, Message, MessageFormat, MessageArguments, Spans.Add(location), false, IsFromMarkup);
    }

    private static LinePosition Position(int line, int column)
    {
        if (line < 1 || column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), "Lines and columns are 1-based.");
        }

        return new LinePosition(line - 1, column - 1);
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(Id);
        if (HasSeverity)
        {
            builder.Append(' ').Append(Severity);
        }

        if (HasNoLocation)
        {
            builder.Append(" <no location>");
        }

        foreach (var span in Spans)
        {
            builder.Append(' ').Append(span.Describe());
        }

        if (Message is not null)
        {
            builder.Append(": \"").Append(Message).Append('"');
        }
        else if (MessageArguments is not null)
        {
            builder.Append(" (").Append(string.Join(", ", MessageArguments)).Append(')');
        }

        return builder.ToString();
    }
}
