using System;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Workers
{
    public sealed class NightlyReportWorker : BackgroundService
    {
        private const string ReportTable = "reporting.DailySales";
        private static readonly string InsertSql = "INSERT INTO " + ReportTable + " (Day, Region, Revenue) " +
                                                   "SELECT CAST(CreatedAt AS date), Region, SUM(Total) FROM sales.Orders WHERE CreatedAt >= @day AND CreatedAt < DATEADD(day, 1, @day) GROUP BY CAST(CreatedAt AS date), Region";

        private readonly string _connectionString;
        private readonly string _archiveTable;
        private readonly ILogger<NightlyReportWorker> _logger;

        public NightlyReportWorker(string connectionString, string archiveTable, ILogger<NightlyReportWorker> logger)
        {
            _connectionString = connectionString;
            _archiveTable = archiveTable;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var day = DateTime.UtcNow.Date.AddDays(-1);
                await RunAsync(day, stoppingToken);
                await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
            }
        }

        private async Task RunAsync(DateTime day, CancellationToken cancellationToken)
        {
            await using var connection = new SqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);

            await using (var delete = new SqlCommand(string.Format(CultureInfo.InvariantCulture, "DELETE FROM {0} WHERE Day = '{1:yyyy-MM-dd}'", ReportTable, day), connection))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var insert = new SqlCommand(InsertSql, connection))
            {
                insert.Parameters.AddWithValue("@day", day);
                var rows = await insert.ExecuteNonQueryAsync(cancellationToken);
                _logger.LogInformation("Aggregated {Rows} rows for {Day}", rows, day);
            }

            await using (var archive = new SqlCommand({|PA1001:string.Format("INSERT INTO {0} SELECT * FROM {1} WHERE Day < '{2:yyyy-MM-dd}'", _archiveTable, ReportTable, day.AddDays(-90))|}, connection))
            {
                await archive.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public DataTable Preview(string region)
        {
            using var connection = new SqlConnection(_connectionString);
            using var adapter = new SqlDataAdapter(
                {|PA1001:string.Format("SELECT TOP 100 * FROM {0} WHERE Region = '{1}' ORDER BY Day DESC", ReportTable, region)|},
                connection);
            var table = new DataTable();
            adapter.Fill(table);
            return table;
        }

        public static string Describe(DbCommand command) => "Command: " + command.CommandText;
    }
}
