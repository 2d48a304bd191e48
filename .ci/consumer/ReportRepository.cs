using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Consumer;

// Data access over plain ADO.NET: SQL built by interpolation and concatenation, a catch-all that swallows the
// failure, and a log call whose template is built at run time.
public sealed class ReportRepository
{
    private readonly DbConnection _connection;
    private readonly ILogger<ReportRepository> _logger;

    public ReportRepository(DbConnection connection, ILogger<ReportRepository> logger)
    {
        _connection = connection;
        _logger = logger;
    }

    public async Task<IReadOnlyList<string>> FindByCustomerAsync(string customer, DateTime since)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT title FROM reports WHERE customer = '{customer}' AND created >= @since";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "since";
        parameter.Value = since;
        command.Parameters.Add(parameter);

        var titles = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            titles.Add(reader.GetString(0));
        }

        _logger.LogInformation("Found " + titles.Count + " reports for " + customer);
        return titles;
    }

    public async Task<int> ArchiveAsync(string owner)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE reports SET archived = 1 WHERE owner = '" + owner + "'";
            return await command.ExecuteNonQueryAsync();
        }
        catch
        {
            return 0;
        }
    }
}
