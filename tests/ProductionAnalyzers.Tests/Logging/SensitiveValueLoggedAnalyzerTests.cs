using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Logging.SensitiveValueLoggedAnalyzer>;

namespace ProductionAnalyzers.Tests.Logging;

public class SensitiveValueLoggedAnalyzerTests
{
    private static string Mel(string body, string parameters = "") => $$"""
        using System;
        using System.Threading;
        using Microsoft.Extensions.Logging;

        public class User { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; public string PasswordHash { get; set; } = ""; public string ApiKey { get; set; } = ""; }
        public enum TokenType { Access, Refresh }

        public class Service
        {
            private readonly ILogger<Service> _logger;
            private readonly string _clientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? "";
            public Service(ILogger<Service> logger) => _logger = logger;

            public void Run(User user{{parameters}})
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task CredentialArguments_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("Login {User} with {Password}", user.UserName, [|password|]);
                    _logger.LogDebug("Key {Key}", [|user.ApiKey|]);
                    _logger.LogDebug("Token {Token}", [|accessToken|]);
                    _logger.LogDebug("Secret {Secret}", [|_clientSecret|]);
                    _logger.LogDebug("Raw {Value}", [|user.Password.Trim()|]);
                    _logger.LogDebug("Api {Key}", [|x_api_key|]);
                    _logger.LogDebug("Bearer {Jwt}", [|jwt|]);
            """, ", string password, string accessToken, string x_api_key, string jwt"));

    [Fact]
    public async Task PersonalSecrets_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("Card {Card} {Cvv} {Ssn}", [|cardNumber|], [|cvv|], [|ssn|]);
                    _logger.LogInformation("Card {CreditCardNumber}", [|creditCardNumber|]);
            """, ", string cardNumber, int cvv, string ssn, long creditCardNumber"));

    [Fact]
    public async Task Message_SaysWhichValueAndKind() =>
        await Verify.VerifyAnalyzerAsync(
            Mel("""_logger.LogInformation("Card {Card} for {Password}", {|#0:cardNumber|}, {|#1:input|});""", ", string cardNumber, string input"),
            Verify.Diagnostic().WithLocation(0).WithArguments("cardNumber", "personal secret"),
            Verify.Diagnostic().WithLocation(1).WithArguments("input' bound to '{Password}", "credential"));

    [Fact]
    public async Task HolesAndConcatenationAndAnonymousObjects_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation($"User {user.UserName} password {[|user.Password|]}");
                    _logger.LogInformation("Token: " + [|refreshToken|]);
                    _logger.LogInformation(string.Format("Token {0}", [|refreshToken|]));
                    _logger.LogInformation("Payload {@Payload}", new { user.UserName, [|user.Password|], Secret = [|_clientSecret|] });
            """, ", string refreshToken"));

    [Fact]
    public async Task NamesThatOnlyMentionASecret_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("{A} {B} {C} {D} {E} {F} {G} {H} {I} {J}",
                        tokenCount, passwordPolicy, PasswordResetRequested, tokenType, secretName, isPasswordValid, hasToken, TokenExpiresAt, apiKeyId, passwordLength);
                    _logger.LogInformation("{A} {B} {C} {D}", user.Password.Length, tokenHash, maskedCardNumber, cardLast4);
                    _logger.LogInformation("{A} {B} {C} {D} {E}", keyName, publicKey, pinned, pinCount, spinner);
                    _logger.LogInformation("{Token} {Continuation}", cancellationToken, continuationToken);
                    _logger.LogInformation("Password changed for {UserName}", user.UserName);
            """, ", int tokenCount, string passwordPolicy, bool PasswordResetRequested, TokenType tokenType, string secretName, bool isPasswordValid, bool hasToken, DateTime TokenExpiresAt, string apiKeyId, int passwordLength, string maskedCardNumber, string cardLast4, CancellationToken cancellationToken, string continuationToken, string tokenHash, string keyName, string publicKey, bool pinned, int pinCount, string spinner"));

    [Fact]
    public async Task KeysPinsAndPasswordHashes_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogDebug("Signing with {SecretKey}", [|secretKey|]);
                    _logger.LogDebug("{A} {B} {C} {D}", [|subscriptionKey|], [|hmacKey|], [|accountKey|], [|masterKey|]);
                    _logger.LogDebug("Card PIN {Pin} / {CardPin}", [|pin|], [|cardPin|]);
                    _logger.LogDebug("Stored hash {PasswordHash}", [|user.PasswordHash|]);
            """, ", string secretKey, string subscriptionKey, byte[] hmacKey, string accountKey, string masterKey, int pin, string cardPin"));

    [Fact]
    public async Task PassThroughLoggerValuesAndStringScopes_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public interface IAppLogger<T> { void LogInformation(string message, params object[] args); }

            public class S(IAppLogger<S> appLogger, ILogger<S> logger)
            {
                public void Run(string userName, string password, string apiKey)
                {
                    appLogger.LogInformation("Login {User} {Password}", userName, [|password|]);
                    using var scope = logger.BeginScope($"Key {[|apiKey|]}");
                }
            }
            """);

    [Fact]
    public async Task SensitivePlaceholder_WithDerivedValue_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("Password {Password}", passwordLength);
                    _logger.LogInformation("Card {CardNumber}", maskedCardNumber);
                    _logger.LogInformation("Loaded {Secret} from the vault", secretName);
                    _logger.LogInformation("Token {Token} revoked", tokenId);
                    _logger.LogInformation("Loaded {Secret}", user.UserName);
            """, ", int passwordLength, string maskedCardNumber, string secretName, string tokenId"));

    [Fact]
    public async Task ConfigurationIndexerAndGeneratedLoggers_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public static class Log
            {
                private static readonly Action<ILogger, string, Exception?> Issued =
                    LoggerMessage.Define<string>(LogLevel.Debug, new EventId(1), "Issued {Value}");

                public static void Run(ILogger logger, IConfiguration configuration, string sessionToken)
                {
                    logger.LogDebug("Secret {Value}", [|configuration["Jwt:SigningKey"]|]);
                    logger.LogDebug("Issuer {Value}", configuration["Jwt:Issuer"]);
                    Issued(logger, [|sessionToken|], null);
                }
            }
            """);

    [Fact]
    public async Task SerilogAndNLog_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            public class Worker
            {
                private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

                public void Run(string userName, string password, string apiToken)
                {
                    Serilog.Log.Information("Login {User} {Password}", userName, [|password|]);
                    Serilog.Log.ForContext("User", userName).Debug("Token {Token}", [|apiToken|]);
                    NLogger.Info("Login {User} {Password}", userName, [|password|]);
                    NLogger.Debug($"Token {[|apiToken|]}");
                }
            }
            """);

    /// <summary>log4net (real package): the values of the *Format methods, and the message of the plain level methods, before or with the exception after it.</summary>
    [Fact]
    public async Task Log4Net_FormatValuesAndPlainMessages_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using log4net;

            public sealed class ApiSettings { public string BaseUrl { get; set; } = ""; public string ApiKey { get; set; } = ""; }

            public class LegacyExporter
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(LegacyExporter));

                public void Export(ApiSettings settings, string userName, string password, Action upload)
                {
                    Log.InfoFormat("Exporting to {0} as {1}", settings.BaseUrl, userName);
                    Log.DebugFormat("Exporting to {0} with key {1}", settings.BaseUrl, [|settings.ApiKey|]);
                    Log.Debug("Signing in " + userName + " / " + [|password|]);
                    try
                    {
                        upload();
                    }
                    catch (TimeoutException ex)
                    {
                        Log.Warn($"Upload timed out for key {[|settings.ApiKey|]}", ex);
                        Log.ErrorFormat("Upload failed for {0}", userName);
                    }
                }
            }
            """);

    /// <summary>NLog (real package): the fluent API's <c>Message</c> values, and the exception-first overloads.</summary>
    [Fact]
    public async Task NLogFluentAndExceptionFirst_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using NLog;

            public sealed class FeedSettings { public string Source { get; set; } = ""; public string AccessToken { get; set; } = ""; }

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(FeedSettings settings, string clientSecret, Action fetch)
                {
                    Logger.ForInfoEvent().Message("Importing from {Source}", settings.Source).Log();
                    Logger.ForDebugEvent().Message("Importing with {Token}", [|settings.AccessToken|]).Log();
                    Logger.ForTraceEvent().Message($"Secret {[|clientSecret|]}").Log();
                    try
                    {
                        fetch();
                    }
                    catch (Exception ex)
                    {
                        Logger.ForErrorEvent().Message("Import from {Source} failed", settings.Source).Exception(ex).Log();
                        Logger.ForErrorEvent().Exception(ex).Message("Token {Token} rejected", [|settings.AccessToken|]).Log();
                        Logger.Error(ex, "Secret {0} rejected", [|clientSecret|]);
                        Logger.Warn(ex, "Import from {Source} failed", settings.Source);
                    }
                }
            }
            """);

    [Fact]
    public async Task DestructuredObjectsAndRecords_WithSensitiveMembers_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public sealed record LoginModel(string UserName, string Password);
            public sealed class LoginRequest { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }
            public sealed class Profile { public string UserName { get; set; } = ""; public int PasswordLength { get; set; } }
            public sealed record Summary(string UserName, int TokenCount);

            public class Service
            {
                public void Run(ILogger logger, LoginModel model, LoginRequest request, Profile profile, Summary summary)
                {
                    logger.LogInformation("Login {Model}", [|model|]);
                    logger.LogInformation($"Login {[|model|]}");
                    logger.LogInformation("Login {@Request}", [|request|]);
                    logger.LogInformation("Login {Request}", request);
                    logger.LogInformation("Profile {@Profile} {Summary}", profile, summary);
                }
            }
            """);

    [Fact]
    public async Task MemberMessage_NamesTheMember() =>
        await Verify.VerifyAnalyzerAsync(
            """
            using Microsoft.Extensions.Logging;
            public sealed class LoginRequest { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }
            public class Service
            {
                public void Run(ILogger logger, LoginRequest request) => logger.LogInformation("Login {@Request}", {|#0:request|});
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("request' with its member 'Password", "credential"));

    [Fact]
    public async Task HeadersAndConnectionStrings_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public class Service
            {
                public void Run(ILogger logger, HttpRequest request, string connectionString, string connectionStringName)
                {
                    logger.LogDebug("Auth {Auth}", [|request.Headers.Authorization|]);
                    logger.LogDebug("Auth {Auth}", [|request.Headers["Authorization"]|]);
                    logger.LogDebug("Db {Db}", [|connectionString|]);
                    logger.LogDebug("Db {Name}", connectionStringName);
                }
            }
            """);

    [Fact]
    public async Task LoggerMessageAttributeMethod_ParameterNamesCount_Reports() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {UserName} signed in with {Password}")]
                public static partial void SignedIn(ILogger logger, string userName, string password);

                public static partial void SignedIn(ILogger logger, string userName, string password) { }
            }

            public class Service
            {
                public void Run(ILogger logger, string name, string input) => Log.SignedIn(logger, name, [|input|]);
            }
            """);

    [Fact]
    public async Task NonLoggingCalls_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            Console.WriteLine(password);
                    var hash = password.GetHashCode();
            """, ", string password"));

    [Fact]
    public async Task AdditionalSensitiveWords_AreAdded() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { Mel("""_logger.LogInformation("{Iban} {Pin} {Password}", [|iban|], [|customerPin|], [|password|]);""", ", string iban, int customerPin, string password") },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA4004.additional_sensitive_words = iban, pin\n") },
            },
        }.RunAsync();

    [Fact]
    public async Task SensitiveWords_ReplaceTheDefaults() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources = { Mel("""_logger.LogInformation("{Iban} {Password}", [|iban|], password);""", ", string iban, string password") },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA4004.sensitive_words = iban\n") },
            },
        }.RunAsync();

    [Fact]
    public async Task MalformedTemplates_DoNotThrowOrMisbind() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("Login {Password", input);
                    _logger.LogInformation("{}{@}{{Password}} {User}", input);
                    _logger.LogInformation("{User} {Password}", input);
                    _logger.LogInformation("{0} {1}", input, user.UserName);
            """, ", string input"));

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow() =>
        await new Verify.Test
        {
            TestCode = Mel("""
                _logger.LogInformation("Login {Password}", pass
                        _logger.LogInformation($"x {undefinedPassword}");
                        _logger.LogInformation("{A}", new { Password = });
                """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();
}
