using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>Characters a format's body may contain.</summary>
    [Flags]
    internal enum Chars
    {
        None = 0,
        Upper = 1,
        Lower = 2,
        Digit = 4,
        Underscore = 8,
        Dash = 16,
        Base64 = 32,
        Dot = 64,
        Hex = 128,
        Percent = 256,
        Slash = 512,
        Equals = 1024,
        Tilde = 2048,
        Space = 4096,
        Alnum = Upper | Lower | Digit,
        UrlSafe = Alnum | Underscore | Dash,
    }

    /// <summary>A provider's secret format: a fixed prefix, then a body of known characters and length (PA2002).</summary>
    internal sealed class SecretFormat
    {
        public SecretFormat(string provider, string prefix, int minBody, int maxBody, Chars body, Func<string, int, int, bool>? check = null)
        {
            Provider = provider;
            Prefix = prefix;
            MinBody = minBody;
            MaxBody = maxBody;
            Body = body;
            Check = check;
        }

        /// <summary>The provider and kind of secret, as the message names it.</summary>
        public string Provider { get; }

        public string Prefix { get; }

        public int MinBody { get; }

        public int MaxBody { get; }

        public Chars Body { get; }

        /// <summary>An extra check of the matched token (value, start, end exclusive).</summary>
        public Func<string, int, int, bool>? Check { get; }

        public int MinLength => Prefix.Length + MinBody;
    }

    /// <summary>A format match inside a value.</summary>
    internal readonly struct FormatMatch
    {
        public FormatMatch(SecretFormat format, int start, int length)
        {
            Format = format;
            Start = start;
            Length = length;
        }

        public SecretFormat Format { get; }

        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>
    /// The table of well-known secret formats (PA2002), as data. Matching needs no regular expression: a value is scanned once,
    /// and only at a character that starts some prefix are the prefixes starting with it compared; a value shorter than the
    /// shortest format is not scanned at all. Public identifiers (Stripe <c>pk_live_</c>, Twilio <c>AC…</c> account SIDs, OAuth
    /// client IDs, Application Insights keys) are not in the table; documented example keys and obviously fake bodies
    /// (<c>EXAMPLE</c>, a body of a few repeated characters) do not match.
    /// </summary>
    internal static class SecretFormats
    {
        public static ImmutableArray<SecretFormat> All { get; } = ImmutableArray.Create(
            new SecretFormat("AWS access key ID", "AKIA", 16, 16, Chars.Upper | Chars.Digit),
            new SecretFormat("AWS temporary access key ID", "ASIA", 16, 16, Chars.Upper | Chars.Digit),
            new SecretFormat("Azure shared access signature", "sig=", 40, 120, Chars.Alnum | Chars.Percent | Chars.Base64 | Chars.Equals, IsSasSignature),
            new SecretFormat("Azure AD client secret", "Q~", 31, 34, Chars.UrlSafe | Chars.Dot | Chars.Tilde, null),
            new SecretFormat("Google API key", "AIza", 35, 35, Chars.UrlSafe),
            new SecretFormat("Google OAuth client secret", "GOCSPX-", 28, 28, Chars.UrlSafe),
            new SecretFormat("GitHub personal access token", "ghp_", 36, 36, Chars.Alnum),
            new SecretFormat("GitHub OAuth access token", "gho_", 36, 36, Chars.Alnum),
            new SecretFormat("GitHub user-to-server token", "ghu_", 36, 36, Chars.Alnum),
            new SecretFormat("GitHub server-to-server token", "ghs_", 36, 36, Chars.Alnum),
            new SecretFormat("GitHub refresh token", "ghr_", 36, 36, Chars.Alnum),
            new SecretFormat("GitHub fine-grained personal access token", "github_pat_", 70, 90, Chars.Alnum | Chars.Underscore),
            new SecretFormat("GitLab personal access token", "glpat-", 20, 64, Chars.UrlSafe | Chars.Dot),
            new SecretFormat("GitLab deploy token", "gldt-", 20, 64, Chars.UrlSafe),
            new SecretFormat("GitLab runner token", "glrt-", 20, 64, Chars.UrlSafe | Chars.Dot),
            new SecretFormat("GitLab pipeline trigger token", "glptt-", 40, 40, Chars.Alnum | Chars.Dash),
            new SecretFormat("Slack bot token", "xoxb-", 20, 250, Chars.Alnum | Chars.Dash, HasDigitGroup),
            new SecretFormat("Slack user token", "xoxp-", 20, 250, Chars.Alnum | Chars.Dash, HasDigitGroup),
            new SecretFormat("Slack workspace token", "xoxa-", 20, 250, Chars.Alnum | Chars.Dash, HasDigitGroup),
            new SecretFormat("Slack refresh token", "xoxr-", 20, 250, Chars.Alnum | Chars.Dash, HasDigitGroup),
            new SecretFormat("Slack configuration token", "xoxe.xoxp-", 20, 250, Chars.Alnum | Chars.Dash),
            new SecretFormat("Slack app-level token", "xapp-", 20, 250, Chars.Alnum | Chars.Dash, HasDigitGroup),
            new SecretFormat("Slack incoming webhook", "https://hooks.slack.com/services/", 30, 80, Chars.Alnum | Chars.Slash | Chars.Underscore),
            new SecretFormat("Stripe secret key", "sk_live_", 24, 247, Chars.Alnum),
            new SecretFormat("Stripe restricted key", "rk_live_", 24, 247, Chars.Alnum),
            new SecretFormat("Stripe webhook signing secret", "whsec_", 32, 64, Chars.Alnum),
            new SecretFormat("SendGrid API key", "SG.", 66, 66, Chars.UrlSafe | Chars.Dot, IsSendGrid),
            new SecretFormat("Twilio API key", "SK", 32, 32, Chars.Hex),
            new SecretFormat("Mailgun API key", "key-", 32, 32, Chars.Lower | Chars.Digit),
            new SecretFormat("npm access token", "npm_", 36, 36, Chars.Alnum),
            new SecretFormat("NuGet API key", "oy2", 43, 43, Chars.Lower | Chars.Digit),
            new SecretFormat("PyPI API token", "pypi-AgEIcHlwaS5vcmc", 50, 300, Chars.UrlSafe),
            new SecretFormat("OpenAI API key", "sk-proj-", 40, 200, Chars.UrlSafe),
            new SecretFormat("OpenAI service account key", "sk-svcacct-", 40, 200, Chars.UrlSafe),
            new SecretFormat("OpenAI API key", "sk-", 48, 48, Chars.Alnum, IsLegacyOpenAi),
            new SecretFormat("Anthropic API key", "sk-ant-api03-", 80, 120, Chars.UrlSafe),
            new SecretFormat("Anthropic admin key", "sk-ant-admin01-", 80, 120, Chars.UrlSafe),
            new SecretFormat("JSON Web Token", "eyJ", 30, 8000, Chars.UrlSafe | Chars.Dot, IsJwt),
            new SecretFormat("private key (PEM)", "-----BEGIN ", 11, 40, Chars.Upper | Chars.Space, IsPemPrivateKey),
            new SecretFormat("Shopify access token", "shpat_", 32, 32, Chars.Hex),
            new SecretFormat("Shopify custom app token", "shpca_", 32, 32, Chars.Hex),
            new SecretFormat("Shopify private app token", "shppa_", 32, 32, Chars.Hex),
            new SecretFormat("Shopify shared secret", "shpss_", 32, 32, Chars.Hex),
            new SecretFormat("Square access token", "sq0atp-", 22, 22, Chars.UrlSafe),
            new SecretFormat("Square OAuth secret", "sq0csp-", 43, 43, Chars.UrlSafe),
            new SecretFormat("DigitalOcean personal access token", "dop_v1_", 64, 64, Chars.Hex),
            new SecretFormat("DigitalOcean OAuth token", "doo_v1_", 64, 64, Chars.Hex),
            new SecretFormat("Hugging Face access token", "hf_", 34, 40, Chars.Upper | Chars.Lower),
            new SecretFormat("Discord webhook", "https://discord.com/api/webhooks/", 60, 100, Chars.UrlSafe | Chars.Slash, IsDiscordWebhook),
            new SecretFormat("Discord webhook", "https://discordapp.com/api/webhooks/", 60, 100, Chars.UrlSafe | Chars.Slash, IsDiscordWebhook),
            new SecretFormat("Postman API key", "PMAK-", 59, 59, Chars.Hex | Chars.Dash),
            new SecretFormat("Linear API key", "lin_api_", 40, 40, Chars.Alnum),
            new SecretFormat("Databricks access token", "dapi", 32, 32, Chars.Hex),
            new SecretFormat("Atlassian API token", "ATATT3", 150, 250, Chars.UrlSafe | Chars.Equals),
            new SecretFormat("age secret key", "AGE-SECRET-KEY-1", 58, 58, Chars.Upper | Chars.Digit),
            new SecretFormat("HashiCorp Vault token", "hvs.", 90, 120, Chars.UrlSafe),
            new SecretFormat("Grafana service account token", "glsa_", 32, 50, Chars.Alnum | Chars.Underscore),
            new SecretFormat("New Relic user API key", "NRAK-", 27, 27, Chars.Upper | Chars.Digit),
            new SecretFormat("Sentry auth token", "sntrys_", 40, 300, Chars.Alnum | Chars.Base64 | Chars.Equals | Chars.Underscore),
            new SecretFormat("Pulumi access token", "pul-", 40, 40, Chars.Hex),
            new SecretFormat("Supabase access token", "sbp_", 40, 40, Chars.Hex),
            new SecretFormat("Doppler service token", "dp.st.", 40, 80, Chars.Alnum | Chars.Dot | Chars.Underscore),
            new SecretFormat("Notion integration token", "ntn_", 40, 50, Chars.Alnum),
            new SecretFormat("Alibaba Cloud AccessKey ID", "LTAI", 16, 20, Chars.Alnum));

        /// <summary>Formats by the first character of their prefix (ASCII; null where no prefix starts), longer prefixes first.</summary>
        private static readonly SecretFormat[]?[] ByFirstChar = Index(anywhere: false);

        /// <summary>
        /// The same for a position inside a word: only the formats whose token may start there (<c>sig=</c> inside a query,
        /// <c>Q~</c> after the Azure AD secret's first four characters). Every other format needs a word boundary before its
        /// prefix, so the scan does not compare prefixes inside ordinary words.
        /// </summary>
        private static readonly SecretFormat[]?[] ByFirstCharInWord = Index(anywhere: true);

        /// <summary>The shortest token any format matches: shorter values are not scanned.</summary>
        public static int MinLength { get; } = ComputeMinLength();

        /// <summary>The first format match in <paramref name="value"/>, or null. Documented examples and fake bodies do not match.</summary>
        [MethodImpl(HotPath.Options)]
        public static FormatMatch? Find(string value)
        {
            if (value.Length < MinLength)
            {
                return null;
            }

            var inWord = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                var previousInWord = inWord;
                if (c >= 128)
                {
                    inWord = char.IsLetterOrDigit(c);
                    continue;
                }

                // One table read per character: is it a word character, does a prefix start with it (at a boundary, inside a word).
                var kind = CharKinds[c];
                inWord = (kind & WordChar) != 0;
                if ((kind & (previousInWord ? StartsInWord : StartsAtBoundary)) == 0)
                {
                    continue;
                }

                foreach (var format in previousInWord ? ByFirstCharInWord[c]! : ByFirstChar[c]!)
                {
                    if (TryMatch(value, i, format, out var match))
                    {
                        return match;
                    }
                }
            }

            return null;
        }

        private const byte WordChar = 1;
        private const byte StartsAtBoundary = 2;
        private const byte StartsInWord = 4;

        /// <summary>For each ASCII character: <see cref="WordChar"/> (letter, digit, <c>_</c>), and whether a prefix in either table starts with it.</summary>
        private static readonly byte[] CharKinds = ComputeCharKinds();

        private static byte[] ComputeCharKinds()
        {
            var kinds = new byte[128];
            for (var c = 0; c < 128; c++)
            {
                var ch = (char)c;
                kinds[c] = (byte)((ch == '_' || IsAsciiLetterOrDigit(ch) ? WordChar : 0) |
                                  (ByFirstChar[c] is not null ? StartsAtBoundary : 0) |
                                  (ByFirstCharInWord[c] is not null ? StartsInWord : 0));
            }

            return kinds;
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>A 64-byte key in base64 (88 characters ending in <c>==</c>): the shape of an Azure storage account key.</summary>
        public static bool IsAzureStorageKeyShape(string value)
        {
            if (value.Length != 88 || value[86] != '=' || value[87] != '=')
            {
                return false;
            }

            for (var i = 0; i < 86; i++)
            {
                if (!Matches(value[i], Chars.Alnum | Chars.Base64))
                {
                    return false;
                }
            }

            return LooksRandom(value, 0, 86) && !IsBase64OfText(value);
        }

        /// <summary>
        /// Whether base64 <paramref name="value"/> decodes to printable ASCII only: text stored in base64 (a hex API key
        /// encoded once more), not the 64 random bytes of a storage account key — random bytes are all printable with a
        /// probability of about (95/256)^64.
        /// </summary>
        private static bool IsBase64OfText(string value)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                return false;
            }

            foreach (var b in bytes)
            {
                if (b < 0x20 || b > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        [MethodImpl(HotPath.Options)]
        private static bool TryMatch(string value, int start, SecretFormat format, out FormatMatch match)
        {
            match = default;
            var prefix = format.Prefix;
            if (value.Length - start < format.MinLength || string.CompareOrdinal(value, start, prefix, 0, prefix.Length) != 0)
            {
                return false;
            }

            var tokenStart = start;
            if (prefix == "Q~")
            {
                // Azure AD client secrets: three characters, a digit, then "Q~" and the rest (40 characters in all).
                if (start < 4 || !char.IsDigit(value[start - 1]))
                {
                    return false;
                }

                tokenStart = start - 4;
                for (var k = tokenStart; k < start; k++)
                {
                    if (!Matches(value[k], Chars.UrlSafe | Chars.Dot))
                    {
                        return false;
                    }
                }
            }

            // The token starts at a boundary: "my_sk_live_…" is not a Stripe key, "abcAKIA…" not an AWS key.
            if (tokenStart > 0 && prefix != "sig=" && (char.IsLetterOrDigit(value[tokenStart - 1]) || value[tokenStart - 1] == '_'))
            {
                return false;
            }

            var bodyStart = start + prefix.Length;
            var end = bodyStart;
            var limit = Math.Min(value.Length, bodyStart + format.MaxBody + 1);
            while (end < limit && Matches(value[end], format.Body))
            {
                end++;
            }

            var length = end - bodyStart;
            if (length < format.MinBody || length > format.MaxBody)
            {
                return false;
            }

            // A fixed-length body followed by more of its characters is something longer.
            if (format.MinBody == format.MaxBody && end < value.Length && char.IsLetterOrDigit(value[end]))
            {
                return false;
            }

            if (format.Check is { } check && !check(value, bodyStart, end))
            {
                return false;
            }

            if (IsFake(value, tokenStart, end) || (format.Check is null && !LooksRandom(value, bodyStart, end)))
            {
                return false;
            }

            match = new FormatMatch(format, tokenStart, end - tokenStart);
            return true;
        }

        /// <summary>Documented example keys (<c>AKIAIOSFODNN7EXAMPLE</c>) and placeholder bodies.</summary>
        private static bool IsFake(string value, int start, int end)
        {
            var token = value.Substring(start, end - start);
            return token.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   token.IndexOf("xxxxx", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   token.IndexOf("00000000", StringComparison.Ordinal) >= 0 ||
                   token.IndexOf("your", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   token.IndexOf("placeholder", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   token.IndexOf("dummy", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>At least six distinct characters: a body of a few repeated characters is a placeholder.</summary>
        internal static bool LooksRandom(string value, int start, int end) => SecretValues.HasDistinct(value, start, end, 6);

        private static bool Matches(char c, Chars set)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return (set & Chars.Upper) != 0;
            }

            if (c >= 'a' && c <= 'z')
            {
                return (set & Chars.Lower) != 0 || ((set & Chars.Hex) != 0 && c <= 'f');
            }

            if (c >= '0' && c <= '9')
            {
                return (set & (Chars.Digit | Chars.Hex)) != 0;
            }

            return c switch
            {
                '_' => (set & Chars.Underscore) != 0,
                '-' => (set & Chars.Dash) != 0,
                '+' => (set & Chars.Base64) != 0,
                '/' => (set & (Chars.Base64 | Chars.Slash)) != 0,
                '.' => (set & Chars.Dot) != 0,
                '%' => (set & Chars.Percent) != 0,
                '=' => (set & Chars.Equals) != 0,
                '~' => (set & Chars.Tilde) != 0,
                ' ' => (set & Chars.Space) != 0,
                _ => false,
            };
        }

        private static bool IsSasSignature(string value, int start, int end) =>
            value.IndexOf("sv=", StringComparison.Ordinal) >= 0 && (value.IndexOf("se=", StringComparison.Ordinal) >= 0 || value.IndexOf("sp=", StringComparison.Ordinal) >= 0) &&
            LooksRandom(value, start, end);

        private static bool HasDigitGroup(string value, int start, int end)
        {
            // Slack tokens: xoxb-<digits>-<digits>-<random>.
            var digits = 0;
            for (var i = start; i < end && value[i] != '-'; i++)
            {
                if (!char.IsDigit(value[i]))
                {
                    return false;
                }

                digits++;
            }

            return digits >= 8 && LooksRandom(value, start, end);
        }

        private static bool IsSendGrid(string value, int start, int end) =>
            end - start == 66 && value[start + 22] == '.' && LooksRandom(value, start, end);

        private static bool IsLegacyOpenAi(string value, int start, int end) =>
            value.IndexOf("T3BlbkFJ", start, end - start, StringComparison.Ordinal) >= 0;

        private static bool IsDiscordWebhook(string value, int start, int end)
        {
            var slash = value.IndexOf('/', start, end - start);
            return slash > start + 15 && end - slash > 60 && LooksRandom(value, slash, end);
        }

        private static bool IsJwt(string value, int start, int end)
        {
            // header.payload.signature; the payload is base64url JSON too ("eyJ").
            var first = value.IndexOf('.', start, end - start);
            if (first < start + 10 || first + 4 > end || string.CompareOrdinal(value, first + 1, "eyJ", 0, 3) != 0)
            {
                return false;
            }

            var second = value.IndexOf('.', first + 1, end - first - 1);
            if (second < 0 || second - first < 10 || end - second - 1 < 16 || value.IndexOf('.', second + 1, end - second - 1) >= 0)
            {
                return false;
            }

            return LooksRandom(value, second + 1, end);
        }

        private static bool IsPemPrivateKey(string value, int start, int end)
        {
            var header = value.Substring(start, end - start);
            if (!header.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && !header.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
            {
                return false;
            }

            if (header.IndexOf("ENCRYPTED", StringComparison.Ordinal) >= 0 || end + 5 > value.Length ||
                string.CompareOrdinal(value, end, "-----", 0, 5) != 0)
            {
                return false;
            }

            // The key's body follows: at least 64 base64 characters (a header alone is documentation).
            var count = 0;
            for (var i = end + 5; i < value.Length && count < 64; i++)
            {
                if (value[i] == '-')
                {
                    break;
                }

                if (Matches(value[i], Chars.Alnum | Chars.Base64))
                {
                    count++;
                }
            }

            return count >= 64 && LooksRandom(value, end + 5, value.Length);
        }

        /// <summary>
        /// Formats by the first character of their prefix; with <paramref name="anywhere"/>, only those that can match where the
        /// previous character is a letter, a digit or <c>_</c> (<see cref="TryMatch"/> rejects the others there).
        /// </summary>
        private static SecretFormat[]?[] Index(bool anywhere)
        {
            var lists = new List<SecretFormat>?[128];
            foreach (var format in All)
            {
                var c = format.Prefix[0];
                if (c >= 128 || (anywhere && format.Prefix is not ("sig=" or "Q~")))
                {
                    continue;
                }

                (lists[c] ??= new List<SecretFormat>()).Add(format);
            }

            var result = new SecretFormat[]?[128];
            for (var c = 0; c < lists.Length; c++)
            {
                if (lists[c] is { } list)
                {
                    // Longer prefixes first: "sk-proj-" before "sk-"; a stable sort keeps the table's order among equals.
                    var ordered = new List<SecretFormat>(list);
                    ordered.Sort((a, b) => b.Prefix.Length != a.Prefix.Length ? b.Prefix.Length.CompareTo(a.Prefix.Length) : list.IndexOf(a).CompareTo(list.IndexOf(b)));
                    result[c] = ordered.ToArray();
                }
            }

            return result;
        }

        private static int ComputeMinLength()
        {
            var min = int.MaxValue;
            foreach (var format in All)
            {
                min = Math.Min(min, format.MinLength);
            }

            return min;
        }
    }
}
