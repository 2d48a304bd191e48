using System.Collections.Immutable;
using ProductionAnalyzers.Logging;
using Xunit;

namespace ProductionAnalyzers.Tests.Logging;

public class SensitiveNamesTests
{
    [Theory]
    [InlineData("password", "Credential")]
    [InlineData("newPassword", "Credential")]
    [InlineData("PasswordText", "Credential")]
    [InlineData("userpassword", "Credential")]
    [InlineData("pwd", "Credential")]
    [InlineData("client_secret", "Credential")]
    [InlineData("X-Api-Key", "Credential")]
    [InlineData("APIKey", "Credential")]
    [InlineData("refreshToken", "Credential")]
    [InlineData("idToken", "Credential")]
    [InlineData("JWTToken", "Credential")]
    [InlineData("credentials", "Credential")]
    [InlineData("authorizationHeader", "Credential")]
    [InlineData("privateKey", "Credential")]
    [InlineData("storageAccountKey", "Credential")]
    [InlineData("awsSecretKey", "Credential")]
    [InlineData("connectionString", "Credential")]
    [InlineData("secretKey", "Credential")]
    [InlineData("_secretKey", "Credential")]
    [InlineData("accountKey", "Credential")]
    [InlineData("subscriptionKey", "Credential")]
    [InlineData("Ocp-Apim-Subscription-Key", "Credential")]
    [InlineData("masterKey", "Credential")]
    [InlineData("hmacKey", "Credential")]
    [InlineData("signingKey", "Credential")]
    [InlineData("encryptionKey", "Credential")]
    [InlineData("passwordHash", "Credential")]
    [InlineData("PasswordHash", "Credential")]
    [InlineData("hashedPassword", "Credential")]
    [InlineData("TwoFactorCode", "Credential")]
    [InlineData("totpCode", "Credential")]
    [InlineData("mfaCode", "Credential")]
    [InlineData("2FACode", "Credential")]
    [InlineData("otpCode", "Credential")]
    [InlineData("pin", "PersonalSecret")]
    [InlineData("Pin", "PersonalSecret")]
    [InlineData("PIN", "PersonalSecret")]
    [InlineData("cardPin", "PersonalSecret")]
    [InlineData("pinCode", "PersonalSecret")]
    [InlineData("newPin", "PersonalSecret")]
    [InlineData("securityCode", "PersonalSecret")]
    [InlineData("cardSecurityCode", "PersonalSecret")]
    [InlineData("CardNumber", "PersonalSecret")]
    [InlineData("creditCard", "PersonalSecret")]
    [InlineData("cvv", "PersonalSecret")]
    [InlineData("SSN", "PersonalSecret")]
    [InlineData("socialSecurityNumber", "PersonalSecret")]
    public void SensitiveNames_AreRecognised(string name, string expected) =>
        Assert.Equal(expected, SensitiveNames.Default.Classify(name).ToString());

    [Theory]
    [InlineData("tokenCount")]
    [InlineData("passwordPolicy")]
    [InlineData("PasswordResetRequested")]
    [InlineData("TokenType")]
    [InlineData("secretName")]
    [InlineData("isPasswordValid")]
    [InlineData("TokenExpiresAt")]
    [InlineData("apiKeyId")]
    [InlineData("passwordLength")]
    [InlineData("passwordHint")]
    [InlineData("maskedCardNumber")]
    [InlineData("cardLast4")]
    [InlineData("tokenHash")]
    [InlineData("passwordHashAlgorithm")]
    [InlineData("passwordHasher")]
    [InlineData("keyName")]
    [InlineData("apiKeyName")]
    [InlineData("subscriptionKeyId")]
    [InlineData("twoFactorEnabled")]
    [InlineData("twoFactorCodeLength")]
    [InlineData("pinned")]
    [InlineData("isPinned")]
    [InlineData("spinner")]
    [InlineData("pinCount")]
    [InlineData("pinnedVersion")]
    [InlineData("mapPin")]
    [InlineData("certificatePin")]
    [InlineData("shipping")]
    [InlineData("pinterestUrl")]
    [InlineData("continuationToken")]
    [InlineData("nextPageToken")]
    [InlineData("japan")]
    [InlineData("span")]
    [InlineData("tokenizer")]
    [InlineData("publicKey")]
    [InlineData("connectionStringName")]
    [InlineData("secretKeyName")]
    [InlineData("")]
    [InlineData("_")]
    [InlineData("123")]
    public void NamesThatOnlyMentionASecret_AreNotSensitive(string name) =>
        Assert.Equal(SensitiveKind.None, SensitiveNames.Default.Classify(name));

    [Fact]
    public void ConfiguredWords_ReplaceOrExtendTheDefaults()
    {
        var replaced = SensitiveNames.Create(ImmutableArray.Create("dateOfBirth"), ImmutableArray<string>.Empty);
        Assert.Equal(SensitiveKind.Configured, replaced.Classify("customerDateOfBirth"));
        Assert.Equal(SensitiveKind.None, replaced.Classify("password"));

        var extended = SensitiveNames.Create(ImmutableArray<string>.Empty, ImmutableArray.Create("iban"));
        Assert.Equal(SensitiveKind.Configured, extended.Classify("Iban"));
        Assert.Equal(SensitiveKind.Credential, extended.Classify("password"));
    }

    [Theory]
    [InlineData("XApiKey", new[] { "x", "api", "key" })]
    [InlineData("SSNValue", new[] { "ssn", "value" })]
    [InlineData("last4Digits", new[] { "last4", "digits" })]
    [InlineData("Jwt:SigningKey", new[] { "jwt", "signing", "key" })]
    public void SplitWords_HandlesCaseAcronymsAndSeparators(string name, string[] expected) =>
        Assert.Equal(expected, SensitiveNames.SplitWords(name));
}
