using System.Threading.Tasks;
using ProductionAnalyzers.Secrets;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Secrets.HardcodedSecretAnalyzer>;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>PA2002: provider formats, each with a made-up value built to match (random characters, never a real secret).</summary>
    public class SecretFormatAnalyzerTests
    {
        [Theory]
        [InlineData("AWS access key ID", "AKIAUJZDEGXDNCF32EPF")]
        [InlineData("Google API key", "AIza2hpChYgCfrL1spNxnyVmihA-2O76UMFxFkM")]
        [InlineData("Google OAuth client secret", "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")]
        [InlineData("GitHub personal access token", "ghp_HF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFL")]
        [InlineData("GitHub fine-grained personal access token", "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")]
        [InlineData("GitLab personal access token", "glpat-as1VOqg6YYZYn9ZhyiA4")]
        [InlineData("Slack bot token", "xoxb-21590109281-590139624595-Ehh2FDEEtfjgVvVqE1SkHbn8")]
        [InlineData("Slack incoming webhook", "https://hooks.slack.com/services/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")]
        [InlineData("Stripe secret key", "sk_live_bYrEqmSM9wCZ7Uw9xfogoEmv")]
        [InlineData("Stripe restricted key", "rk_live_nEN5N1aE6PwZPf1Qh6yYTWmE")]
        [InlineData("SendGrid API key", "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")]
        [InlineData("Twilio API key", "SK68ef786e4d3cea27d26934b484e73cf5")]
        [InlineData("Mailgun API key", "key-75dcad6ba2b0aee0ca923732881584d8")]
        [InlineData("npm access token", "npm_zjI6GKFSufrdZSlB5er8bOfZqfM2oeq3hDav")]
        [InlineData("NuGet API key", "oy290ric7phkqdlmtt7ns26lrwbqcab69m64p2g158z6tn")]
        [InlineData("PyPI API token", "pypi-AgEIcHlwaS5vcmctEPO6UkzYuF0ie9Pu2njHkAm1-5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7en")]
        [InlineData("OpenAI API key", "sk-proj-DRzrZSgqbjG3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHl")]
        [InlineData("Anthropic API key", "sk-ant-api03-sZfYcMMDktXP-tKsf2rcDkdfrUnW5gcF_Ha6ili8GjHEAD6-Wj9KfzjsQGMrb9h_ImB_LK777pzNk8cL6j5IXAAjlsHUqAA")]
        [InlineData("JSON Web Token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIM0OGr4hTxoF54Fzbka8FRCztUjAwyu.pQaPRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05rK_g")]
        [InlineData("Azure AD client secret", "67J8Q~qv81RKMGHZEM9YpvujA.-C5Q52ryFlwRlO")]
        [InlineData("Azure storage account key", "EVHzc0X0AWIRh/JUqBlIFXZ53Ncqe28+ajY75FnCttn6kfaqDeMqG3omjMyXHCabM6JOF8EFd0Nhcy/1kGD2VD==")]
        [InlineData("Azure shared access signature", "https://orders.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&sig=jpU05mc4J1WRcQ1uhyMDJ2OXtPAtLpByQxCGClba%3D")]
        [InlineData("Shopify access token", "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")]
        [InlineData("DigitalOcean personal access token", "dop_v1_4d115cea325a65e19cbae530282bd36cb9d21f6be6abf0d7c1c1e21862ab8a18")]
        [InlineData("Hugging Face access token", "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")]
        [InlineData("Square access token", "sq0atp-eAbP0VxNjAe-9i0mYtluYI")]
        [InlineData("Databricks access token", "dapi5f0c1e2d3b4a69788796a5b4c3d2e1f0")]
        [InlineData("Postman API key", "PMAK-6f1e2d3c4b5a69788796a5b4-c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7")]
        [InlineData("age secret key", "AGE-SECRET-KEY-129326ML64LG2TJF8CZ2KA7EDCMPB3U2M7OS5AF3R09FQUO6SBEGZGSYEBA")]
        [InlineData("New Relic user API key", "NRAK-7Q2W9E4R1T6Y3U8I5O0P2A7S4D9")]
        public async Task ProviderFormat_Reports(string provider, string value)
        {
            await Verify.VerifyAnalyzerAsync(
                "class C { string M() => {|#0:\"" + value + "\"|}; }",
                Verify.Diagnostic("PA2002").WithLocation(0).WithArguments("'M'", provider, SecretValues.Redact(Secret(value)), HardcodedSecretAnalyzer.CodeRemedy));
        }

        /// <summary>
        /// An 88-character base64 value that decodes to printable text (a hex key encoded once more, seen in a media server's
        /// API client) is not an Azure storage account key, whose 64 bytes are random; the random-byte key beside it is.
        /// </summary>
        [Fact]
        public async Task Base64OfText_IsNotAnAzureStorageKey()
        {
            await Verify.VerifyAnalyzerAsync("""
                class TraktClientOptions
                {
                    private static readonly string Encoded = "MWZhOWEyNTQ1YmI4NmYxODc0MzVkODM3YjdjZGEwYjFhM2MxZTAwYTk3Nzk3OTUwZDU2OGJlN2ZmZDMwYzE4ZA==";
                    private static readonly string StorageKey = {|PA2002:"EVHzc0X0AWIRh/JUqBlIFXZ53Ncqe28+ajY75FnCttn6kfaqDeMqG3omjMyXHCabM6JOF8EFd0Nhcy/1kGD2VD=="|};
                }
                """);
        }

        /// <summary>The secret part of a value: a SAS URL's signature, else the whole value.</summary>
        private static string Secret(string value)
        {
            var sig = value.IndexOf("sig=", System.StringComparison.Ordinal);
            return sig >= 0 ? value.Substring(sig) : value;
        }

        [Fact]
        public async Task PemPrivateKeyBlock_Reports()
        {
            await Verify.VerifyAnalyzerAsync(""""
                class C
                {
                    const string Pem = {|PA2002:"""
                        -----BEGIN RSA PRIVATE KEY-----
                        0KN1gNT11cUzYZAa3u2olZU6uqbgsYlVvsSKuvinX+zMqf9OgXluCZz8xBfZuXTp
                        q9W8e7R6t5Y4u3I2hM4cK3yM4t3r14lRw9xK3pLfZCGGQccOif7S3cureP4ss
                        -----END RSA PRIVATE KEY-----
                        """|};
                    const string PublicPem = """
                        -----BEGIN PUBLIC KEY-----
                        0KN1gNT11cUzYZAa3u2olZU6uqbgsYlVvsSKuvinX+zMqf9OgXluCZz8xBfZuXTp
                        -----END PUBLIC KEY-----
                        """;
                    const string Encrypted = """
                        -----BEGIN ENCRYPTED PRIVATE KEY-----
                        0KN1gNT11cUzYZAa3u2olZU6uqbgsYlVvsSKuvinX+zMqf9OgXluCZz8xBfZuXTp
                        -----END ENCRYPTED PRIVATE KEY-----
                        """;
                    const string Doc = "Paste the -----BEGIN PRIVATE KEY----- block here";
                }
                """");
        }

        [Fact]
        public async Task FormatInsideAHeaderOrUrl_Reports()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Net.Http;

                class C
                {
                    void M(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("Authorization", {|PA2002:"token ghp_HF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFL"|});
                        var url = {|PA2002:$"https://hooks.slack.com/services/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?channel={client}"|};
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentedExamplesFakesAndPublicKeys_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                class C
                {
                    const string AwsDocs = "AKIAIOSFODNN7EXAMPLE";
                    const string AwsSecretDocs = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
                    const string Fake = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                    const string Zeros = "AKIA0000000000000000";
                    const string Publishable = "pk_live_bYrEqmSM9wCZ7Uw9xfogoEmv";
                    const string TwilioSid = "AC68ef786e4d3cea27d26934b484e73cf5";
                    const string Word = "ask_live_bYrEqmSM9wCZ7Uw9xfogoEmv";
                    const string NotJwt = "eyJhbGciOiJIUzI1NiJ9";
                    const string Azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
                    const string Prefix = "ghp_";
                    const string Sentence = "Tokens start with ghp_ or github_pat_ and are 40 characters long";
                }
                """);
        }

        [Fact]
        public void FormatTable_HasAtLeast25ProvidersAndACheapPrefilter()
        {
            var providers = new System.Collections.Generic.HashSet<string>();
            foreach (var format in SecretFormats.All)
            {
                providers.Add(format.Provider.Split(' ')[0]);
                Assert.True(format.Prefix.Length >= 2, format.Provider);
            }

            Assert.True(providers.Count >= 25, $"only {providers.Count} providers");
            Assert.True(SecretFormats.MinLength >= 16, $"the shortest format is {SecretFormats.MinLength} characters");
            Assert.Null(SecretFormats.Find("Server=db;Database=orders"));
        }
    }
}
