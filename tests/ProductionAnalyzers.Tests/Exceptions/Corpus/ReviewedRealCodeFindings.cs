using System;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.RealCode;

// Patterns a reviewer read on real backends: in-memory conversions whose failure is the answer ("is this input
// valid?"), next to catch-alls around real work that do discard the failure.
public static class TokenCodec
{
    public static bool TryReadId(ReadOnlySpan<byte> bytes, out Guid id)
    {
        try
        {
            id = new Guid(bytes);
            return true;
        }
        catch // OK for PA3002: a Guid built from bytes in memory; the failure is the answer
        {
            id = Guid.Empty;
            return false;
        }
    }

    public static string ReadQueueText(string text)
    {
        try
        {
            return Base64DecodeUtf8(text);
        }
        catch // OK for PA3002: not base64, so it is already plain text
        {
            return text;
        }
    }

    public static string? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return DecodePageCursor(cursor.Trim());
        }
        catch (Exception) // OK for PA3002: a malformed cursor starts from the first page
        {
            return null;
        }
    }

    private static string Base64DecodeUtf8(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(text));

    private static string DecodePageCursor(string cursor) => Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|')[0];
}

public sealed class IconFetcher
{
    private readonly ILogger<IconFetcher> _logger;

    public IconFetcher(ILogger<IconFetcher> logger) => _logger = logger;

    public bool TryResolve(Uri page, out Uri? icon)
    {
        try
        {
            icon = ResolveIcon(page);
            return true;
        }
        {|PA3002:catch (Exception)|}
        {
            // Not an in-memory conversion: the resolver may do I/O, and the failure disappears.
            icon = null;
            return false;
        }
    }

    private Uri ResolveIcon(Uri page)
    {
        _logger.LogDebug("Resolving icon for {Host}", page.Host);
        return new Uri(page, "/favicon.ico");
    }
}
