using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clinic.Controllers;

public sealed class RecordsOptions
{
    public bool SharedWardAccess { get; set; }
}

public sealed record MedicalRecord(Guid Id, Guid PatientId, string Summary);

public interface IRecordStore
{
    Task<MedicalRecord?> FindAsync(Guid id);

    Task SaveAsync(MedicalRecord record);
}

// Resource-based authorization, as the ASP.NET Core docs describe it: the policy needs the record, which only exists
// once the action has loaded it, so the controller carries no [Authorize] and every action asks the service itself.
[ApiController]
[Route("api/records")]
public sealed class MedicalRecordsController : ControllerBase
{
    private readonly IAuthorizationService _authorization;
    private readonly IRecordStore _records;
    private readonly RecordsOptions _options;

    public MedicalRecordsController(IAuthorizationService authorization, IRecordStore records, IOptions<RecordsOptions> options)
    {
        _authorization = authorization;
        _records = records;
        _options = options.Value;
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id)
    {
        var record = await _records.FindAsync(id);
        if (record is null)
        {
            return NotFound();
        }

        var result = await _authorization.AuthorizeAsync(User, record, "RecordReader");
        return result.Succeeded ? Ok(record) : Forbid();
    }

    // Checked only when the ward does not share its records: still a decision, made in code.
    [HttpGet("{id:guid}/summary")]
    public async Task<IActionResult> Summary(Guid id)
    {
        if (!_options.SharedWardAccess)
        {
            if (!(await _authorization.AuthorizeAsync(User, "WardStaff")).Succeeded)
            {
                return Unauthorized();
            }
        }

        var record = await _records.FindAsync(id);
        return record is null ? NotFound() : Ok(record.Summary);
    }

    // The check lives in a helper of the controller.
    [HttpPut("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromBody] string summary)
    {
        var record = await _records.FindAsync(id);
        if (record is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(record))
        {
            return Forbid();
        }

        await _records.SaveAsync(record with { Summary = summary });
        return NoContent();
    }

    // Added later, without the check the other actions make.
    [HttpGet("{id:guid}/export")]
    public async Task<IActionResult> {|PA5001:Export|}(Guid id)
    {
        var record = await _records.FindAsync(id);
        return record is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(record.Summary), "text/plain");
    }

    private async Task<bool> CanEditAsync(MedicalRecord record) =>
        (await _authorization.AuthorizeAsync(User, record, "RecordEditor")).Succeeded;
}
