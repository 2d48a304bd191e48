namespace EvalCorpus.Sql.MediaLibrary;

public sealed class LibraryRetentionJob
{
    private readonly LibraryTableTools _tools;

    public LibraryRetentionJob(LibraryTableTools tools) => _tools = tools;

    public async Task PurgeAsync(IEnumerable<long> expired)
    {
        foreach (var id in expired)
        {
            await _tools.DeleteFromDbAsync("Sessions", id); // OK
            await _tools.DeleteFromDbAsync(nameof(LibraryEntry), id); // OK
        }

        var first = await _tools.DumpTableAsync("Sessions", "CreatedAt"); // OK
        _ = first.Count;
    }
}
