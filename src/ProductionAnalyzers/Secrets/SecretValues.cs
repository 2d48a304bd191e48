using System;
using System.Runtime.CompilerServices;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>
    /// Judges a value found where a credential goes: placeholders, labels, messages, keys, URLs, paths, templates,
    /// regexes, encrypted and hashed values are not hardcoded credentials. And the one way a secret appears in a message:
    /// <see cref="Redact"/>.
    /// </summary>
    internal static class SecretValues
    {
        /// <summary>Words that make a value a placeholder wherever they appear in it (case-insensitive).</summary>
        private static readonly string[] PlaceholderWords =
        {
            "changeme", "change_me", "change-me", "change_this", "change-this", "changethis", "replaceme", "replace_me",
            "replace-me", "replace_with", "replace-with", "placeholder", "example", "sample", "dummy", "fake", "xxx", "***",
            "todo", "tbd", "fixme", "redacted", "notset", "not_set", "not-set", "setme", "set_me", "set-me", "insert",
            "your_", "your-", "yoursecret", "yourpassword", "yourkey", "yourtoken", "yourapikey", "yourown", "here", "<", ">",
            "${", "#{", "$(", "{{", "@microsoft.keyvault", "override", "provided", "injected", "supplied", "secret-store",
            "keyvault", "key-vault", "user-secrets", "usersecrets", "from-env", "fromenv", "env:", "vault:", "secret:",
            "enter", "dev-only-", "lorem", "ipsum",
        };

        /// <summary>Whole values that are labels or dummies, not secrets.</summary>
        private static readonly string[] QuietValues =
        {
            "password", "passwd", "pwd", "pass", "secret", "token", "apikey", "api_key", "api-key", "key", "string", "value",
            "null", "none", "nil", "undefined", "empty", "default", "n/a", "na", "test", "testing", "true", "false",
            "expired", "invalid", "revoked", "malformed", "wrong", "incorrect", "unknown", "missing", "bogus", "garbage", "notvalid",
            "foo", "bar", "baz", "foobar", "replace", "change", "changeit", "abc", "abcd", "hidden", "masked", "unset", "disabled", "enabled", "required", "optional",
            "asdf", "qwer", "qwerty", "zxcv", "1234",
        };

        /// <summary>Prefixes of values encrypted by a protected-configuration provider or hashed by a password hasher.</summary>
        private static readonly string[] EncryptedPrefixes =
        {
            "enc(", "enc:", "encrypted:", "{cipher}", "cfdj8", "aqaaancmnd8bfderjhoawe/cl+sbaaaa", "$2a$", "$2b$", "$2y$",
            "$argon2", "$pbkdf2", "$6$", "$5$", "aqaaaaeaaccq", "aqaaaaiaayag", "aqaaaaiaaycq", "vault:v1:", "ENC[".ToLowerInvariant(),
            "kms:", "sops:",
        };

        /// <summary>The value shown in a message: at most its first 4 characters (fewer for short values), then '…'.</summary>
        public static string Redact(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return "…";
            }

            var shown = Math.Min(4, value!.Length / 3);
            var prefix = value.Substring(0, shown);
            // A line break or quote in the shown part would break the message; nothing of the secret is lost by dropping it.
            var chars = prefix.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsControl(chars[i]) || chars[i] == '\'')
                {
                    return new string(chars, 0, i) + "…";
                }
            }

            return prefix + "…";
        }

        /// <summary>
        /// True when <paramref name="value"/> is a placeholder: empty, blank, a template marker (<c>&lt;…&gt;</c>, <c>${…}</c>,
        /// <c>%…%</c>, <c>{{…}}</c>, <c>#{…}</c>, <c>__X__</c>), a placeholder word (<c>changeme</c>, <c>your-…-here</c>,
        /// <c>example</c>), a run of one character (<c>xxxx</c>, <c>****</c>), or an encrypted or hashed value.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsPlaceholder(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            if (trimmed.Length >= 2 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%')
            {
                return true;
            }

            if (trimmed.Length >= 4 && trimmed.StartsWith("__", StringComparison.Ordinal) && trimmed.EndsWith("__", StringComparison.Ordinal))
            {
                return true;
            }

            if (trimmed.Length >= 2 && trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']')
            {
                return true;
            }

            if (IsOneCharacterRun(trimmed) || NamesItself(trimmed))
            {
                return true;
            }

            // One lower-case copy, then ordinal searches: a case-insensitive search per word costs several times more.
            var lower = trimmed.ToLowerInvariant();
            if (ContainsAny(lower, PlaceholderWords) || StartsWithAny(lower, EncryptedPrefixes))
            {
                return true;
            }

            return false;
        }

        /// <summary>
        /// A value that only names what belongs in its place: letters alone around the word password (<c>myPassword</c>,
        /// <c>eclairpassword</c>), or an environment-variable style name of a credential (<c>API_TOKEN_SECRET</c>,
        /// <c>DB_PASSWORD</c>). A password with digits or symbols (<c>Password123!</c>) is not one.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool NamesItself(string value)
        {
            // Quoted inside help text: 'type=eclair;password=eclairpassword'.
            value = value.Trim('\'', '"', '`');
            var letters = value.Length > 0;
            var screaming = value.IndexOf('_') > 0;
            foreach (var c in value)
            {
                letters &= char.IsLetter(c);
                screaming &= c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
            }

            if (letters && value.Length > "password".Length &&
                (value.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("passwd", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }

            return screaming && (value.IndexOf("PASSWORD", StringComparison.Ordinal) >= 0 || value.IndexOf("SECRET", StringComparison.Ordinal) >= 0 ||
                                 value.IndexOf("TOKEN", StringComparison.Ordinal) >= 0 || value.IndexOf("PWD", StringComparison.Ordinal) >= 0 ||
                                 value.IndexOf("KEY", StringComparison.Ordinal) >= 0);
        }

        /// <summary>
        /// A whole value that is a label or a dummy (<c>password</c>, <c>pass</c>, <c>secret</c>, <c>test</c>, <c>foo</c>),
        /// case-insensitive: what help text and samples put in a credential's place (<c>ftp://user:pass@server</c>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsQuietValue(string value)
        {
            var trimmed = value.Trim();
            foreach (var quiet in QuietValues)
            {
                if (string.Equals(trimmed, quiet, StringComparison.OrdinalIgnoreCase) || IsRepeated(trimmed, quiet))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value is <paramref name="unit"/> typed two or more times (<c>asdfasdfasdf</c>, <c>testtest</c>), case-insensitive.</summary>
        private static bool IsRepeated(string value, string unit)
        {
            if (unit.Length < 3 || value.Length < 2 * unit.Length || value.Length % unit.Length != 0)
            {
                return false;
            }

            for (var at = 0; at < value.Length; at += unit.Length)
            {
                if (string.Compare(value, at, unit, 0, unit.Length, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when a value in a credential's place is not a credential: a placeholder, a label or message
        /// (<c>"Password"</c>, <c>"Password is required"</c>), a key or name that mentions a credential
        /// (<c>"Jwt:Secret"</c>, <c>"access_token"</c>, <c>"X-Api-Key"</c>), a URL without a password, a path, a format
        /// string or route template, a regular expression.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsNotACredential(string value, CredentialNames names)
        {
            if (IsPlaceholder(value))
            {
                return true;
            }

            var trimmed = value.Trim();
            if (trimmed.Length < 4)
            {
                return true;
            }

            if (IsQuietValue(trimmed))
            {
                return true;
            }

            // Messages and labels: several words separated by spaces.
            if (CountSpaces(trimmed) >= 1 && !HasSchemePrefix(trimmed))
            {
                return true;
            }

            // URLs, paths, templates, regular expressions.
            if (trimmed.IndexOf("://", StringComparison.Ordinal) > 0 || trimmed[0] == '/' || trimmed[0] == '~' || trimmed[0] == '\\' ||
                trimmed.StartsWith("./", StringComparison.Ordinal) || (trimmed.Length > 2 && trimmed[1] == ':' && trimmed[2] == '\\'))
            {
                return true;
            }

            if ((trimmed.IndexOf('{') >= 0 && trimmed.IndexOf('}') > trimmed.IndexOf('{')) || trimmed[0] == '^' ||
                trimmed.IndexOf("(?", StringComparison.Ordinal) >= 0 || trimmed.IndexOf("\\d", StringComparison.Ordinal) >= 0 ||
                trimmed.IndexOf("\\w", StringComparison.Ordinal) >= 0 || trimmed.IndexOf("[a-z", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            // Slugs and identifiers: feature flags, claim and field names ("pm-2708-input-password", "password_hash_b64").
            if (IsSlug(trimmed) || (IsLowerCaseIdentifier(trimmed) && names.Mentions(trimmed)))
            {
                return true;
            }

            // Keys and names that mention a credential: "Jwt:Secret", "access_token", "X-Api-Key", "ConnectionStrings:Default".
            if (IsIdentifierLike(trimmed) && (names.Mentions(trimmed) || trimmed.IndexOf(':') > 0 || trimmed.IndexOf('.') > 0))
            {
                return true;
            }

            // Configuration keys with a path: "Smtp:Password", "Stripe:Keys:Secret".
            if (trimmed.IndexOf(':') > 0 && IsIdentifierLike(trimmed.Replace(":", string.Empty)))
            {
                return true;
            }

            // Mime types, claim types and the like: "application/json".
            return false;
        }

        /// <summary>
        /// A cheap subset of <see cref="IsNotACredential"/> that needs no word list: a value without an Authorization scheme
        /// that is a message (a space inside), shorter than 4 characters, a URL or a path. Such a value is not a credential
        /// under any name, so the caller can stop before looking for one.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsMessageOrPath(string value)
        {
            var trimmed = value.Trim();
            return (trimmed.Length < 4 || CountSpaces(trimmed) >= 1 || trimmed.IndexOf("://", StringComparison.Ordinal) > 0 ||
                    trimmed[0] == '/' || trimmed[0] == '~' || trimmed[0] == '\\') &&
                   !HasSchemePrefix(trimmed);
        }

        /// <summary>
        /// True when <paramref name="value"/> looks made by a machine, as tokens, secrets and API keys are: at least 6 characters
        /// of the URL- and base64-safe kind (and the symbols of generated passwords), no spaces, a digit among letters or a long
        /// mixed-case run, several distinct characters; not a slug or identifier (<c>orders-api</c>, <c>vpp_scale</c>), a version
        /// (<c>1.2.3</c>) or an expression (<c>format=bgra:afbc=1</c>).
        /// </summary>
        public static bool LooksGenerated(string value)
        {
            var text = value.Trim();
            if (text.Length < 6)
            {
                return false;
            }

            int digits = 0, upper = 0, lower = 0, dots = 0;
            var distinct = 0;
            char first = '\0', second = '\0', third = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    upper++;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    lower++;
                }
                else if (c == '=')
                {
                    // Base64 padding only at the end; key=value inside is an expression or a query.
                    for (var j = i; j < text.Length; j++)
                    {
                        if (text[j] != '=')
                        {
                            return false;
                        }
                    }
                }
                else if (c == '.')
                {
                    dots++;
                }
                else if (GeneratedSymbols.IndexOf(c) < 0)
                {
                    return false;
                }

                // The first four distinct characters, counted without a set.
                if (distinct < 4 && (distinct < 1 || c != first) && (distinct < 2 || c != second) && (distinct < 3 || c != third))
                {
                    switch (distinct++)
                    {
                        case 0: first = c; break;
                        case 1: second = c; break;
                        case 2: third = c; break;
                    }
                }
            }

            if (distinct < 4 && text.Length >= 8)
            {
                return false;
            }

            if (digits > 0 && upper + lower == 0 && dots > 0)
            {
                return false;
            }

            if (IsSlug(text))
            {
                return false;
            }

            return (digits > 0 && (upper + lower > 0 || text.Length >= 6)) || (text.Length >= 20 && upper > 0 && lower > 0);
        }

        /// <summary>True when <paramref name="value"/>[<paramref name="start"/>..<paramref name="end"/>) has at least <paramref name="count"/> distinct characters.</summary>
        internal static bool HasDistinct(string value, int start, int end, int count)
        {
            var seen = new char[count];
            var n = 0;
            for (var i = start; i < end && n < count; i++)
            {
                var c = value[i];
                if (Array.IndexOf(seen, c, 0, n) < 0)
                {
                    seen[n++] = c;
                }
            }

            return n >= count;
        }

        /// <summary>Characters besides letters, digits, <c>.</c> and <c>=</c> that generated tokens and secrets use.</summary>
        private const string GeneratedSymbols = "-_+/~!#$%*@^&?";

        /// <summary>
        /// Lower-case words joined by <c>-</c>, <c>_</c> or <c>.</c>, each all letters or all digits: <c>orders-api</c>,
        /// <c>vpp_rkrga</c>, <c>release-2024</c>. A name or an identifier, not a generated value.
        /// </summary>
        public static bool IsSlug(string value)
        {
            bool letters = false, digits = false;
            foreach (var c in value)
            {
                if (c == '-' || c == '_' || c == '.')
                {
                    letters = digits = false;
                    continue;
                }

                if (c >= 'a' && c <= 'z')
                {
                    if (digits)
                    {
                        return false;
                    }

                    letters = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (letters)
                    {
                        return false;
                    }

                    digits = true;
                }
                else
                {
                    return false;
                }
            }

            return value.IndexOfAny(SlugSeparators) > 0;
        }

        private static readonly char[] SlugSeparators = { '-', '_', '.' };

        /// <summary>Lower-case letters and digits in at least two parts joined by <c>-</c>, <c>_</c> or <c>.</c>: <c>password_hash_b64</c>.</summary>
        private static bool IsLowerCaseIdentifier(string value)
        {
            foreach (var c in value)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                {
                    return false;
                }
            }

            return value.IndexOfAny(SlugSeparators) > 0;
        }

        /// <summary>An HTTP Authorization value with a scheme: <c>Basic dXNl…</c>, <c>Bearer eyJ…</c>.</summary>
        [MethodImpl(HotPath.Options)]
        public static bool HasSchemePrefix(string value) =>
            StartsWithWord(value, "Basic ") || StartsWithWord(value, "Bearer ") || StartsWithWord(value, "Token ") ||
            StartsWithWord(value, "ApiKey ") || StartsWithWord(value, "SharedAccessSignature ") || StartsWithWord(value, "Digest ");

        /// <summary>
        /// <see cref="HasSchemePrefix"/> of <paramref name="text"/> followed by an interpolation hole (<c>$"Basic {…}"</c>): the
        /// scheme word may end the text. Without building that string.
        /// </summary>
        public static bool HasSchemePrefixBeforeHole(string text) =>
            StartsWithWordBeforeHole(text, "Basic ") || StartsWithWordBeforeHole(text, "Bearer ") || StartsWithWordBeforeHole(text, "Token ") ||
            StartsWithWordBeforeHole(text, "ApiKey ") || StartsWithWordBeforeHole(text, "SharedAccessSignature ") || StartsWithWordBeforeHole(text, "Digest ");

        private static bool StartsWithWordBeforeHole(string text, string word) =>
            text.Length >= word.Length && text.StartsWith(word, StringComparison.OrdinalIgnoreCase);

        /// <summary>The credential of an Authorization value (<c>Basic abc</c> → <c>abc</c>), or null when there is no scheme.</summary>
        public static string? SchemeCredential(string value)
        {
            var trimmed = value.Trim();
            if (!HasSchemePrefix(trimmed))
            {
                return null;
            }

            var space = trimmed.IndexOf(' ');
            return trimmed.Substring(space + 1).Trim();
        }

        /// <summary>Letters, digits and <c>_ - : .</c> only, and no digit: identifiers, keys, header names, claim names.</summary>
        public static bool IsIdentifierLike(string value)
        {
            foreach (var c in value)
            {
                if (!(char.IsLetter(c) || c == '_' || c == '-' || c == ':' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithWord(string value, string word) =>
            value.Length > word.Length && value.StartsWith(word, StringComparison.OrdinalIgnoreCase);

        [MethodImpl(HotPath.Options)]
        private static int CountSpaces(string value)
        {
            var count = 0;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    count++;
                }
            }

            return count;
        }

        private static bool IsOneCharacterRun(string value)
        {
            var first = value[0];
            foreach (var c in value)
            {
                if (c != first)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when lower-case <paramref name="value"/> contains one of the lower-case <paramref name="words"/>.</summary>
        [MethodImpl(HotPath.Options)]
        internal static bool ContainsAny(string value, string[] words)
        {
            foreach (var word in words)
            {
                if (value.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private static bool StartsWithAny(string value, string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
