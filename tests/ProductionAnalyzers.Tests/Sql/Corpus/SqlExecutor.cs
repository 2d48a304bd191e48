using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Contoso.Shared.Data
{
    public interface ISqlConnectionFactory
    {
        SqlConnection Create();
    }

    /// <summary>The team's thin layer over Dapper; every service goes through it.</summary>
    public sealed class SqlExecutor
    {
        private readonly ISqlConnectionFactory _factory;

        public SqlExecutor(ISqlConnectionFactory factory) => _factory = factory;

        public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
        {
            using var connection = _factory.Create();
            var rows = await connection.QueryAsync<T>(sql, parameters);
            return rows.ToList();
        }

        public async Task<T?> SingleAsync<T>(string sql, object? parameters = null)
        {
            using var connection = _factory.Create();
            return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters));
        }

        public async Task<int> ExecuteAsync(string sql, object? parameters = null, int? timeoutSeconds = null)
        {
            var commandText = sql;
            using var connection = _factory.Create();
            return await connection.ExecuteAsync(commandText, parameters, commandTimeout: timeoutSeconds);
        }

        public int ExecuteRaw(string statement)
        {
            using var connection = _factory.Create();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            return command.ExecuteNonQuery();
        }

        public Task<int> ExecuteInTransactionAsync(string sql, object parameters)
        {
            // Delegates to the wrapper above: also a wrapper.
            return ExecuteAsync(sql, parameters, 120);
        }

        public Task<IReadOnlyList<T>> PageAsync<T>(string sqlWithoutPaging, int page, int size)
        {
            // Judged at its call sites: its one caller (UserAdminService.ListAsync) passes constant text and an allow-listed column.
            return QueryAsync<T>(sqlWithoutPaging + $" OFFSET {page * size} ROWS FETCH NEXT {size} ROWS ONLY"); // OK
        }
    }
}
