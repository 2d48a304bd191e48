using System;
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Consumer;

// A consumer of the package with one violation per rule family; .ci/check-package builds it from the packed nupkg.
public sealed class OrderStore
{
    private readonly DbConnection _connection;
    private readonly ILogger<OrderStore> _logger;

    public OrderStore(DbConnection connection, ILogger<OrderStore> logger)
    {
        _connection = connection;
        _logger = logger;
    }

    public async Task<int> RenameAsync(Guid id, string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE orders SET name = '" + name + "' WHERE id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        _logger.LogInformation($"Renaming order {id} to {name}");
        return await command.ExecuteNonQueryAsync();
    }

    public void Close()
    {
        try
        {
            _connection.Close();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async Task<bool> TryPingAsync()
    {
        try
        {
            await _connection.OpenAsync();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public void Login(string userName, string password)
    {
        _logger.LogInformation("Login of {User} with {Password}", userName, password);
        Console.WriteLine("login attempt");
    }

    public async Task SaveAsync()
    {
        try
        {
            await _connection.OpenAsync();
        }
        catch (DbException ex)
        {
            _logger.LogError("Save failed: {Message}", ex.Message);
            throw;
        }
    }
}
