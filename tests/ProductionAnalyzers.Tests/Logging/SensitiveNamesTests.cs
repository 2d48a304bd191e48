using System.Collections.Immutable;
using ProductionAnalyzers.Logging;
using Xunit;

namespace ProductionAnalyzers.Tests.Logging;

public class SensitiveNamesTests
{
    [Theory]
    [InlineData("password", SensitiveKind.Credential)]
    [InlineData("newPassword", SensitiveKind.Credential)]
    [InlineData("PasswordText", SensitiveKind.Credential)]
    [InlineData("userpassword", SensitiveKind.Credential)]
    [InlineData("pwd", SensitiveKind.Credential)]
    [InlineData("client_secret", SensitiveKind.Credential)]
    [InlineData("X-Api-Key", SensitiveKind.Credential)]
    [InlineData("APIKey", SensitiveKind.Credential)]
    [InlineData("refreshToken", SensitiveKind.Credential)]
    [InlineData("idToken", SensitiveKind.Credential)]
    [InlineData("JWTToken", SensitiveKind.Credential)]
    [InlineData("credentials", SensitiveKind.Credential)]
    [InlineData("authorizationHeader", SensitiveKind.Credential)]
    [InlineData("privateKey", SensitiveKind.Credential)]
    [InlineData("CardNumber", SensitiveKind.PersonalSecret)]
    [InlineData("creditCard", SensitiveKind.PersonalSecret)]
    [InlineData("cvv", SensitiveKind.PersonalSecret)]
    [InlineData("SSN", SensitiveKind.PersonalSecret)]
    [InlineData("socialSecurityNumber", SensitiveKind.PersonalSecret)]
    public void SensitiveNames_AreRecognised(string name, SensitiveKind expected) =>
        Assert.Equal(expected, SensitiveNames.Default.Classify(name));

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
    [InlineData("passwordHash")]
    [InlineData("continuationToken")]
    [InlineData("nextPageToken")]
    [InlineData("japan")]
    [InlineData("span")]
    [InlineData("tokenizer")]
    [InlineData("publicKey")]
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
