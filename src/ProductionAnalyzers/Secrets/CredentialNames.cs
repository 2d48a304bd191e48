using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>
    /// Decides whether a name means a credential (PA2001). A name is an identifier (<c>smtpPassword</c>), a configuration
    /// key path (<c>Smtp:Password</c>, <c>Smtp__Password</c>), a header (<c>X-Api-Key</c>) or an environment variable
    /// (<c>DB_PASSWORD</c>). Its last segment is split into lower-case words (case changes, <c>_</c>, <c>-</c>, <c>.</c>,
    /// spaces); the name is a credential when the words END with a credential term (<c>newPassword</c>, <c>x_api_key</c>,
    /// <c>ClientSecret</c>). Names that only mention a credential end with another word and stay quiet:
    /// <c>PasswordMinLength</c>, <c>TokenEndpoint</c>, <c>PasswordResetUrl</c>, <c>ApiKeyHeaderName</c>.
    /// A bare <c>Key</c> is a credential under a parent that names a key's use (<c>Jwt:Key</c>, <c>Encryption:Key</c>)
    /// and, for byte values, always (<c>var key = Encoding.UTF8.GetBytes("…")</c>).
    /// </summary>
    internal sealed class CredentialNames
    {
        /// <summary>Default terms, as joined lower-case words.</summary>
        internal static readonly ImmutableArray<string> DefaultTerms = ImmutableArray.Create(
            "password", "passwd", "pwd", "passphrase", "passcode", "secret", "secrets", "token", "apikey", "accesskey",
            "secretkey", "privatekey", "signingkey", "encryptionkey", "decryptionkey", "accountkey", "sharedaccesskey",
            "sharedkey", "masterkey", "subscriptionkey", "hmackey", "jwtkey", "authkey", "credential", "credentials", "creds");

        /// <summary>Words that follow a credential term but still name the value itself: <c>PasswordValue</c>, <c>ApiKeyString</c>.</summary>
        private static readonly HashSet<string> ValueWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "value", "string", "str", "text", "plain", "plaintext", "raw", "default", "fallback", "base64", "bytes", "b64",
        };

        /// <summary>Words before <c>token</c> that make it a non-secret token (<c>continuationToken</c>, <c>nextPageToken</c>).</summary>
        private static readonly HashSet<string> NonSecretTokenQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "continuation", "page", "paging", "pagination", "next", "cancellation", "cancel", "stopping", "sync", "delta",
            "resume", "lexer", "syntax", "parser", "cursor", "public", "csrf", "xsrf", "antiforgery", "verification",
            "request", "change", "etag", "correlation",
        };

        /// <summary>Parents under which a bare <c>Key</c> is a secret key: <c>Jwt:Key</c>, <c>Encryption:Key</c>.</summary>
        private static readonly HashSet<string> KeyParents = new HashSet<string>(StringComparer.Ordinal)
        {
            "jwt", "signing", "encryption", "hmac", "aes", "crypto", "cryptography", "secret", "api", "private", "access",
            "token", "tokens", "security", "cipher", "jwtsettings", "jwtoptions", "jwtconfig", "jwtbearer", "auth",
            "authentication", "bearer", "symmetric",
        };

        /// <summary>At most this many names are remembered (identifiers repeat; the bound keeps a long-lived IDE process small).</summary>
        private const int MaxCachedNames = 20000;

        /// <summary>
        /// Terms whose value a person chooses (a password can be any text). Every other default term (token, secret, API key,
        /// a key) names a value that a machine generated, so a word or an identifier in its place is not the credential.
        /// </summary>
        private static readonly HashSet<string> ChosenValueTerms = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "passwd", "pwd", "passphrase", "passcode", "pass", "credential", "credentials", "creds",
        };

        /// <summary>Words before <c>pass</c> that make it a processing pass, not a password: <c>firstPass</c>, <c>secondPass</c>, <c>twoPass</c>.</summary>
        private static readonly HashSet<string> ProcessingPassQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "first", "second", "third", "final", "last", "next", "previous", "prev", "one", "two", "three", "single", "multi",
            "double", "triple", "each", "by", "fly", "over", "render", "shader", "filter", "encode", "encoding", "decode", "scan",
            "1st", "2nd", "3rd", "1", "2", "3",
        };

        private const byte NotCredential = 0;
        private const byte GeneratedValue = 1;
        private const byte ChosenValue = 2;

        private readonly ImmutableArray<string> _terms;
        private readonly HashSet<string> _chosenTerms;
        private readonly ConcurrentDictionary<string, byte> _cache = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        private CredentialNames(ImmutableArray<string> terms)
        {
            _terms = terms;
            _chosenTerms = new HashSet<string>(ChosenValueTerms, StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (!DefaultTerms.Contains(term))
                {
                    // A term the user configured: any non-placeholder value counts, as for a password.
                    _chosenTerms.Add(term);
                }
            }
        }

        public static CredentialNames Default { get; } = new CredentialNames(DefaultTerms);

        /// <summary>The word list: <paramref name="replace"/> replaces the defaults when not empty; <paramref name="additional"/> is added.</summary>
        public static CredentialNames Create(ImmutableArray<string> replace, ImmutableArray<string> additional)
        {
            var terms = ImmutableArray.CreateBuilder<string>();
            if (replace.IsDefaultOrEmpty)
            {
                terms.AddRange(DefaultTerms);
            }
            else
            {
                AddJoined(terms, replace);
            }

            if (!additional.IsDefaultOrEmpty)
            {
                AddJoined(terms, additional);
            }

            return new CredentialNames(terms.ToImmutable());
        }

        private static void AddJoined(ImmutableArray<string>.Builder terms, ImmutableArray<string> entries)
        {
            foreach (var entry in entries)
            {
                var joined = string.Concat(SplitWords(entry));
                if (joined.Length > 0)
                {
                    terms.Add(joined);
                }
            }
        }

        /// <summary>True when <paramref name="name"/> means a credential.</summary>
        public bool IsCredential(string? name) => IsCredential(name, bytes: false);

        /// <summary>True when <paramref name="name"/> means a credential; with <paramref name="bytes"/>, a bare <c>key</c> counts.</summary>
        public bool IsCredential(string? name, bool bytes) => Kind(name, bytes) != NotCredential;

        /// <summary>
        /// True when <paramref name="name"/> means a credential whose value a machine generates (token, secret, API key, key):
        /// its value counts only when it looks generated (<see cref="SecretValues.LooksGenerated"/>), not a word or a slug.
        /// False for a password, a passphrase, a credential and configured terms, whose value can be any text.
        /// </summary>
        public bool NeedsGeneratedValue(string? name, bool bytes) => Kind(name, bytes) == GeneratedValue;

        [MethodImpl(HotPath.Options)]
        private byte Kind(string? name, bool bytes)
        {
            if (name is null || name.Length == 0 || name.Length > 200)
            {
                return NotCredential;
            }

            var cacheKey = bytes ? "\u0001" + name : name;
            if (_cache.TryGetValue(cacheKey, out var known))
            {
                return known;
            }

            var result = Classify(name, bytes);
            if (_cache.Count < MaxCachedNames)
            {
                _cache.TryAdd(cacheKey, result);
            }

            return result;
        }

        /// <summary>True when a credential term appears anywhere in <paramref name="text"/> (<c>"access_token"</c>, <c>"Jwt:Secret"</c>).</summary>
        [MethodImpl(HotPath.Options)]
        public bool Mentions(string text)
        {
            // The words of the text joined: its letters and digits, lower-case (what string.Concat(SplitWords(text)) gives).
            var chars = new char[text.Length];
            var length = 0;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars[length++] = char.ToLowerInvariant(c);
                }
            }

            var joined = new string(chars, 0, length);
            foreach (var term in _terms)
            {
                if (joined.IndexOf(term, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return joined.IndexOf("pass", StringComparison.Ordinal) >= 0 || joined.IndexOf("key", StringComparison.Ordinal) >= 0;
        }

        private byte Classify(string name, bool bytes)
        {
            var segments = Segments(name);

            // An array element is named by its array: Clients:0:ClientSecrets:0.
            while (segments.Count > 1 && IsIndex(segments[segments.Count - 1]))
            {
                segments.RemoveAt(segments.Count - 1);
            }

            if (segments.Count == 0)
            {
                return NotCredential;
            }

            var words = SplitWords(segments[segments.Count - 1]);
            var end = words.Count;
            while (end > 1 && ValueWords.Contains(words[end - 1]))
            {
                end--;
            }

            if (end == 0)
            {
                return NotCredential;
            }

            // Trailing digits name a second credential of the same kind: Password2, key1.
            var last = words[end - 1].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (last.Length == 0)
            {
                return NotCredential;
            }

            words[end - 1] = last;
            if (last == "key" && end == 1)
            {
                if (bytes)
                {
                    return ChosenValue;
                }

                // Jwt:Key, JwtSettings:Key, Encryption:Key — the parent segment names what the key is for.
                if (segments.Count >= 2)
                {
                    var parent = SplitWords(segments[segments.Count - 2]);
                    foreach (var word in parent)
                    {
                        if (KeyParents.Contains(word))
                        {
                            return GeneratedValue;
                        }
                    }
                }

                return NotCredential;
            }

            if (bytes && last == "key")
            {
                // encryptionKey, aesKey, hmacKey, signingKey, _key: a key given as bytes is a key, whatever its text.
                return ChosenValue;
            }

            if (last == "pass" && end >= 1)
            {
                // db_pass, smtpPass: "pass" only as the name's own last word (not bypass, compass), and not a processing
                // pass (firstPass, secondPass, twoPass, filterPass).
                return end >= 2 && ProcessingPassQualifiers.Contains(words[end - 2]) ? NotCredential : ChosenValue;
            }

            var joined = new StringBuilder();
            for (var i = 0; i < end; i++)
            {
                joined.Append(words[i]);
            }

            var text = joined.ToString();
            foreach (var term in _terms)
            {
                if (!EndsAtWordBoundary(text, words, end, term))
                {
                    continue;
                }

                if ((term == "token" || term == "secret") && end >= 2 && NonSecretTokenQualifiers.Contains(words[end - 2]))
                {
                    return NotCredential;
                }

                return bytes || _chosenTerms.Contains(term) ? ChosenValue : GeneratedValue;
            }

            return NotCredential;
        }

        private static bool IsIndex(string segment)
        {
            foreach (var c in segment)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EndsAtWordBoundary(string joined, List<string> words, int end, string term)
        {
            if (!joined.EndsWith(term, StringComparison.Ordinal))
            {
                return false;
            }

            var start = joined.Length - term.Length;
            var offset = 0;
            for (var i = 0; i < end; i++)
            {
                if (offset == start)
                {
                    return true;
                }

                offset += words[i].Length;
            }

            // A long term may end a single lower-case word: userpassword, dbpassword.
            return offset == start || term.Length >= 6;
        }

        /// <summary>The segments of a key path: <c>Smtp:Password</c>, <c>Smtp__Password</c>, <c>Smtp.Password</c> (not for identifiers).</summary>
        private static List<string> Segments(string name)
        {
            var segments = new List<string>();
            var start = 0;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var separator = c == ':' || c == '/' || c == '.' || (c == '_' && i + 1 < name.Length && name[i + 1] == '_');
                if (!separator)
                {
                    continue;
                }

                if (i > start)
                {
                    segments.Add(name.Substring(start, i - start));
                }

                if (c == '_')
                {
                    i++;
                }

                start = i + 1;
            }

            if (start < name.Length)
            {
                segments.Add(name.Substring(start));
            }

            return segments;
        }

        /// <summary>Splits a name into lower-case words: <c>XApiKey</c> → x, api, key; <c>DB_PASSWORD</c> → db, password.</summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = name[i - 1];
                    var upperAfterLower = char.IsUpper(c) && char.IsLower(previous);
                    var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (upperAfterLower || acronymEnd)
                    {
                        Flush(words, current);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(words, current);
            return words;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
