using Microsoft.CodeAnalysis;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    /// <summary>Shared pieces of the authorization tests: a host Program.cs, and a runner for several files.</summary>
    internal static class AuthorizationTestCode
    {
        /// <summary>A minimal host that maps controllers without any decision, as most apps start.</summary>
        public const string Host = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    var app = builder.Build();
                    app.MapControllers();
                    app.Run();
                }
            }
            """;

        /// <summary>A host that serves Razor Pages: <paramref name="configure"/> runs on the builder, <paramref name="map"/> maps them.</summary>
        public static string PagesHost(string configure = "builder.Services.AddRazorPages();", string map = "app.MapRazorPages();") => $$"""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    {{configure}}
                    var app = builder.Build();
                    {{map}}
                    app.Run();
                }
            }
            """;

        /// <summary>Runs the analyzer on several files (names under /0/); <paramref name="topLevel"/> makes it an executable.</summary>
        public static Task VerifyAsync(bool topLevel, params (string Name, string Source)[] files)
        {
            var test = new Verify.Test();
            foreach (var (name, source) in files)
            {
                test.TestState.Sources.Add(("/0/" + name, source));
            }

            if (topLevel)
            {
                test.TestState.OutputKind = OutputKind.ConsoleApplication;
            }

            return test.RunAsync();
        }
    }
}
