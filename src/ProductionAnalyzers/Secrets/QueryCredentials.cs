namespace ProductionAnalyzers.Secrets
{
    /// <summary>
    /// Credentials in a URL's query string (PA2001): <c>https://api.example.org/find?api_key=…&amp;q=</c>,
    /// <c>?apikey=…</c>, <c>&amp;access_token=…</c>. A parameter counts when its name means a credential
    /// (<see cref="CredentialNames"/>) and its value is written out — not empty, not a placeholder, and for a token or key
    /// generated-looking; a value that the code appends (<c>"?api_key=" + key</c>, an interpolation hole) is not hardcoded.
    /// </summary>
    internal static class QueryCredentials
    {
        /// <summary>A value that ends at an interpolation hole continues in code: not hardcoded.</summary>
        internal const char Hole = '\u0001';

        /// <summary>Cheap test before <see cref="Find"/>: an <c>=</c> after a <c>?</c> or <c>&amp;</c>.</summary>
        public static bool MayContainQuery(string text)
        {
            var equals = text.IndexOf('=');
            if (equals < 2)
            {
                return false;
            }

            var question = text.IndexOf('?');
            return (question >= 0 && question < equals) || text.IndexOf('&') >= 0;
        }

        /// <summary>The first query parameter of <paramref name="text"/> that carries a hardcoded credential, or null.</summary>
        public static (string Name, string Value)? Find(string text, CredentialNames names)
        {
            for (var equals = text.IndexOf('='); equals > 0; equals = text.IndexOf('=', equals + 1))
            {
                // The parameter's name runs back to '?' or '&'.
                var start = equals;
                while (start > 0 && IsNameChar(text[start - 1]))
                {
                    start--;
                }

                if (start == equals || start == 0 || (text[start - 1] != '?' && text[start - 1] != '&'))
                {
                    continue;
                }

                var end = equals + 1;
                while (end < text.Length && text[end] != '&' && text[end] != '#' && text[end] != Hole && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                if (end == equals + 1 || (end < text.Length && text[end] == Hole))
                {
                    continue;
                }

                var name = text.Substring(start, equals - start);
                if (!names.IsCredential(name))
                {
                    continue;
                }

                var value = text.Substring(equals + 1, end - equals - 1);
                if (SecretValues.IsNotACredential(value, names) || (names.NeedsGeneratedValue(name, bytes: false) && !SecretValues.LooksGenerated(value)))
                {
                    continue;
                }

                return (name, value);
            }

            return null;
        }

        private static bool IsNameChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }
}
