using Microsoft.AspNetCore.Mvc;

namespace EvalCorpus.Sql.MediaLibrary;

public sealed record DumpRequest(string Table, string? OrderBy);

[ApiController]
[Route("admin/tables")]
public sealed class LibraryAdminController : ControllerBase
{
    private readonly LibraryTableTools _tools;

    public LibraryAdminController(LibraryTableTools tools) => _tools = tools;

    [HttpGet("users")]
    public async Task<IActionResult> Users() => Ok(await _tools.DumpTableAsync("Users", "Name")); // OK

    [HttpPost("dump")]
    public async Task<IActionResult> Dump(DumpRequest request) =>
        Ok(await _tools.DumpTableAsync({|PA1001:request.Table|}, "Id"));
}
