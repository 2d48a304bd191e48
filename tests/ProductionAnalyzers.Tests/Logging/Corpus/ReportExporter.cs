using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Reporting
{
    public sealed class ReportExporter
    {
        private readonly ILogger<ReportExporter> _logger;
        private readonly string _outputDirectory;

        public ReportExporter(ILogger<ReportExporter> logger, string outputDirectory)
        {
            _logger = logger;
            _outputDirectory = outputDirectory;
        }

        public async Task<string> ExportAsync(IReadOnlyList<Order> orders, DateOnly day)
        {
            var stopwatch = Stopwatch.StartNew();
            var csv = new StringBuilder();
            csv.AppendLine("id,status,total");
            foreach (var order in orders)
            {
                csv.Append(order.Id).Append(',').Append(order.Status).Append(',').Append(order.Total).AppendLine();
            }

            var path = Path.Combine(_outputDirectory, $"orders-{day:yyyyMMdd}.csv");
            await File.WriteAllTextAsync(path, csv.ToString());

            {|PA4003:Console.WriteLine("Exported {0} orders to {1}", orders.Count, path)|};
            {|PA4003:Trace.WriteLine("Export took " + stopwatch.ElapsedMilliseconds + " ms")|};
            _logger.LogInformation("Exported {Count} orders for {Day} to {Path} in {ElapsedMs} ms", orders.Count, day, path, stopwatch.ElapsedMilliseconds);
            return path;
        }

        public void WriteSummary(IReadOnlyList<Order> orders, TextWriter writer)
        {
            // Writing a report to a caller-supplied writer is output, not logging.
            writer.WriteLine($"Orders: {orders.Count}");
            writer.WriteLine($"Revenue: {orders.Sum(o => o.Total):C}");
            Debug.Assert(orders.All(o => o.Total >= 0), "negative totals");
        }

        public void DumpForSupport(Order order)
        {
            {|PA4003:Console.Out.WriteLine($"Order {order.Id}: {order.Status}")|};
            {|PA4003:Debug.Print("Lines: {0}", order.Lines.Count)|};
            Trace.TraceError("Order {0} has no customer", order.Id); // OK: a leveled trace event (PA3002 counts it as logging)
        }
    }
}
