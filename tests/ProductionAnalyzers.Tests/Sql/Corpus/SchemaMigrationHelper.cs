using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;

namespace Contoso.Infrastructure.Migrations
{
    /// <summary>Tenant schema provisioning for the Postgres deployment.</summary>
    public sealed class SchemaMigrationHelper
    {
        private static readonly string[] TenantTables = { "orders", "order_lines", "customers" };
        private readonly NpgsqlDataSource _dataSource;

        public SchemaMigrationHelper(NpgsqlDataSource dataSource) => _dataSource = dataSource;

        public async Task CreateTenantSchemaAsync(string tenant)
        {
            // Tenant names are slugs, but nothing enforces that here.
            await using var create = _dataSource.CreateCommand({|PA1001:$"CREATE SCHEMA IF NOT EXISTS {tenant}"|});
            await create.ExecuteNonQueryAsync();

            foreach (var table in TenantTables)
            {
                await using var copy = _dataSource.CreateCommand({|PA1001:$"CREATE TABLE {tenant}.{table} (LIKE public.{table} INCLUDING ALL)"|});
                await copy.ExecuteNonQueryAsync();
            }
        }

        public async Task GrantAsync(string tenant, string role)
        {
            var schema = QuoteIdent(tenant);
            var quotedRole = QuoteIdent(role);
            await using var command = _dataSource.CreateCommand($"GRANT USAGE ON SCHEMA {schema} TO {quotedRole}");
            await command.ExecuteNonQueryAsync();
        }

        public async Task TruncateAsync()
        {
            await using var batch = _dataSource.CreateBatch();
            foreach (var table in TenantTables)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("TRUNCATE TABLE public." + table + " CASCADE"));
            }

            await batch.ExecuteNonQueryAsync();
        }

        public async Task DropColumnsAsync(string table, IEnumerable<string> columns)
        {
            await using var batch = _dataSource.CreateBatch();
            foreach (var column in columns)
            {
                var command = new NpgsqlBatchCommand();
                command.CommandText = {|PA1001:"ALTER TABLE public." + table + " DROP COLUMN IF EXISTS " + column|};
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        public async Task<long> CountAsync(string tenant)
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand({|PA1001:"SELECT count(*) FROM \"" + tenant + "\".orders"|}, connection);
            return (long)(await command.ExecuteScalarAsync() ?? 0L);
        }

        public async Task SetSearchPathAsync(NpgsqlConnection connection, int tenantNumber)
        {
            await using var command = new NpgsqlCommand($"SET search_path TO tenant_{tenantNumber}, public", connection);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Postgres identifier quoting (doubles embedded quotes).</summary>
        private static string QuoteIdent(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
