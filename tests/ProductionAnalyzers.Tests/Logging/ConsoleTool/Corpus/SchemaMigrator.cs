using Microsoft.Extensions.Logging;

namespace SetupTool;

/// <summary>Shared data-library code compiled into the tool: it logs through the logger it is given.</summary>
public sealed class SchemaMigrator
{
    private static readonly string[] Pending = { "0001_orders", "0002_customers", "0003_invoices" };
    private readonly ILogger<SchemaMigrator> _logger;

    public SchemaMigrator(ILogger<SchemaMigrator> logger) => _logger = logger;

    public IReadOnlyList<string> Apply(bool dryRun)
    {
        _logger.LogInformation("Applying {Count} migrations (dry run: {DryRun})", Pending.Length, dryRun);
        return Pending;
    }

    public int Seed(string dataset)
    {
        var rows = dataset == "demo" ? 250 : 0;
        _logger.LogInformation("Seeded {Rows} rows into {Dataset}", rows, dataset);
        return rows;
    }

    public IReadOnlyList<string> Verify()
    {
        Console.WriteLine("Comparing the schema with the model...");
        return Array.Empty<string>();
    }
}
