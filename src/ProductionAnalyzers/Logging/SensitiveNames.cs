using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>What kind of secret a name means.</summary>
    internal enum SensitiveKind
    {
        None,
        Credential,
        PersonalSecret,
        Configured,
    }

    /// <summary>
    /// Decides whether an identifier means a credential or a personal secret. The identifier is split into words
    /// (<c>camelCase</c>, <c>PascalCase</c>, acronyms, <c>_</c>, <c>-</c>, <c>:</c>); a few "value" words at the end are
    /// dropped (<c>Value</c>, <c>Text</c>, <c>Plain</c>, <c>Raw</c>, <c>Input</c>, <c>Header</c>, <c>Async</c>); the name is
    /// sensitive when what is left ENDS with a sensitive word (<c>newPassword</c>, <c>resetToken</c>, <c>x_api_key</c>).
    /// So <c>passwordPolicy</c>, <c>tokenCount</c>, <c>apiKeyId</c>, <c>TokenExpiresAt</c>, <c>PasswordResetRequested</c>
    /// only mention a secret. A name containing a "derived value" word (<c>masked</c>, <c>hash</c>, <c>redacted</c>,
    /// <c>last4</c>, <c>hint</c>, <c>length</c>) is never sensitive — except a password hash (<c>passwordHash</c>,
    /// <c>hashedPassword</c>), which is the password's stored verifier and can be cracked offline.
    /// </summary>
    internal sealed class SensitiveNames
    {
        private static readonly (string Words, SensitiveKind Kind)[] DefaultTerms =
        {
            ("password", SensitiveKind.Credential),
            ("passwd", SensitiveKind.Credential),
            ("pwd", SensitiveKind.Credential),
            ("passphrase", SensitiveKind.Credential),
            ("secret", SensitiveKind.Credential),
            ("token", SensitiveKind.Credential),
            ("jwt", SensitiveKind.Credential),
            ("apikey", SensitiveKind.Credential),
            ("accesskey", SensitiveKind.Credential),
            ("privatekey", SensitiveKind.Credential),
            ("signingkey", SensitiveKind.Credential),
            ("encryptionkey", SensitiveKind.Credential),
            ("secretkey", SensitiveKind.Credential),
            ("accountkey", SensitiveKind.Credential),
            ("sharedkey", SensitiveKind.Credential),
            ("masterkey", SensitiveKind.Credential),
            ("subscriptionkey", SensitiveKind.Credential),
            ("hmackey", SensitiveKind.Credential),
            ("decryptionkey", SensitiveKind.Credential),
            ("passcode", SensitiveKind.Credential),
            ("credential", SensitiveKind.Credential),
            ("authorization", SensitiveKind.Credential),
            ("connectionstring", SensitiveKind.Credential),
            ("otp", SensitiveKind.Credential),
            ("otpcode", SensitiveKind.Credential),
            ("totp", SensitiveKind.Credential),
            ("totpcode", SensitiveKind.Credential),
            ("twofactorcode", SensitiveKind.Credential),
            ("2facode", SensitiveKind.Credential),
            ("mfacode", SensitiveKind.Credential),
            ("cardnumber", SensitiveKind.PersonalSecret),
            ("creditcard", SensitiveKind.PersonalSecret),
            ("creditcardno", SensitiveKind.PersonalSecret),
            ("cardno", SensitiveKind.PersonalSecret),
            ("pan", SensitiveKind.PersonalSecret),
            ("cvv", SensitiveKind.PersonalSecret),
            ("cvv2", SensitiveKind.PersonalSecret),
            ("cvc", SensitiveKind.PersonalSecret),
            ("ssn", SensitiveKind.PersonalSecret),
            ("socialsecuritynumber", SensitiveKind.PersonalSecret),
            ("socialsecurity", SensitiveKind.PersonalSecret),
            ("securitycode", SensitiveKind.PersonalSecret),
            ("pin", SensitiveKind.PersonalSecret),
            ("pincode", SensitiveKind.PersonalSecret),
            ("socialsecurityno", SensitiveKind.PersonalSecret),
        };

        /// <summary>Trailing words that describe the same value: <c>passwordText</c> is still the password.</summary>
        private static readonly HashSet<string> ValueWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "value", "text", "plain", "plaintext", "raw", "clear", "cleartext", "input", "entered", "bytes",
            "header", "async", "param", "arg", "new", "current", "old", "confirm", "confirmation",
        };

        /// <summary>Words that mark a derived, safe value anywhere in the name (<c>maskedCardNumber</c>, <c>cardLast4</c>).</summary>
        private static readonly HashSet<string> DerivedWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "mask", "masked", "redact", "redacted", "hash", "hashed", "encrypt", "encrypted", "obfuscate", "obfuscated",
            "protect", "protected", "truncate", "truncated", "sanitize", "sanitized", "last4", "lastfour", "last", "digits",
            "fingerprint", "preview", "partial", "safe",
        };

        /// <summary>Words before the term that make it a non-secret token (<c>continuationToken</c>, <c>nextPageToken</c>).</summary>
        private static readonly HashSet<string> NonSecretQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "continuation", "page", "paging", "pagination", "cancellation", "cancel", "stopping", "sync", "delta", "resume",
            "lexer", "syntax", "parser", "cursor", "public",
        };

        /// <summary>Words before a short term that make it something else: <c>mapPin</c>, <c>certificatePin</c> (HPKP).</summary>
        private static readonly Dictionary<string, HashSet<string>> TermQualifiers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["pin"] = new HashSet<string>(StringComparer.Ordinal)
            {
                "map", "cert", "certificate", "ssl", "tls", "hpkp", "version", "location", "geo", "drop", "key", "public", "gpio",
            },
        };

        /// <summary>Password words whose hash is still reported (<c>passwordHash</c>, <c>hashedPassword</c>).</summary>
        private static readonly HashSet<string> PasswordWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "passwd", "pwd", "passphrase", "passcode",
        };

        /// <summary>At most this many names are remembered per word list (identifiers of a code base repeat; the bound keeps a long-lived IDE process from growing).</summary>
        private const int MaxCachedNames = 20000;

        private readonly ImmutableArray<(string Joined, SensitiveKind Kind)> _terms;
        private readonly ConcurrentDictionary<string, SensitiveKind> _classified = new ConcurrentDictionary<string, SensitiveKind>(StringComparer.Ordinal);

        private SensitiveNames(ImmutableArray<(string Joined, SensitiveKind Kind)> terms)
        {
            _terms = terms;
        }

        public static SensitiveNames Default { get; } = Create(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        /// <summary>
        /// The word list: <paramref name="replace"/> replaces the defaults when not empty; <paramref name="additional"/>
        /// is added. Entries are identifiers or phrases (<c>pin</c>, <c>dateOfBirth</c>, <c>iban</c>).
        /// </summary>
        public static SensitiveNames Create(ImmutableArray<string> replace, ImmutableArray<string> additional)
        {
            var terms = ImmutableArray.CreateBuilder<(string, SensitiveKind)>();
            if (replace.IsDefaultOrEmpty)
            {
                foreach (var (words, kind) in DefaultTerms)
                {
                    terms.Add((words, kind));
                }
            }
            else
            {
                foreach (var entry in replace)
                {
                    AddConfigured(terms, entry);
                }
            }

            if (!additional.IsDefaultOrEmpty)
            {
                foreach (var entry in additional)
                {
                    AddConfigured(terms, entry);
                }
            }

            return new SensitiveNames(terms.ToImmutable());
        }

        private static void AddConfigured(ImmutableArray<(string, SensitiveKind)>.Builder terms, string entry)
        {
            var joined = string.Concat(SplitWords(entry));
            if (joined.Length > 0)
            {
                terms.Add((joined, SensitiveKind.Configured));
            }
        }

        /// <summary>The kind of secret the name means, or <see cref="SensitiveKind.None"/>. Remembered per name.</summary>
        [MethodImpl(HotPath.Options)]
        public SensitiveKind Classify(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return SensitiveKind.None;
            }

            if (_classified.TryGetValue(name!, out var known))
            {
                return known;
            }

            var kind = ClassifyWords(name!);
            if (_classified.Count < MaxCachedNames)
            {
                _classified.TryAdd(name!, kind);
            }

            return kind;
        }

        private SensitiveKind ClassifyWords(string name)
        {
            var words = SplitWords(name);
            if (words.Count == 0)
            {
                return SensitiveKind.None;
            }

            // A password hash is the stored verifier of the password: in a log it can be cracked offline, so it is reported as
            // the password (token hashes and other derived values stay quiet). The hash word is dropped and the rest decides.
            RemovePasswordHashWord(words);

            foreach (var word in words)
            {
                if (DerivedWords.Contains(word))
                {
                    return SensitiveKind.None;
                }
            }

            var end = words.Count;
            while (end > 1 && ValueWords.Contains(words[end - 1]))
            {
                end--;
            }

            var joined = new StringBuilder();
            for (var i = 0; i < end; i++)
            {
                joined.Append(words[i]);
            }

            var text = joined.ToString();
            if (end >= 2 && NonSecretQualifiers.Contains(words[end - 2]))
            {
                return SensitiveKind.None;
            }

            foreach (var (term, kind) in _terms)
            {
                if (EndsWithTerm(text, words, end, term) || EndsWithTerm(text, words, end, term + "s"))
                {
                    if (end >= 2 && TermQualifiers.TryGetValue(term, out var qualifiers) &&
                        (words[end - 1] == term || words[end - 1] == term + "s") && qualifiers.Contains(words[end - 2]))
                    {
                        continue;
                    }

                    return kind;
                }
            }

            return SensitiveKind.None;
        }

        /// <summary><c>passwordHash</c> → password, <c>hashedPassword</c> → password; anything else is left alone.</summary>
        private static void RemovePasswordHashWord(List<string> words)
        {
            var end = words.Count;
            while (end > 1 && ValueWords.Contains(words[end - 1]))
            {
                end--;
            }

            if (end >= 2 && words[end - 1] is "hash" or "hashed" && PasswordWords.Contains(words[end - 2]))
            {
                words.RemoveAt(end - 1);
            }
            else if (end >= 2 && words[end - 2] == "hashed" && PasswordWords.Contains(words[end - 1]))
            {
                words.RemoveAt(end - 2);
            }
        }

        /// <summary>True when a sensitive word appears anywhere in the name (<c>secretName</c>, <c>tokenCount</c>).</summary>
        public bool Mentions(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var joined = string.Concat(SplitWords(name!));
            foreach (var (term, _) in _terms)
            {
                if (joined.IndexOf(term, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The joined words end with the term, and the term starts at a word boundary (<c>userPassword</c>, not <c>japan</c>).</summary>
        private static bool EndsWithTerm(string joined, List<string> words, int end, string term)
        {
            if (!joined.EndsWith(term, StringComparison.Ordinal))
            {
                return false;
            }

            var start = joined.Length - term.Length;
            if (start == 0)
            {
                return true;
            }

            // A boundary: the term begins where a word begins; long terms may also end a single lower-case word (userpassword).
            var offset = 0;
            for (var i = 0; i < end; i++)
            {
                if (offset == start)
                {
                    return true;
                }

                offset += words[i].Length;
            }

            return term.Length >= 6;
        }

        /// <summary>Splits an identifier into lower-case words: <c>XApiKey</c> → x, api, key; <c>SSNValue</c> → ssn, value.</summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString().ToLowerInvariant());
                    current.Clear();
                }
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush();
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = name[i - 1];
                    var upperAfterLower = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                    var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (upperAfterLower || acronymEnd)
                    {
                        Flush();
                    }
                }

                current.Append(c);
            }

            Flush();
            return words;
        }
    }
}
