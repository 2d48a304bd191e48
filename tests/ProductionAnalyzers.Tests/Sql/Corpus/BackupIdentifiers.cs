using System.Globalization;

namespace EvalCorpus.Sql.Backup;

/// <summary>Identifiers the backup engine makes for itself: hex of fresh GUIDs and of hashes.</summary>
public static class BackupIdentifiers
{
    public static string NewHexId() => HexOf(Guid.NewGuid().ToByteArray());

    public static string HexOf(byte[] data)
    {
        return BitConverter.ToString(data).Replace("-", string.Empty);
    }
}

/// <summary>Formats a value for inlining into SQLite text the way the engine always has: invariant culture.</summary>
public static class SqlValueFormat
{
    public static string Invariant<T>(T value)
        => value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, "{0}", value);
}

public enum BlockState
{
    Pending,
    Restored,
    Missing,
}
