using System.Data.Common;
using System.Text;
using Npgsql;
using OrdersApi.Models;

namespace OrdersApi.Data;

public sealed class CustomerRepository
{
    private readonly NpgsqlDataSource _dataSource;

    public CustomerRepository(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<Customer?> FindByEmailAsync(string email)
    {
        await using var command = _dataSource.CreateCommand("SELECT id, name, email, active FROM customers WHERE email = $1");
        command.Parameters.AddWithValue(email);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Customer>> FilterAsync(string? name, string? city, bool activeOnly)
    {
        var sql = new StringBuilder("SELECT id, name, email, active FROM customers WHERE 1 = 1");
        if (activeOnly)
        {
            sql.Append(" AND active = true");
        }

        if (!string.IsNullOrEmpty(name))
        {
            // PA1001: the filter value goes into the text instead of a parameter.
            sql.Append(" AND name LIKE '%").Append(name).Append("%'");
        }

        if (!string.IsNullOrEmpty(city))
        {
            sql.Append(" AND city = @city");
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        if (!string.IsNullOrEmpty(city))
        {
            command.Parameters.AddWithValue("city", city);
        }

        var customers = new List<Customer>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            customers.Add(Read(reader));
        }

        return customers;
    }

    public async Task<int> DeactivateAsync(string email)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // PA1001: interpolated value in an ADO.NET command.
        command.CommandText = $"UPDATE customers SET active = false WHERE email = '{email}'";
        return await command.ExecuteNonQueryAsync();
    }

    private static Customer Read(DbDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
}
