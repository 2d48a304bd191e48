using System.Threading.Tasks;
using ProductionAnalyzers.Secrets;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Secrets.HardcodedSecretAnalyzer>;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>PA2001 in code: every place a literal is given a credential's name, and the quiet cases.</summary>
    public class HardcodedCredentialAnalyzerTests
    {
        [Fact]
        public async Task FieldsPropertiesLocalsConstants_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                class SmtpSettings
                {
                    private const string SmtpPassword = {|PA2001:"fZCGGQccOif7"|};
                    private static readonly string _apiKey = {|PA2001:"8f3c2a71-5d4e-4b9a-a2c6-a21c402364f9"|};
                    public string ClientSecret { get; set; } = {|PA2001:"Tq8~vX2!pL9#"|};
                    public string Token => {|PA2001:"a81bc8d4e2f94c1b9e3a"|};
                    public string DbPwd { get { return {|PA2001:"S3cure!Pass"|}; } }

                    void M()
                    {
                        var userPassword = {|PA2001:"!7E56w8ZniqT3U"|};
                        string db_pass = {|PA2001:"Winter2024!"|};
                    }
                }
                """);
        }

        [Fact]
        public async Task ArgumentsInitializersAndIndexers_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Http;
                using System.Net.Http.Headers;

                class Options { public string Password { get; set; } = ""; public string User { get; set; } = ""; }

                class C
                {
                    static void Connect(string host, string apiKey) { }

                    void M(HttpClient client, Dictionary<string, string> settings)
                    {
                        var credential = new NetworkCredential("mailer", {|PA2001:"Hx7!kq2Lm9"|});
                        Connect("db", apiKey: {|PA2001:"c0ffee5eed1234abcd"|});
                        Connect("db", {|PA2001:"c0ffee5eed1234abce"|});
                        var options = new Options { User = "svc", Password = {|PA2001:"Zq4#tR8wLp"|} };
                        var anonymous = new { Host = "smtp", SmtpPassword = {|PA2001:"Rt5^yU8iOp"|} };
                        var config = new Dictionary<string, string?>
                        {
                            ["Smtp:Password"] = {|PA2001:"Mk9$wE3rTy"|},
                        };
                        var more = new Dictionary<string, string> { { "Stripe:SecretKey", {|PA2001:"z8Yt6Rv4Pq2Wn0"|} } };
                        settings["Jwt:Key"] = {|PA2001:"t0pS3cretSigningMaterial42"|};
                        var pair = new KeyValuePair<string, string>("Twilio:AuthToken", {|PA2001:"a7f3c9e1b5d24f68"|});
                        client.DefaultRequestHeaders.Add("X-Api-Key", {|PA2001:"f6a1c3e9b7d24a58"|});
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", {|PA2001:"c3ZjOkh4NyFrcTJMbTk="|});
                        client.DefaultRequestHeaders.Add("Authorization", {|PA2001:"Bearer 4f9a8c7e6d5b4a3c2b1a"|});
                    }
                }
                """);
        }

        [Fact]
        public async Task InMemoryConfigurationAndTuples_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    IConfiguration Build() =>
                        new ConfigurationBuilder()
                            .AddInMemoryCollection(new[]
                            {
                                new KeyValuePair<string, string?>("ConnectionStrings:Default", "Server=db;Integrated Security=true"),
                                new KeyValuePair<string, string?>("Smtp:Password", {|PA2001:"Pl4#mQ8zXc"|}),
                            })
                            .Build();

                    (string, string)[] Pairs() => new[] { ("Auth:ClientSecret", {|PA2001:"uV7-xY2-zW9"|}) };
                }
                """);
        }

        [Fact]
        public async Task ParameterDefaultsAndAttributes_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;

                [AttributeUsage(AttributeTargets.Class)]
                class ApiClientAttribute : Attribute
                {
                    public ApiClientAttribute(string name, string apiKey) { }
                    public string? Secret { get; set; }
                }

                [ApiClient("orders", {|PA2001:"k3y-9f8e7d6c5b4a"|}, Secret = {|PA2001:"s3cr3t-Zx9Yw8"|})]
                class OrdersClient
                {
                    public void Connect(string user, string password = {|PA2001:"Adm1n!2024"|}) { }
                }
                """);
        }

        /// <summary>
        /// A positional attribute argument is named by the constructor parameter, read from the attributes of whatever the
        /// attribute is applied to (type, method, return value, property, field, event, parameter, type parameter, accessor,
        /// assembly), from the semantic model where that owner is a lambda or a local function, and where the attribute
        /// has no constructor that fits the arguments (its first candidate names the value).
        /// </summary>
        [Fact]
        public async Task PositionalAttributeArgumentsOnEveryOwner_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;

                [assembly: Vault("assembly", {|PA2001:"Hx7-aQ2-vN9-kL4"|})]

                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                class VaultAttribute : Attribute
                {
                    public VaultAttribute(string name, string password) { }
                    public VaultAttribute(string name, string password, string region) { }
                }

                [AttributeUsage(AttributeTargets.All)]
                class RouteNameAttribute : Attribute
                {
                    public RouteNameAttribute(string template) { }
                }

                [RouteName("orders-Svc2024!x")]
                [Vault("type", {|PA2001:"Tp4-wE8-rY2-uI6"|})]
                class Orders<[Vault("typeParameter", {|PA2001:"Gm3-kD7-sF1-hJ5"|})] T>
                {
                    [Vault("field", {|PA2001:"Fd9-qW3-eR7-tY1"|})]
                    private string _a = "", _b = "";

                    [Vault("event", {|PA2001:"Ev2-zX6-cV4-bN8"|})]
                    public event EventHandler? Changed;

                    [Vault("property", {|PA2001:"Pr5-mK9-jH3-gF7"|})]
                    public string Name
                    {
                        [Vault("accessor", {|PA2001:"Ac8-lP2-oI6-uY4"|})]
                        get => _a + _b;
                    }

                    [Vault("method", {|PA2001:"Mt1-nB5-vC9-xZ3"|}, "eu")]
                    [return: Vault("return", {|PA2001:"Rt6-aS0-dF4-gH8"|})]
                    public string Find([Vault("parameter", {|PA2001:"Pm7-qA1-wS5-eD9"|})] string id)
                    {
                        [Vault("local", {|PA2001:"Lf3-rT7-yU1-iO5"|})]
                        static string Local() => "";

                        Func<string, string> lambda = [Vault("lambda", {|PA2001:"Lm4-pL8-kJ2-hG6"|})] (x) => x;
                        Changed?.Invoke(this, EventArgs.Empty);
                        return id + Local() + lambda(id);
                    }

                    [{|CS1729:Vault("unbound", {|PA2001:"Ub2-xC6-vB0-nM4"|}, "a", "b")|}]
                    public void Broken() { }
                }
                """);
        }

        /// <summary>
        /// Positional arguments of well-known framework attributes (routes, HTTP verbs, JSON names, policies, messages) are not
        /// resolved: their constructors take no credential. The bound: a type of the code's own with one of those names is not
        /// looked at either, while any other attribute is (the Vault cases above).
        /// </summary>
        [Fact]
        public async Task PositionalArgumentsOfFrameworkAttributeNames_AreNotResolved()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;

                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                class RouteAttribute : Attribute
                {
                    public RouteAttribute(string name, string password) { }
                }

                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                class RoutesAttribute : Attribute
                {
                    public RoutesAttribute(string name, string password) { }
                }

                [Route("orders", "Hx7-aQ2-vN9-kL4")]
                [RouteAttribute("orders", "Tp4-wE8-rY2-uI6")]
                [global::RouteAttribute("orders", "Gm3-kD7-sF1-hJ5")]
                [Routes("orders", {|PA2001:"Fd9-qW3-eR7-tY1"|})]
                class Orders
                {
                }
                """);
        }

        [Fact]
        public async Task KeysAsBytes_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Security.Cryptography;
                using System.Text;

                class C
                {
                    private static readonly byte[] Key = {|PA2001:new byte[] { 0x1f, 0x2e, 0x3d, 0x4c, 0x5b, 0x6a, 0x79, 0x88 }|};

                    void M()
                    {
                        var key = Encoding.UTF8.GetBytes({|PA2001:"q9W8e7R6t5Y4u3I2"|});
                        using var hmac = new HMACSHA256(Encoding.ASCII.GetBytes({|PA2001:"hM4cK3yM4t3r14l"|}));
                        using var aes = Aes.Create();
                        aes.Key = {|PA2001:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|};
                        aes.IV = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                        var signingKey = {|PA2001:"RmFrZVNpZ25pbmdLZXk="u8|}.ToArray();
                    }
                }
                """);
        }

        /// <summary>A collection expression of 8+ distinct numbers for a key is a key; one with a spread or of another element type is not.</summary>
        [Fact]
        public async Task KeysAsCollectionExpressions_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    private static readonly byte[] SigningKey = {|PA2001:[0x3a, 0x91, 0x0c, 0xe4, 0x57, 0xb2, 0x6f, 0x18]|};
                    private static readonly byte[] Salt = [1, 2, 3, 4, 5, 6, 7, 8];
                    private static readonly byte[] EncryptionKey = [.. Salt, 9, 10, 11, 12, 13, 14, 15, 16];
                    private static readonly int[] ApiKey = [7, 1, 8, 2, 9, 3, 6, 4];
                    private static readonly byte[] HmacKey = [1, 1, 1, 1, 2, 2, 2, 2];
                }
                """);
        }

        [Fact]
        public async Task FallbacksAndVerbatimAndRawLiterals_Report()
        {
            await Verify.VerifyAnalyzerAsync(""""
                using System;

                class C
                {
                    void M()
                    {
                        var apiKey = Environment.GetEnvironmentVariable("API_KEY") ?? {|PA2001:"f1e2d3c4b5a69788"|};
                        var password = {|PA2001:@"Pa$$w0rd\9x"|};
                        var secret = {|PA2001:"""Rw9!xK3#pL"""|};
                    }
                }
                """");
        }

        [Fact]
        public async Task NamesThatOnlyMentionACredential_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;

                class AccountSettings
                {
                    public const string PasswordFieldName = "password";
                    public const string TokenEndpoint = "https://login.contoso.test/oauth2/token";
                    public const string PasswordResetUrl = "/account/reset-password";
                    public const string ApiKeyHeaderName = "X-Api-Key";
                    public const string ApiKeyHeader = "X-Api-Key";
                    public const string PasswordMinLengthText = "8";
                    public const string SecretName = "orders-db-password";
                    public const string TokenType = "Bearer";
                    public const string ContinuationToken = "c2FtcGxlLXRva2Vu";
                    public const string PasswordRegex = "^(?=.*[A-Z])(?=.*\\d).{8,}$";
                    public const string PasswordClaim = "pwd_changed";
                    public const string PasswordHash = "AQAAAAIAAYagAAAAEJ7mF8q0";
                    public const string TokenRoute = "api/tokens/{id}";
                    public const string PasswordMessageFormat = "Password for {0} expired";
                    public const string AccessTokenCookie = "access_token";
                }
                """);
        }

        [Fact]
        public async Task LabelsMessagesKeysAndPlaceholders_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.ComponentModel.DataAnnotations;
                using Microsoft.Extensions.Configuration;

                class RegisterModel
                {
                    [Required(ErrorMessage = "Password is required")]
                    [Display(Name = "Password")]
                    public string Password { get; set; } = "";

                    public string ConfirmPassword { get; set; } = string.Empty;
                    public string ApiKey { get; set; } = "<your-api-key>";
                    public string Secret { get; set; } = "${SECRET}";
                    public string Token { get; set; } = "changeme";
                    public string ClientSecret { get; set; } = "your-client-secret-here";
                    public string DbPassword { get; set; } = "********";
                    public string SmtpPassword { get; set; } = "%SMTP_PASSWORD%";
                    public string JwtSecret { get; set; } = "{{jwt_secret}}";
                    public string AccessKey { get; set; } = "xxxxxxxxxxxxxxxx";
                    public string PrivateKey { get; set; } = "__PRIVATE_KEY__";

                    string Read(IConfiguration configuration)
                    {
                        var secret = configuration["Jwt:Secret"];
                        var password = configuration.GetValue<string>("Smtp:Password");
                        var section = configuration.GetSection("Stripe:SecretKey").Value;
                        var token = System.Environment.GetEnvironmentVariable("GITHUB_TOKEN");
                        return secret + password + section + token;
                    }
                }
                """);
        }

        [Fact]
        public async Task PublicIdentifiersAndNonCredentialNames_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class StripeOptions
                {
                    public string PublishableKey { get; set; } = "pk_live_51HqLyjWDarjtT1zdp7dcXYZ";
                    public string ClientId { get; set; } = "8f3c2a71-5d4e-4b9a-a2c6-a21c402364f9";
                    public string InstrumentationKey { get; set; } = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
                    public string AccountSid { get; set; } = "AC68ef786e4d3cea27d26934b484e73cf5";
                    public string CacheKey { get; set; } = "orders:v2:summary";
                    public string Key { get; set; } = "a81bc8d4e2f94c1b9e3a";
                    public string UserName { get; set; } = "svc-orders";
                    public string GoogleApiKey { get; set; } = "123456.apps.googleusercontent.com";
                }
                """);
        }

        [Fact]
        public async Task TokenLikeNamesWithWordsOrSlugs_DoNotReport()
        {
            // A token, secret or key is generated; a word, slug or identifier in its place is a setting, not the credential.
            await Verify.VerifyAnalyzerAsync("""
                class TokenRule
                {
                    public TokenRule(string token, string? precedingToken = null) { }
                }

                class C
                {
                    private const string ApiKey = "media-catalog";
                    public string ClientSecret { get; set; } = "orders_relay_client";
                    public string SigningKey { get; set; } = "release-2024";

                    void M()
                    {
                        var rules = new[]
                        {
                            new TokenRule(token: "bluray"),
                            new TokenRule(token: "-trailer"),
                            new TokenRule(precedingToken: "3d", token: "hsbs"),
                            new TokenRule("behindthescenes"),
                        };
                        var refreshToken = "Refresh";
                        var apiVersionToken = "1.2.3";
                    }
                }
                """);
        }

        [Fact]
        public async Task TokenLikeNamesWithGeneratedValues_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                class TokenRule
                {
                    public TokenRule(string token) { }
                }

                class C
                {
                    private const string ApiKey = {|PA2001:"480913"|};
                    public string ClientSecret { get; set; } = {|PA2001:"kV2rQ8xTz4Lm"|};
                    public string SessionToken { get; set; } = {|PA2001:"QmVhcmVyVG9rZW5WYWx1ZQ=="|};

                    void M()
                    {
                        var rule = new TokenRule({|PA2001:"d41f8a0c7b2e9365"|});
                        // A password is chosen by a person: any text that is not a placeholder, label or slug counts.
                        var password = {|PA2001:"Orders-Relay"|};
                    }
                }
                """);
        }

        [Fact]
        public async Task PositionalWordsAndSlugs_DoNotReport()
        {
            // A positional argument is named only by the semantic model, asked only for a value with a digit or a symbol:
            // words and slugs are names and settings (a letters-only password passed positionally is the documented miss).
            await Verify.VerifyAnalyzerAsync("""
                using System.Net;

                class C
                {
                    static void Connect(string host, string password) { }

                    void M()
                    {
                        Connect("db", "replica");
                        Connect("db", "orders-relay");
                        Connect("db", {|PA2001:"Orders-Relay7"|});
                        Connect("db", "libx264-q7");
                        Connect("db", "admin@contoso.test");
                        Connect("db", "User-Agent");
                        Connect("db", "SsoInvalidIdentifierError");
                        Connect("db", "Orders_Relay_Inbox");
                        Connect("db", {|PA2001:"Orders_Relay!Inbox"|});
                        var credential = new NetworkCredential("svc", "mailer_relay");
                    }
                }
                """);
        }

        [Fact]
        public async Task ProcessingPasses_DoNotReport()
        {
            // "pass" after an ordinal or a processing word is a pass over the data, not a password.
            await Verify.VerifyAnalyzerAsync("""
                class Encoder
                {
                    void M()
                    {
                        var hwScaleFilterFirstPass = "vpp_scale=format=nv12:mode=2";
                        var secondPass = "x264-pass2-stats";
                        var twoPass = "crf=23";
                        var bypass = "proxy-host-01";
                        var passthrough = "copy2";
                        var smtpPass = {|PA2001:"Wq7#nB3vXz"|};
                    }
                }
                """);
        }

        [Fact]
        public async Task PlaceholderValues_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    public string Password { get; set; } = "REPLACE_ME";
                    public string ApiKey { get; set; } = "change-me";
                    public string ClientSecret { get; set; } = "<your key>";
                    public string SmtpPassword { get; set; } = "${SMTP_PASSWORD}";
                    public string AdminPassword { get; set; } = "REPLACE";

                    // Slugs and lower-case identifiers: a feature flag and a field name whose constants end in "Password".
                    public const string PM1234_InputPassword = "pm-1234-update-apis-for-input-password";
                    public const string ClientHashedPassword = "password_hash_b64";
                    public const string SmtpPasswordField = "smtp-password";

                    System.Collections.Generic.Dictionary<string, string> Env() => new()
                    {
                        ["globalSettings__mail__smtp__password"] = "REPLACE",
                        ["globalSettings__mail__smtp__host"] = "REPLACE",
                    };
                }
                """);
        }

        /// <summary>
        /// Values that only name what belongs in their place: letters around the word password, and environment-variable style
        /// names of a credential. A password with digits or symbols, or a made-up word, is reported.
        /// </summary>
        [Fact]
        public async Task ValuesThatNameThemselves_DoNotReport_RealLookingValuesDo()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    public string Password { get; set; } = "myPassword";
                    public string RpcPassword { get; set; } = "bitcoinrpcpassword";
                    public string ApiToken { get; set; } = "API_TOKEN_SECRET";
                    public string DbPassword { get; set; } = "DB_PASSWORD";

                    public string AdminPassword { get; set; } = {|PA2001:"Password123!"|};
                    public string WalletPassword { get; set; } = {|PA2001:"sunnylighthouse"|};
                    public string ServicePassword { get; set; } = {|PA2001:"PASSWORD_2024_Q3x"|};
                }
                """);
        }

        /// <summary>
        /// A download-client settings type of a media server (seen on a real one) starts from the tool's documented default
        /// password, which is the tool's own name: public by design, not a secret of the code base. Another value in the same
        /// place, or the same word in a type named otherwise, is reported.
        /// </summary>
        [Fact]
        public async Task ProductDefaultNamedAfterItsSettingsType_DoesNotReport_OtherValuesDo()
        {
            await Verify.VerifyAnalyzerAsync("""
                public abstract class DownloadClientSettingsBase
                {
                    public string Host { get; set; } = "";
                    public int Port { get; set; }
                    public string Password { get; set; } = "";
                }

                public class BrookletSettings : DownloadClientSettingsBase
                {
                    public BrookletSettings()
                    {
                        Host = "localhost";
                        Port = 9150;
                        Password = "brooklet";
                    }
                }

                public sealed class PostgresOptions
                {
                    public string User { get; set; } = "postgres";
                    public string Password { get; set; } = "postgres";
                }

                public class TransmissionSettings : DownloadClientSettingsBase
                {
                    public TransmissionSettings()
                    {
                        Host = "localhost";
                        Password = {|PA2001:"seedbox"|};
                    }
                }

                public class MirrorSettings : DownloadClientSettingsBase
                {
                    public MirrorSettings() => Password = {|PA2001:"brooklet"|};
                }
                """);
        }

        /// <summary>
        /// A development seeder's default password typed as a keyboard run (seen on a real password manager's seeder), and a
        /// dummy word typed twice, are dummies; a password that only starts like one is reported.
        /// </summary>
        [Fact]
        public async Task KeyboardRunsAndRepeatedDummies_DoNotReport_RealLookingValuesDo()
        {
            await Verify.VerifyAnalyzerAsync("""
                internal static class UserSeeder
                {
                    internal const string DefaultPassword = "asdfasdfasdf";
                    internal const string AdminPassword = "qwerty";
                    internal const string SupportPassword = "testtest";
                    internal const string PinPassword = "12341234";

                    internal const string OperatorPassword = {|PA2001:"asdf4Kq!zL9w"|};
                    internal const string AuditorPassword = {|PA2001:"qwertyuiop[]"|};
                }
                """);
        }

        [Fact]
        public async Task FirstArgumentNamesOnlyAValueParameter()
        {
            // Add("X-Api-Key", value) pairs a key with its value; Log("password", message) does not.
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;

                class Audit
                {
                    public static void Record(string field, string message) { }
                }

                class C
                {
                    void M(Dictionary<string, string> headers)
                    {
                        headers.Add("X-Api-Key", {|PA2001:"7c1e9b3a5d2f8046"|});
                        Audit.Record("password", "Pw0rdChanged2");
                        Audit.Record("api_key", "9ab3c1d7e5f20846");
                    }
                }
                """);
        }

        [Fact]
        public async Task CredentialsInUrlQueryStrings_Report()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    private const string Search = {|#0:"https://api.films.test/3/search?api_key=9f2c4e81b7a3d605&query="|};
                    private const string Feed = {|PA2001:"https://guide.films.test/feed?series=all&apikey=7d3a91f0"|};

                    string Art(string id) => {|PA2001:$"https://art.films.test/v1/{id}?access_token=Qz7wP2kL9xV4mN8c&size=w500"|};
                    string Login() => {|PA2001:"https://legacy.films.test/login?user=svc&password=Tr4ck!ng99"|};
                }
                """,
                Verify.Diagnostic("PA2001").WithLocation(0).WithArguments("The URL query parameter 'api_key'", "9f2c…", HardcodedSecretAnalyzer.CodeRemedy));
        }

        [Fact]
        public async Task UrlQueryStringsWithoutAWrittenCredential_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    private const string Docs = "https://api.films.test/docs?api_key=YOUR_API_KEY";
                    private const string Format = "https://api.films.test/3/movie/{0}?api_key={1}";
                    private const string Empty = "https://guide.films.test/feed?apikey=&series=";
                    private const string Sort = "https://api.films.test/3/discover?sort_by=popularity.desc&page=2";
                    private const string Client = "https://api.films.test/oauth?client_id=orders-media&response_type=code";
                    private const string Word = "https://api.films.test/3/find?token=bluray&kind=stub";

                    string Appended(string key) => "https://api.films.test/3/movie?api_key=" + key;
                    string Interpolated(string key, int id) => $"https://api.films.test/3/movie/{id}?api_key={key}&language=en";
                    string Query(string key) => $"?access_token={key}";
                }
                """);
        }

        [Fact]
        public async Task InterpolatedStringsWithoutPairs_StillFindFormatsAndSchemes()
        {
            // The interpolated prefilter (no '=' and no scheme: provider formats only) keeps both findings.
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    string Note(string user) => {|PA2002:$"deploy token ghp_R7kQ2mX9vL4tW8zN1bY6eU3iO0aS5dF7gH2j for {user}"|};
                    string Header(string unused) => $"Bearer {unused}";
                    string Label(int count) => $"{count} api keys rotated";
                }
                """);
        }

        [Fact]
        public async Task InterpolatedValues_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    string M(string token, string user, string pwd)
                    {
                        var header = $"Bearer {token}";
                        var basic = "Basic " + token;
                        var password = $"{user}:{pwd}";
                        return header + basic + password;
                    }
                }
                """);
        }

        [Fact]
        public async Task Message_NamesTheTargetAndRedactsTheValue()
        {
            await Verify.VerifyAnalyzerAsync(
                """
                class C
                {
                    private const string SmtpPassword = {|#0:"fZCGGQccOif7"|};
                }
                """,
                Verify.Diagnostic("PA2001").WithLocation(0).WithArguments("'SmtpPassword'", "fZCG…", HardcodedSecretAnalyzer.CodeRemedy));
        }

        [Fact]
        public async Task ConfiguredWordList_ReplacesAndExtendsTheDefaults()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    class C
                    {
                        private const string LicenseCode = {|PA2001:"Lq8-Zr4-Tm2-Wx7"|};
                        private const string Password = {|PA2001:"fZCGGQccOif7"|};
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA2001.additional_credential_words = licenseCode\n"));
            await test.RunAsync();

            var replaced = new Verify.Test
            {
                TestCode = """
                    class C
                    {
                        private const string LicenseCode = {|PA2001:"Lq8-Zr4-Tm2-Wx7"|};
                        private const string Password = "fZCGGQccOif7";
                    }
                    """,
            };
            replaced.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA2001.credential_words = license_code\n"));
            await replaced.RunAsync();
        }
    }
}
