using System.Threading.Tasks;
using ProductionAnalyzers.Secrets;
using Xunit;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>PA2001–PA2003 in appsettings*.json files passed as AdditionalFiles: reported at the JSON value, with its key path.</summary>
    public class AppSettingsAnalyzerTests
    {
        private static string Message(string id, string path, string json) =>
            SettingsFiles.AnalyzeAsync((path, json)).Result.Single(d => d.Id == id).GetMessage();

        [Fact]
        public async Task NestedObjectsArraysAndConnectionStrings_Report()
        {
            var json = """
                {
                  "ConnectionStrings": {
                    "Orders": "Server=tcp:orders.database.windows.net,1433;Database=orders;User ID=app;Password=Hx7!kq2Lm9;",
                    "Cache": "localhost:6379"
                  },
                  "Smtp": { "Host": "smtp.contoso.test", "Port": 587, "UserName": "mailer", "Password": "Zq4#tR8wLp" },
                  "Jwt": { "Issuer": "orders", "Key": "t0pS3cretSigningMaterial42xYz" },
                  "Stripe": { "PublishableKey": "pk_live_bYrEqmSM9wCZ7Uw9xfogoEmv", "SecretKey": "sk_live_bYrEqmSM9wCZ7Uw9xfogoEmv" },
                  "Clients": [ { "ClientId": "orders-web", "ClientSecrets": [ "uV7-xY2-zW9-Qp4" ] } ],
                  "Logging": { "LogLevel": { "Default": "Information" } }
                }
                """;
            Assert.Equal(
                new[]
                {
                "PA2003 /0/appsettings.json(3,15)-(3,109)",
                "PA2001 /0/appsettings.json(6,89)-(6,101)",
                "PA2001 /0/appsettings.json(7,39)-(7,70)",
                "PA2002 /0/appsettings.json(8,82)-(8,116)",
                "PA2001 /0/appsettings.json(9,63)-(9,80)",
                },
                await SettingsFiles.DescribeAsync(("/0/appsettings.json", json)));
        }

        [Fact]
        public async Task CommentsTrailingCommasBomAndDuplicateKeys_Report()
        {
            var json = "\uFEFF" + """
                // Production settings
                {
                  /* mail */
                  "Smtp": {
                    "Password": "Zq4#tR8wLp", // first
                    "Password": "Mk9$wE3rTy",
                  },
                  'ApiKey': 'c0ffee5eed1234abcd',
                }
                """;
            Assert.Equal(
                new[]
                {
                "PA2001 /0/appsettings.Production.json(5,17)-(5,29)",
                "PA2001 /0/appsettings.Production.json(6,17)-(6,29)",
                "PA2001 /0/appsettings.Production.json(8,13)-(8,33)",
                },
                await SettingsFiles.DescribeAsync(("/0/appsettings.Production.json", json)));
        }

        [Fact]
        public async Task DevelopmentFileWithLocalDatabase_DoesNotReport()
        {
            var json = """
                {
                  "ConnectionStrings": {
                    "Orders": "Server=localhost,1433;Database=orders;User Id=sa;Password=Dev_Passw0rd!;TrustServerCertificate=True",
                    "Events": "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres1",
                    "LocalDb": "Server=(localdb)\\mssqllocaldb;Database=orders;User Id=dev;Password=devpass1",
                    "Mongo": "mongodb://root:example1@localhost:27017",
                    "Remote": "Server=staging-db.contoso.test;User Id=app;Password=Hx7!kq2Lm9"
                  }
                }
                """;
            Assert.Equal(
                new[]
                {
                "PA2003 /0/appsettings.Development.json(7,15)-(7,79)",
                },
                await SettingsFiles.DescribeAsync(("/0/appsettings.Development.json", json)));
        }

        [Fact]
        public async Task PlaceholdersKeysAndPublicValues_DoNotReport()
        {
            var json = """
                {
                  "ConnectionStrings": {
                    "Orders": "Server=db;Database=orders;Integrated Security=true",
                    "Storage": "UseDevelopmentStorage=true",
                    "Bus": "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>"
                  },
                  "Smtp": { "Password": "", "PasswordMinLength": "8" },
                  "Jwt": { "Key": "${JWT_KEY}", "TokenEndpoint": "https://login.contoso.test/token", "SecretName": "jwt-signing-key" },
                  "Stripe": { "SecretKey": "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "ApiKey": "your-api-key-here" },
                  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" },
                  "Authentication": { "Google": { "ClientId": "1234567890-abc.apps.googleusercontent.com", "ClientSecret": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/google)" } },
                  "KeyVault": { "Token": "ENC(AQICAHh2kX9)" },
                  "Passwords": { "RequireDigit": true, "RequiredLength": 8 }
                }
                """;
            Assert.Empty(await SettingsFiles.DescribeAsync(("/0/appsettings.json", json)));
        }

        [Fact]
        public async Task MalformedAndHugeFiles_DoNotThrow()
        {
            var huge = new System.Text.StringBuilder("{");
            for (var i = 0; i < 20000; i++)
            {
                huge.Append("\"Key").Append(i).Append("\": \"value ").Append(i).Append("\",\n");
            }

            var found = await SettingsFiles.DescribeAsync(
                ("/0/appsettings.json", "{ \"Smtp\": { \"Password\": \"Zq4#tR8wLp"),
                ("/0/appsettings.Staging.json", "}}}]]] \"a\" : : , {[ \"\\u12"),
                ("/0/appsettings.Deep.json", new string('[', 100000)),
                ("/0/appsettings.Huge.json", huge.Append('}').ToString()),
                ("/0/notes.txt", "Password=Hx7!kq2Lm9;Server=db"));
            Assert.Equal(new[] { "PA2001 /0/appsettings.json(1,25)-(1,36)" }, found);
        }

        [Fact]
        public void Messages_NameTheKeyPathAndTheFile_AndRedactTheValue()
        {
            var json = "{ \"ConnectionStrings\": { \"Orders\": \"Server=db;User Id=app;Password=Hx7!kq2Lm9\" }, \"Smtp\": { \"Password\": \"Zq4#tR8wLp\" } }";
            Assert.Equal(
                "'ConnectionStrings:Orders' in appsettings.json holds a connection string with an embedded password (Password 'Hx7…'); " + HardcodedSecretAnalyzer.SettingsRemedy,
                Message("PA2003", "/0/appsettings.json", json));
            Assert.Equal(
                "'Smtp:Password' in appsettings.json holds a hardcoded credential ('Zq4…'); " + HardcodedSecretAnalyzer.SettingsRemedy,
                Message("PA2001", "/0/appsettings.json", json));
        }

        [Fact]
        public void Reader_FlattensKeyPathsLikeConfiguration()
        {
            var values = new System.Collections.Generic.List<SettingsValue>();
            SettingsJson.Read("{ \"A\": { \"B\": [ \"x\", { \"C\": \"y\" } ], \"D\": 1, \"E\": \"z\\n\\u0041\" } }", values);
            Assert.Equal(new[] { "A:B:0=x", "A:B:1:C=y", "A:E=z\nA" }, values.ConvertAll(v => v.Path + "=" + v.Value));
        }
    }
}
