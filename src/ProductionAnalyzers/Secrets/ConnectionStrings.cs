using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>An embedded password found in a connection string or URI (PA2003).</summary>
    internal readonly struct EmbeddedPassword
    {
        public EmbeddedPassword(string key, string value, bool localHost)
        {
            Key = key;
            Value = value;
            LocalHost = localHost;
        }

        /// <summary>The connection-string key (<c>Password</c>, <c>AccountKey</c>) or the URI scheme (<c>postgres://</c>).</summary>
        public string Key { get; }

        public string Value { get; }

        /// <summary>The server is this machine: <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, <c>(localdb)</c>, <c>.</c>.</summary>
        public bool LocalHost { get; }
    }

    /// <summary>
    /// Finds a password in a connection string (<c>Password=</c>, <c>Pwd=</c>, <c>AccountKey=</c>, <c>SharedAccessKey=</c>;
    /// keys case- and space-insensitive; values may be quoted; pairs separated by <c>;</c>, or by <c>,</c> in Redis
    /// configuration strings) or in a URI's user information (<c>scheme://user:password@host</c>). Integrated security,
    /// emulator defaults and placeholders are not passwords. No regular expression; linear in the value's length.
    /// </summary>
    internal static class ConnectionStrings
    {
        /// <summary>Azurite's and the storage emulator's well-known, documented account key.</summary>
        internal const string EmulatorAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        private static readonly HashSet<string> PasswordKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "pwd", "accountkey", "sharedaccesskey", "userpassword", "jetoledb:databasepassword",
        };

        private static readonly HashSet<string> HostKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "server", "datasource", "host", "address", "addr", "networkaddress", "hostname", "endpoint",
        };

        /// <summary>Cheap test before parsing: the value could hold a key=value password or a URI with user information.</summary>
        [MethodImpl(HotPath.Options)]
        public static bool MayContainPassword(string value) =>
            value.Length >= 8 && (value.IndexOf('=') > 0 || value.IndexOf("://", StringComparison.Ordinal) > 0);

        /// <summary>The embedded password of <paramref name="value"/>, or null. <paramref name="hole"/> marks interpolation holes.</summary>
        [MethodImpl(HotPath.Options)]
        public static EmbeddedPassword? Find(string value, char hole = '\0')
        {
            if (!MayContainPassword(value) || QuotedInProse(value))
            {
                return null;
            }

            return FindInPairs(value, hole) ?? FindInUri(value, hole);
        }

        /// <summary>
        /// A message or help text that quotes a connection string as an example (<c>"If you have an eclair server:
        /// 'type=eclair;server=…;password=…'"</c>): three words or more before the first <c>=</c> or <c>://</c>. A connection
        /// string starts with a key (<c>Server=</c>, <c>User ID=</c>) or a scheme.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool QuotedInProse(string value)
        {
            var end = value.IndexOf('=');
            var scheme = value.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0 && (end < 0 || scheme < end))
            {
                end = scheme;
            }

            var words = 0;
            var inWord = false;
            var wordStart = 0;
            for (var i = 0; i < end; i++)
            {
                var letter = char.IsLetter(value[i]);
                if (letter && !inWord)
                {
                    words++;
                    wordStart = i;
                }

                if (inWord && !letter && IntroducesASample(value, wordStart, i))
                {
                    return true;
                }

                inWord = letter || (inWord && !char.IsWhiteSpace(value[i]));
            }

            return words >= 3;
        }

        /// <summary>
        /// The word at [<paramref name="start"/>, <paramref name="end"/>) announces a sample (<c>"Example: ftp://user:pass@server/folder"</c>,
        /// <c>"e.g. sftp://…"</c>, <c>"Usage: …"</c>, <c>"Syntax: …"</c>).
        /// </summary>
        private static bool IntroducesASample(string value, int start, int end)
        {
            var length = end - start;
            return length switch
            {
                1 => (value[start] is 'e' or 'E') && end + 2 < value.Length && value[end] == '.' && value[end + 1] is 'g' or 'G',
                2 => string.Compare(value, start, "eg", 0, 2, StringComparison.OrdinalIgnoreCase) == 0,
                5 => string.Compare(value, start, "usage", 0, 5, StringComparison.OrdinalIgnoreCase) == 0,
                6 => string.Compare(value, start, "syntax", 0, 6, StringComparison.OrdinalIgnoreCase) == 0,
                7 => string.Compare(value, start, "example", 0, 7, StringComparison.OrdinalIgnoreCase) == 0,
                8 => string.Compare(value, start, "examples", 0, 8, StringComparison.OrdinalIgnoreCase) == 0,
                _ => false,
            };
        }

        private static EmbeddedPassword? FindInPairs(string value, char hole)
        {
            if (value.IndexOf('=') <= 0)
            {
                return null;
            }

            var separator = value.IndexOf(';') >= 0 ? ';' : ',';
            var pairs = Split(value, separator);
            if (pairs.Count < 2 && separator == ',')
            {
                return null;
            }

            string? passwordKey = null;
            string? password = null;
            var integrated = false;
            var local = false;
            var emulator = false;
            var hasKnownKey = false;
            foreach (var (rawKey, rawValue) in pairs)
            {
                var key = NormalizeKey(rawKey);
                var item = Unquote(rawValue.Trim());
                if (PasswordKeys.Contains(key))
                {
                    hasKnownKey = true;
                    if (password is null)
                    {
                        passwordKey = rawKey.Trim();
                        password = item;
                    }
                }
                else if (key is "integratedsecurity" or "trustedconnection")
                {
                    hasKnownKey = true;
                    integrated |= item.Equals("true", StringComparison.OrdinalIgnoreCase) || item.Equals("sspi", StringComparison.OrdinalIgnoreCase) ||
                                  item.Equals("yes", StringComparison.OrdinalIgnoreCase);
                }
                else if (key == "authentication" && item.IndexOf("Password", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    // Active Directory Integrated / Managed Identity / Default: no password is used.
                    integrated |= item.IndexOf("Active Directory", StringComparison.OrdinalIgnoreCase) >= 0;
                }
                else if (HostKeys.Contains(key))
                {
                    hasKnownKey = true;
                    local |= IsLocalHost(item);
                }
                else if (key == "usedevelopmentstorage" || (key == "accountname" && item == "devstoreaccount1"))
                {
                    emulator = true;
                }
                else if (key is "userid" or "uid" or "user" or "username" or "database" or "initialcatalog" or "port" or "accountname" or
                         "defaultendpointsprotocol" or "sharedaccesskeyname" or "endpointsuffix")
                {
                    hasKnownKey = true;
                }
            }

            if (password is null || passwordKey is null || !hasKnownKey || integrated || emulator || password == EmulatorAccountKey)
            {
                return null;
            }

            // The password comes from an interpolation hole or is a placeholder.
            if ((hole != '\0' && password.IndexOf(hole) >= 0) || SecretValues.IsPlaceholder(password) || SecretValues.IsQuietValue(password) ||
                password.Length < 3)
            {
                return null;
            }

            return new EmbeddedPassword(passwordKey, password, local);
        }

        private static EmbeddedPassword? FindInUri(string value, char hole)
        {
            var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
            while (schemeEnd > 0)
            {
                var schemeStart = schemeEnd;
                while (schemeStart > 0 && (char.IsLetterOrDigit(value[schemeStart - 1]) || value[schemeStart - 1] is '+' or '-' or '.'))
                {
                    schemeStart--;
                }

                var authorityStart = schemeEnd + 3;
                var authorityEnd = authorityStart;
                while (authorityEnd < value.Length && value[authorityEnd] is not ('/' or '?' or '#') && !char.IsWhiteSpace(value[authorityEnd]) &&
                       value[authorityEnd] is not ('"' or '\''))
                {
                    authorityEnd++;
                }

                var at = value.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
                // A file URI carries a path, not credentials (file://C:\backup@daily\x); a backslash cannot be written in user
                // information, so "user:password" before it is a Windows path.
                if (schemeEnd > schemeStart && at > authorityStart && !IsFileScheme(value, schemeStart, schemeEnd) &&
                    value.IndexOf('\\', authorityStart, at - authorityStart) < 0)
                {
                    var colon = value.IndexOf(':', authorityStart, at - authorityStart);
                    if (colon > 0)
                    {
                        var password = value.Substring(colon + 1, at - colon - 1);
                        var decoded = password.Replace("%40", "@");
                        if (decoded.Length >= 3 && !(hole != '\0' && decoded.IndexOf(hole) >= 0) && !SecretValues.IsPlaceholder(decoded) &&
                            !SecretValues.IsQuietValue(decoded))
                        {
                            var host = value.Substring(at + 1, authorityEnd - at - 1);
                            var scheme = value.Substring(schemeStart, schemeEnd - schemeStart);
                            return new EmbeddedPassword(scheme + "://", decoded, IsLocalHost(host));
                        }
                    }
                }

                schemeEnd = value.IndexOf("://", authorityEnd, StringComparison.Ordinal);
            }

            return null;
        }

        private static bool IsFileScheme(string value, int start, int end) =>
            end - start == 4 && string.Compare(value, start, "file", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary><c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, <c>(localdb)\…</c>, <c>.</c>, <c>(local)</c>, with port or instance.</summary>
        public static bool IsLocalHost(string host)
        {
            var h = host.Trim().ToLowerInvariant();
            if (h.StartsWith("tcp:", StringComparison.Ordinal))
            {
                h = h.Substring(4);
            }

            if (h.StartsWith("(localdb)", StringComparison.Ordinal) || h.StartsWith("[::1]", StringComparison.Ordinal) || h == "::1")
            {
                return true;
            }

            // Several hosts (Redis, MongoDB): local when every one is; "host,1433" is SQL Server's host and port.
            if (h.IndexOf(',') > 0)
            {
                var any = false;
                foreach (var part in h.Split(','))
                {
                    if (part.Trim().Length == 0 || IsDigits(part.Trim()))
                    {
                        continue;
                    }

                    if (!IsLocalHost(part))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            }

            var end = h.Length;
            for (var i = 0; i < h.Length; i++)
            {
                if (h[i] is ',' or ':' or '\\' or '/')
                {
                    end = i;
                    break;
                }
            }

            var name = h.Substring(0, end);
            return name is "localhost" or "127.0.0.1" or "." or "(local)" or "host.docker.internal";
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static List<(string Key, string Value)> Split(string value, char separator)
        {
            var pairs = new List<(string, string)>();
            var start = 0;
            while (start < value.Length)
            {
                var equals = value.IndexOf('=', start);
                if (equals < 0)
                {
                    break;
                }

                var nextSeparator = value.IndexOf(separator, start);
                if (nextSeparator >= 0 && nextSeparator < equals)
                {
                    // A segment without '=' (Redis host list "host:6379,password=…").
                    start = nextSeparator + 1;
                    continue;
                }

                var key = value.Substring(start, equals - start);
                var i = equals + 1;
                while (i < value.Length && value[i] == ' ')
                {
                    i++;
                }

                int end;
                if (i < value.Length && (value[i] == '\'' || value[i] == '"'))
                {
                    // A quoted value; a doubled quote is an escaped quote.
                    var quote = value[i];
                    end = i + 1;
                    while (end < value.Length)
                    {
                        if (value[end] == quote)
                        {
                            if (end + 1 < value.Length && value[end + 1] == quote)
                            {
                                end += 2;
                                continue;
                            }

                            break;
                        }

                        end++;
                    }

                    end = value.IndexOf(separator, Math.Min(end, value.Length));
                    if (end < 0)
                    {
                        end = value.Length;
                    }
                }
                else
                {
                    end = value.IndexOf(separator, i);
                    if (end < 0)
                    {
                        end = value.Length;
                    }
                }

                pairs.Add((key, value.Substring(equals + 1, end - equals - 1)));
                start = end + 1;
            }

            return pairs;
        }

        private static string NormalizeKey(string key)
        {
            var chars = new char[key.Length];
            var n = 0;
            foreach (var c in key)
            {
                if (!char.IsWhiteSpace(c) && c != '_')
                {
                    chars[n++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, n);
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0])
            {
                var quote = value[0].ToString();
                return value.Substring(1, value.Length - 2).Replace(quote + quote, quote);
            }

            return value;
        }
    }
}
