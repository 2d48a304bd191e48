using System.Threading.Tasks;
using ProductionAnalyzers.Secrets;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Secrets.HardcodedSecretAnalyzer>;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>PA2003: connection strings and URIs with an embedded password.</summary>
    public class ConnectionStringAnalyzerTests
    {
        [Fact]
        public async Task ConnectionStringForms_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    const string SqlServer = {|PA2003:"Server=tcp:orders.database.windows.net,1433;Database=orders;User ID=app;Password=Hx7!kq2Lm9;Encrypt=True"|};
                    const string Pwd = {|PA2003:"Data Source=db01;Initial Catalog=Shop;uid=shop;pwd=Zq4tR8wLp"|};
                    const string Spaces = {|PA2003:"Host=db; Username=app; PASS WORD = 'Mk9;wE3rTy'"|};
                    const string Quoted = {|PA2003:"Server=db;User Id=app;Password=\"Rt5;yU8iOp\""|};
                    const string Storage = {|PA2003:"DefaultEndpointsProtocol=https;AccountName=ordersstore;AccountKey=EVHzc0X0AWIRh/JUqBlIFXZ53Ncqe28+ajY75FnCttn6kfaqDeMqG3omjMyXHCabM6JOF8EFd0Nhcy/1kGD2VD==;EndpointSuffix=core.windows.net"|};
                    const string ServiceBus = {|PA2003:"Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=q9W8e7R6t5Y4u3I2hM4cK3yM4t3r14l="|};
                    const string Redis = {|PA2003:"orders-cache.redis.cache.windows.net:6380,password=z8Yt6Rv4Pq2Wn0,ssl=True,abortConnect=False"|};
                    const string Postgres = {|PA2003:"postgres://app:Pl4mQ8zXc@db.internal:5432/orders"|};
                    const string Mongo = {|PA2003:"mongodb+srv://svc:uV7xY2zW9@cluster0.mongodb.net/orders?retryWrites=true"|};
                    const string Amqp = {|PA2003:"amqp://guest:Tq8vX2pL9@rabbit:5672/"|};
                    const string RedisUri = {|PA2003:"redis://:f6a1c3e9b7d2@cache:6379/0"|};

                    string Interpolated(string host) => {|PA2003:$"Server={host};Database=orders;User Id=app;Password=Hx7!kq2Lm9"|};
                }
                """);
        }

        [Fact]
        public async Task WithoutAHardcodedPassword_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    const string Integrated = "Server=db;Database=orders;Integrated Security=true;Password=ignored1";
                    const string Trusted = "Server=db;Database=orders;Trusted_Connection=True";
                    const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=orders;Trusted_Connection=True;MultipleActiveResultSets=true";
                    const string Emulator = "UseDevelopmentStorage=true";
                    const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
                    const string Empty = "Server=db;User Id=app;Password=;";
                    const string Placeholder = "Server=db;User Id=app;Password=<password>";
                    const string Env = "Server=db;User Id=app;Password=${DB_PASSWORD}";
                    const string ManagedIdentity = "Server=tcp:orders.database.windows.net;Authentication=Active Directory Default;Database=orders";
                    const string AppInsights = "InstrumentationKey=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
                    const string UriNoPassword = "postgres://app@db.internal:5432/orders";
                    const string Web = "https://api.contoso.test/v1/orders?page=2";
                    const string Prefix = "Server=db;Database=orders;User Id=app;Password=";

                    string Built(string password) => $"Server=db;Database=orders;User Id=app;Password={password}";
                    string Concat(string password) => "Server=db;User Id=app;Password=" + password;
                }
                """);
        }

        /// <summary>
        /// Help text and configuration templates (seen on a real payment server): a message that quotes a connection string
        /// as an example, and values that only name what belongs in their place, are samples. A connection string or URI with
        /// a real-looking password is reported.
        /// </summary>
        [Fact]
        public async Task SamplesInHelpTextAndTemplates_DoNotReport_RealValuesBesideThemDo()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Text;

                class Help
                {
                    string Template()
                    {
                        var builder = new StringBuilder();
                        builder.AppendLine("#postgres=User ID=root;Password=myPassword;Host=localhost;Port=5432;Database=myDataBase;");
                        builder.AppendLine("#BTC.lightning=https://apitoken:API_TOKEN_SECRET@charge.example.com/");
                        return builder.ToString();
                    }

                    string Usage() =>
                        "If you have a lnd server: 'type=lnd-rest;server=https://lnd:lnd@lnd.example.com;macaroon=abf239...'" + Environment.NewLine +
                        "If you have an eclair server: 'type=eclair;server=http://eclair.com:4570;password=eclairpassword'" + Environment.NewLine +
                        "If you have a phoenixd server: 'type=phoenixd;server=http://phoenixd:9740/;password=phoenixdpassword'" + Environment.NewLine +
                        "Or: 'Host=db;Username=app;Password=DB_PASSWORD'";

                    Uri Node(string onion) => new Uri({|PA2003:$"btcrpc://btcrpc:paynode4always@{onion}:8332?label=Node"|});
                    const string Real = {|PA2003:"Host=db.internal;Username=app;Password=Password123!"|};
                }
                """);
        }

        /// <summary>
        /// Seen on a real backup tool: a usage line that shows the URL form, a Windows path behind <c>file://</c> whose folder
        /// name holds an <c>@</c>, and URLs whose password is a dummy word. A real-looking password in the same forms is reported.
        /// </summary>
        [Fact]
        public async Task UsageLinesFilePathsAndDummyPasswords_DoNotReport_RealPasswordsInTheSameFormsDo()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;

                static class BackendTester
                {
                    public static void PrintUsage()
                    {
                        Console.WriteLine("Usage: BackendTester <url> [options]");
                        Console.WriteLine("Example: ftp://user:pass@server/folder");
                        Console.WriteLine("e.g. sftp://backup:Hx7kq2Lm9@files.contoso.test/nightly");
                        Console.WriteLine("Syntax: s3://key:secret@bucket/prefix");
                    }

                    public static IEnumerable<string> Targets()
                    {
                        yield return @"file://C:\backup@daily\x";
                        yield return "file://server:share@2024/archive";
                        yield return "ftp://user:password@localhost/p";
                        yield return "webdav://admin:secret@nas.local/backups";
                        yield return {|PA2003:"ftp://backup:Xk9mQ2vRt@files.contoso.test/nightly"|};
                        yield return new Uri({|PA2003:"sftp://deploy:Tq8vX2pL9z@host.contoso.test/drop"|}).ToString();
                        yield return {|PA2003:"Server=db;User Id=app;Password=Pl4mQ8zXc"|};
                    }

                    public const string DummyPair = "Server=db;User Id=app;Password=password";
                }
                """);
        }

        [Fact]
        public async Task Message_NamesTheKeyAndRedactsThePassword()
        {
            await Verify.VerifyAnalyzerAsync(
                """
                class C
                {
                    private const string OrdersDb = {|#0:"Server=db;User Id=app;Password=Hx7!kq2Lm9xY"|};
                }
                """,
                Verify.Diagnostic("PA2003").WithLocation(0).WithArguments("'OrdersDb'", "Password", "Hx7!…", HardcodedSecretAnalyzer.CodeRemedy));
        }

        /// <summary>
        /// EF Core's design-time factory runs under <c>dotnet ef</c> on a developer's machine: a connection string to a
        /// database on this machine there is quiet, as in appsettings.Development.json. Any other server, and the same
        /// localhost string anywhere else, stays reported.
        /// </summary>
        [Fact]
        public async Task DesignTimeFactory_LocalDatabaseIsQuiet_OtherServersReported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using Microsoft.EntityFrameworkCore;
                using Microsoft.EntityFrameworkCore.Design;

                public sealed class ShopContext : DbContext
                {
                    public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
                }

                public sealed class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
                {
                    public ShopContext CreateDbContext(string[] args)
                    {
                        const string ConnectionString = "Server=localhost;Port=5433;Database=shop;Username=postgres;Password=postgres";
                        var builder = new DbContextOptionsBuilder<ShopContext>().UseProvider(ConnectionString);
                        return new ShopContext(builder.Options);
                    }
                }

                public abstract class DesignTimeFactoryBase<T> : IDesignTimeDbContextFactory<T> where T : DbContext
                {
                    public abstract T CreateDbContext(string[] args);
                }

                public sealed class ReportingContextFactory : DesignTimeFactoryBase<ShopContext>
                {
                    private const string Local = "Host=127.0.0.1;Database=reports;Username=dev;Password=Dq8wLm2x";
                    private const string Shared = {|PA2003:"Host=reports.db.internal;Database=reports;Username=dev;Password=Dq8wLm2x"|};

                    public override ShopContext CreateDbContext(string[] args) =>
                        new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseProvider(args.Length > 0 ? Shared : Local).Options);
                }

                public static class ProviderExtensions
                {
                    // Stands for the provider's UseNpgsql/UseSqlServer.
                    public static DbContextOptionsBuilder<T> UseProvider<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
                        where T : DbContext => builder;
                }

                public static class Startup
                {
                    public const string Fallback = {|PA2003:"Server=localhost;Port=5433;Database=shop;Username=postgres;Password=Vb7nQ3kz"|};
                }
                """);
        }
    }
}
