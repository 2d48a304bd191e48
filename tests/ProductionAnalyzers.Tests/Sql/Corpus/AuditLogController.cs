using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;

namespace Contoso.Api.Controllers
{
    public sealed record AuditEntry(long Id, string Actor, string Action, DateTime At);

    [ApiController]
    [Authorize(Roles = "Auditor")]
    [Route("api/audit")]
    public sealed class AuditLogController : ControllerBase
    {
        private static readonly string[] Columns = { "Id", "Actor", "Action", "At" };
        private readonly SqlConnection _connection;

        public AuditLogController(SqlConnection connection) => _connection = connection;

        [HttpGet]
        public async Task<ActionResult<IEnumerable<AuditEntry>>> Get(
            [FromQuery] string? actor,
            [FromQuery] string? action,
            [FromQuery] DateTime? from,
            [FromQuery] string sort = "At",
            [FromQuery] int take = 100)
        {
            var sql = "SELECT TOP (@take) " + string.Join(", ", Columns) + " FROM audit.Entries WHERE 1 = 1";
            if (!string.IsNullOrEmpty(actor))
            {
                sql += " AND Actor = @actor";
            }

            if (!string.IsNullOrEmpty(action))
            {
                sql += " AND Action = '" + action + "'";
            }

            if (from is not null)
            {
                sql += " AND At >= @from";
            }

            sql += " ORDER BY " + sort + " DESC";
            var rows = await _connection.QueryAsync<AuditEntry>({|PA1001:sql|}, new { take, actor, from });
            return Ok(rows);
        }

        [HttpGet("{id:long}")]
        public async Task<ActionResult<AuditEntry>> Get(long id)
        {
            var entry = await _connection.QuerySingleOrDefaultAsync<AuditEntry>(
                $"SELECT {string.Join(", ", Columns)} FROM audit.Entries WHERE Id = {id}");
            return entry is null ? NotFound() : Ok(entry);
        }

        [HttpGet("actors")]
        public async Task<ActionResult<IEnumerable<string>>> Actors([FromQuery] string prefix)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = {|PA1001:"SELECT DISTINCT Actor FROM audit.Entries WHERE Actor LIKE '" + prefix + "%'"|};
            var result = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(reader.GetString(0));
            }

            return Ok(result);
        }

        [HttpDelete("{id:long}")]
        public async Task<IActionResult> Delete(long id, [FromHeader(Name = "X-Reason")] string reason)
        {
            await _connection.ExecuteAsync(
                "INSERT INTO audit.Deletions (EntryId, Reason) VALUES (@id, @reason); DELETE FROM audit.Entries WHERE Id = @id",
                new { id, reason });
            return NoContent();
        }

        [HttpGet("export")]
        public IActionResult Export([FromQuery] string format, [FromQuery] string table = "Entries")
        {
            var adapter = new SqlDataAdapter({|PA1001:"SELECT * FROM audit." + table|}, _connection);
            var data = new DataSet();
            adapter.Fill(data);
            return Ok(data.Tables[0].Rows.Count);
        }
    }
}
