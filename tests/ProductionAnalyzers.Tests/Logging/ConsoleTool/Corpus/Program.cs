// A database setup and admin command-line tool (OutputType Exe, plain Microsoft.NET.Sdk). It references the team's shared
// data library, which brings Microsoft.Extensions.Logging in: that does not make the tool service code, so its console
// output — the tool's user interface — is not PA4003.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SetupTool;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            PrintUsage();
            return 1;
        }

        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        var commands = new AdminCommands(migrator);
        return args[0] switch
        {
            "migrate" => commands.Migrate(args.Skip(1).ToArray()),
            "seed" => commands.Seed(args.Length > 1 ? args[1] : "demo"),
            "verify" => commands.Verify(),
            _ => Unknown(args[0]),
        };
    }

    private static void PrintUsage() => Console.WriteLine("usage: setup migrate|seed|verify [options]");

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
    }
}
