using System.Threading.Tasks;
using ProductionAnalyzers.CodeFixes;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Secrets.HardcodedSecretAnalyzer,
    ProductionAnalyzers.CodeFixes.Secrets.SecretsCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>The PA2001/PA2003 fix: a configuration lookup when IConfiguration is in scope, else an environment variable.</summary>
    public class HardcodedSecretCodeFixTests
    {
        [Fact]
        public async Task ConfigurationInScope_Fixes()
        {
            await Verify.VerifyCodeFixAsync(
                """
                using System.Net;
                using Microsoft.Extensions.Configuration;

                public sealed class SmtpSender
                {
                    private readonly IConfiguration _configuration;

                    public SmtpSender(IConfiguration configuration) => _configuration = configuration;

                    public NetworkCredential Credential() => new NetworkCredential("mailer", {|PA2001:"Hx7!kq2Lm9"|});
                }
                """,
                """
                using System.Net;
                using Microsoft.Extensions.Configuration;

                public sealed class SmtpSender
                {
                    private readonly IConfiguration _configuration;

                    public SmtpSender(IConfiguration configuration) => _configuration = configuration;

                    public NetworkCredential Credential() => new NetworkCredential("mailer", _configuration["SmtpSenderPassword"] ?? throw new System.InvalidOperationException("SmtpSenderPassword is not set"));
                }
                """);
        }

        [Fact]
        public async Task ConnectionStringWithHostBuilderConfiguration_Fixes()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.AspNetCore.Builder;

                    var builder = WebApplication.CreateBuilder(args);
                    var ordersDb = {|PA2003:"Server=db;User Id=app;Password=Hx7!kq2Lm9"|};
                    var app = builder.Build();
                    app.Run();
                    """,
                FixedCode = """
                    using Microsoft.AspNetCore.Builder;

                    var builder = WebApplication.CreateBuilder(args);
                    var ordersDb = builder.Configuration["OrdersDb"] ?? throw new System.InvalidOperationException("OrdersDb is not set");
                    var app = builder.Build();
                    app.Run();
                    """,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task PrimaryConstructorParameterInAFieldInitializer_Fixes()
        {
            await Verify.VerifyCodeFixAsync(
                """
                using System;
                using Microsoft.Extensions.Configuration;

                public sealed class PaymentClient(IConfiguration configuration)
                {
                    private readonly string _apiKey = {|PA2001:"c0ffee5eed1234abcd"|};

                    public string Key => _apiKey + configuration.GetHashCode();
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                public sealed class PaymentClient(IConfiguration configuration)
                {
                    private readonly string _apiKey = configuration["ApiKey"] ?? throw new InvalidOperationException("ApiKey is not set");

                    public string Key => _apiKey + configuration.GetHashCode();
                }
                """);
        }

        [Fact]
        public async Task NoConfiguration_UsesAnEnvironmentVariable_AndFixAllFixesEveryLiteral()
        {
            await Verify.VerifyCodeFixAsync(
                """
                using System;

                public static class Secrets
                {
                    public static readonly string SmtpPassword = {|PA2001:"fZCGGQccOif7"|};

                    public static string Connect()
                    {
                        var apiToken = {|PA2001:"a81bc8d4e2f94c1b9e3a"|};
                        return apiToken;
                    }
                }
                """,
                """
                using System;

                public static class Secrets
                {
                    public static readonly string SmtpPassword = Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("SMTP_PASSWORD is not set");

                    public static string Connect()
                    {
                        var apiToken = Environment.GetEnvironmentVariable("API_TOKEN") ?? throw new InvalidOperationException("API_TOKEN is not set");
                        return apiToken;
                    }
                }
                """);
        }

        [Fact]
        public async Task InstanceFieldNotUsableInAFieldInitializer_UsesAnEnvironmentVariable()
        {
            await Verify.VerifyCodeFixAsync(
                """
                using Microsoft.Extensions.Configuration;

                public sealed class JwtSetup
                {
                    private readonly IConfiguration? _configuration;
                    private readonly string _signingSecret = {|PA2001:"t0pS3cretSigningMaterial42"|};

                    public string Secret => _signingSecret + _configuration;
                }
                """,
                """
                using Microsoft.Extensions.Configuration;

                public sealed class JwtSetup
                {
                    private readonly IConfiguration? _configuration;
                    private readonly string _signingSecret = System.Environment.GetEnvironmentVariable("SIGNING_SECRET") ?? throw new System.InvalidOperationException("SIGNING_SECRET is not set");

                    public string Secret => _signingSecret + _configuration;
                }
                """);
        }

        [Fact]
        public async Task ConstantsAttributesDefaultsAndConfigurationSources_AreNotFixed()
        {
            var source = """
                using System.Collections.Generic;

                public class C
                {
                    private const string Password = {|PA2001:"fZCGGQccOif7"|};

                    public void Connect(string password = {|PA2001:"Adm1n!2024"|}) { }

                    public Dictionary<string, string> Settings() => new() { ["Smtp:Password"] = {|PA2001:"Mk9$wE3rTy"|} };
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task CredentialInAUrlQuery_IsNotFixed()
        {
            // Replacing the whole URL with a configuration lookup would lose the URL: the finding has no fix.
            var source = """
                public class C
                {
                    public string Search(string query) => {|PA2001:"https://api.films.test/3/search?api_key=9f2c4e81b7a3d605&query="|} + query;
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public void FixKeys_AreNamedAfterTheirRules()
        {
            Assert.StartsWith("PA2001_", FixKeys.Pa2001ReadFromConfiguration);
            Assert.StartsWith("PA2003_", FixKeys.Pa2003ReadFromConfiguration);
        }
    }
}
