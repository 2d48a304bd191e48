namespace EvalCorpus.Sql.MediaLibrary;

public sealed class LibraryDiagnosticsExport
{
    private readonly LibraryTableTools _tools;

    public LibraryDiagnosticsExport(LibraryTableTools tools) => _tools = tools;

    public async Task<int> ExportAsync()
    {
        var users = await _tools.DumpTableAsync("Users", "Id"); // OK: constants
        var entries = await _tools.DumpTableAsync(typeof(LibraryEntry).Name, nameof(LibraryEntry.AddedAt)); // OK: names from code
        return users.Count + entries.Count;
    }
}
