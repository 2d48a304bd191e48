using System.Diagnostics;

namespace SetupTool;

/// <summary>The tool's commands: they report progress to the operator on the console.</summary>
public sealed class AdminCommands
{
    private readonly SchemaMigrator _migrator;

    public AdminCommands(SchemaMigrator migrator) => _migrator = migrator;

    public int Migrate(string[] options)
    {
        var dryRun = options.Contains("--dry-run");
        Console.WriteLine(dryRun ? "Planning migrations (dry run)..." : "Applying migrations...");
        var stopwatch = Stopwatch.StartNew();
        var applied = _migrator.Apply(dryRun);
        foreach (var migration in applied)
        {
            Console.WriteLine($"  {migration}");
        }

        Console.WriteLine("{0} migration(s) in {1:N0} ms", applied.Count, stopwatch.ElapsedMilliseconds);
        return 0;
    }

    public int Seed(string dataset)
    {
        Console.Write($"Seeding '{dataset}'... ");
        var rows = _migrator.Seed(dataset);
        Console.WriteLine($"{rows} rows");
        Debug.WriteLine($"seeded {rows} rows into {dataset}");
        return 0;
    }

    public int Verify()
    {
        var problems = _migrator.Verify();
        if (problems.Count == 0)
        {
            Console.WriteLine("Schema is up to date.");
            return 0;
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"  ! {problem}");
        }

        return 3;
    }
}
