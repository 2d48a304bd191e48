using System;
using System.Text.RegularExpressions;

namespace ProductionAnalyzers.Sql
{
    /// <summary>Where an untrusted part lands in the SQL text.</summary>
    internal enum SqlPositionKind
    {
        /// <summary>A place where a value goes (after <c>=</c>, inside quotes, in <c>VALUES (...)</c>): a parameter fixes it.</summary>
        Value,

        /// <summary>A place where a name goes (table, column, ORDER BY, schema): needs an allow-list.</summary>
        Identifier,

        /// <summary>A whole piece of SQL (a WHERE clause, a condition, the start of the statement).</summary>
        Clause,

        /// <summary>A whole query nested in the statement (<c>FROM (...)</c>, <c>JOIN (...)</c>, <c>EXISTS (...)</c>).</summary>
        SubQuery,
    }

    /// <summary>The position of one untrusted part, with what a parameterizing fix needs to know.</summary>
    internal readonly struct SqlPosition
    {
        public SqlPosition(SqlPositionKind kind, bool quoted, bool inList)
        {
            Kind = kind;
            Quoted = quoted;
            InList = inList;
        }

        public SqlPositionKind Kind { get; }

        /// <summary>The part sits between single quotes (a string literal of the SQL text).</summary>
        public bool Quoted { get; }

        /// <summary>The part sits inside an <c>IN (...)</c> list: one parameter cannot replace it.</summary>
        public bool InList { get; }

        public string KindText => Kind switch
        {
            SqlPositionKind.Value => "a value",
            SqlPositionKind.Identifier => "an identifier",
            SqlPositionKind.SubQuery => "a sub-query",
            _ => "a clause",
        };

        public string Advice => Kind switch
        {
            SqlPositionKind.Value => InList
                ? "pass each value as a parameter (one placeholder per item)"
                : "pass it as a parameter",
            SqlPositionKind.Identifier => "check it against an allow-list of known names, or quote it with QuoteIdentifier",
            SqlPositionKind.SubQuery => "build the sub-query from constant text and pass its values as parameters",
            _ => "build the SQL from constant text and pass the values as parameters",
        };
    }

    /// <summary>
    /// Classifies the position of a part of SQL text from the text before it (and the start of the text after it).
    /// A light lexical heuristic, not a SQL parser: it looks at quotes, the last operator or keyword and open
    /// parentheses.
    /// </summary>
    internal static class SqlPositionClassifier
    {
        private static readonly Regex LastWord = new Regex(@"([A-Za-z_][A-Za-z0-9_]*)\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex BetweenAnd = new Regex(@"\bbetween\s+\S+\s+and\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex IntoList = new Regex(@"\binto\s+[\w\.\[\]""`?]+\s*\($", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex InList = new Regex(@"\bin\s*\($", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex ValuesList = new Regex(@"\bvalues\s*\($", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex IfExists = new Regex(@"\bif\s+(not\s+)?exists$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex ComparisonStart = new Regex(@"^\s*(=|<|>|!=|<>|\blike\b|\bilike\b|\bin\b|\bis\b|\bbetween\b|\+=|\bnot\s+like\b|\bnot\s+in\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex ClauseKeywords = new Regex(@"\b(select|from|join|where|and|or|order\s+by|group\s+by|having|set|values|into|update|on|by)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.RightToLeft);

        /// <summary>Whether <paramref name="before"/> ends inside an open "…", […] or `…` delimited identifier.</summary>
        private static bool InDelimitedIdentifier(string before)
        {
            var doubleQuotes = 0;
            var backticks = 0;
            var bracketOpen = false;
            foreach (var c in before)
            {
                switch (c)
                {
                    case '"':
                        doubleQuotes++;
                        break;
                    case '`':
                        backticks++;
                        break;
                    case '[':
                        bracketOpen = true;
                        break;
                    case ']':
                        bracketOpen = false;
                        break;
                }
            }

            return doubleQuotes % 2 == 1 || backticks % 2 == 1 || bracketOpen;
        }

        /// <param name="before">All SQL text before the part; other parts are written as <c>?</c>.</param>
        /// <param name="after">The SQL text right after the part (may be empty).</param>
        public static SqlPosition Classify(string before, string after)
        {
            before ??= string.Empty;
            after ??= string.Empty;

            if (InPragma(before))
            {
                // PRAGMA journal_mode={mode}, PRAGMA {name}={value}: a PRAGMA takes no parameters, quoted or not; what it
                // names and sets are fixed words an allow-list can check.
                return new SqlPosition(SqlPositionKind.Identifier, false, false);
            }

            if (CountQuotes(before) % 2 == 1)
            {
                // IN ('{string.Join("','", names)}'): a quoted part that is a whole list.
                var open = before.LastIndexOf('\'');
                var upToQuote = before.Substring(0, open).TrimEnd();
                var inList = false;
                if (upToQuote.EndsWith("(", StringComparison.Ordinal) || upToQuote.EndsWith(",", StringComparison.Ordinal))
                {
                    var paren = upToQuote.EndsWith("(", StringComparison.Ordinal) ? upToQuote.Length - 1 : UnclosedParen(upToQuote);
                    inList = paren >= 0 && InList.IsMatch(upToQuote.Substring(0, paren + 1));
                }

                return new SqlPosition(SqlPositionKind.Value, quoted: true, inList: inList);
            }

            var trimmed = before.TrimEnd();
            if (trimmed.Length == 0)
            {
                return new SqlPosition(SqlPositionKind.Clause, false, false);
            }

            var last = trimmed[trimmed.Length - 1];
            var afterTrimmed = after.TrimStart();

            // Delimited identifiers and qualified names; a part inside one ("Fileset-{id}", [tmp_{id}]) names it too.
            if (InDelimitedIdentifier(before) || last is '[' or '`' || (last == '"' && before.EndsWith("\"", StringComparison.Ordinal)) || last == '.' ||
                (before.Length > 0 && !char.IsWhiteSpace(before[before.Length - 1]) && after.StartsWith(".", StringComparison.Ordinal)))
            {
                return new SqlPosition(SqlPositionKind.Identifier, false, false);
            }

            if (last is '@' or ':' || (last == '?' && before.EndsWith("@?", StringComparison.Ordinal)))
            {
                return new SqlPosition(SqlPositionKind.Identifier, false, false);
            }

            if (last is '=' or '<' or '>' or '+' or '-' or '/' or '%')
            {
                return Value();
            }

            if (last == '(')
            {
                return FromOpenParen(trimmed);
            }

            if (last == ',')
            {
                var open = UnclosedParen(trimmed);
                if (open >= 0)
                {
                    return FromOpenParen(trimmed.Substring(0, open + 1));
                }

                return KeywordContext(trimmed, afterTrimmed);
            }

            var match = LastWord.Match(trimmed);
            if (!match.Success)
            {
                return new SqlPosition(SqlPositionKind.Clause, false, false);
            }

            switch (match.Groups[1].Value.ToLowerInvariant())
            {
                case "from":
                case "join":
                case "into":
                case "update":
                case "table":
                case "exec":
                case "execute":
                case "call":
                case "select":
                case "distinct":
                case "as":
                case "by":
                case "truncate":
                case "merge":
                case "delete":
                case "procedure":
                case "view":
                case "schema":
                case "database":
                case "index":
                case "column":
                case "asc":
                case "desc":
                    return Identifier();
                case "like":
                case "ilike":
                case "rlike":
                case "regexp":
                case "escape":
                case "limit":
                case "offset":
                case "top":
                case "fetch":
                case "then":
                case "else":
                case "when":
                case "return":
                case "default":
                    return Value();
                case "in":
                    return new SqlPosition(SqlPositionKind.Value, false, inList: true);
                case "exists" when IfExists.IsMatch(trimmed):
                    // DROP INDEX IF EXISTS name, CREATE TABLE IF NOT EXISTS name.
                    return Identifier();
                case "and":
                    if (BetweenAnd.IsMatch(trimmed))
                    {
                        return Value();
                    }

                    return LeftOperandOrClause(afterTrimmed);
                case "set":
                case "where":
                case "or":
                case "on":
                case "having":
                case "not":
                    return LeftOperandOrClause(afterTrimmed);
                default:
                    // After a name or a value: ORDER BY col <dir>, or a clause glued to the statement.
                    return AfterName(trimmed);
            }
        }

        private static SqlPosition Value() => new SqlPosition(SqlPositionKind.Value, false, false);

        private static SqlPosition Identifier() => new SqlPosition(SqlPositionKind.Identifier, false, false);

        private static SqlPosition LeftOperandOrClause(string after) =>
            ComparisonStart.IsMatch(after) ? Identifier() : new SqlPosition(SqlPositionKind.Clause, false, false);

        private static SqlPosition FromOpenParen(string upToParen)
        {
            if (InList.IsMatch(upToParen))
            {
                return new SqlPosition(SqlPositionKind.Value, false, inList: true);
            }

            if (ValuesList.IsMatch(upToParen))
            {
                return Value();
            }

            if (IntoList.IsMatch(upToParen))
            {
                return Identifier();
            }

            var withoutParen = upToParen.Substring(0, upToParen.Length - 1).TrimEnd();
            if (withoutParen.Length == 0 || withoutParen.EndsWith("(", StringComparison.Ordinal))
            {
                return new SqlPosition(SqlPositionKind.Clause, false, false);
            }

            var word = LastWord.Match(withoutParen);
            if (word.Success)
            {
                switch (word.Groups[1].Value.ToLowerInvariant())
                {
                    case "where":
                    case "and":
                    case "or":
                    case "not":
                    case "on":
                    case "having":
                        return new SqlPosition(SqlPositionKind.Clause, false, false);
                    case "exists":
                    case "from":
                    case "join":
                    case "as":
                        return new SqlPosition(SqlPositionKind.SubQuery, false, false);
                }
            }

            // A function argument: COUNT(x), COALESCE(x, ...), LOWER(x).
            return Value();
        }

        private static SqlPosition KeywordContext(string trimmed, string after)
        {
            var keyword = ClauseKeywords.Match(trimmed);
            if (!keyword.Success)
            {
                return new SqlPosition(SqlPositionKind.Clause, false, false);
            }

            var word = Regex.Replace(keyword.Groups[1].Value.ToLowerInvariant(), @"\s+", " ");
            switch (word)
            {
                case "select":
                case "order by":
                case "group by":
                case "by":
                case "from":
                case "join":
                case "into":
                case "update":
                    return Identifier();
                case "set":
                    return ComparisonStart.IsMatch(after) ? Identifier() : new SqlPosition(SqlPositionKind.Clause, false, false);
                default:
                    return new SqlPosition(SqlPositionKind.Clause, false, false);
            }
        }

        private static SqlPosition AfterName(string trimmed)
        {
            var keyword = ClauseKeywords.Match(trimmed);
            if (keyword.Success && keyword.Groups[1].Value.EndsWith("by", StringComparison.OrdinalIgnoreCase))
            {
                // ORDER BY name <direction>
                return Identifier();
            }

            return new SqlPosition(SqlPositionKind.Clause, false, false);
        }

        private static int UnclosedParen(string text)
        {
            var depth = 0;
            var inQuote = false;
            for (var i = text.Length - 1; i >= 0; i--)
            {
                var c = text[i];
                if (c == '\'')
                {
                    inQuote = !inQuote;
                    continue;
                }

                if (inQuote)
                {
                    continue;
                }

                if (c == ')')
                {
                    depth++;
                }
                else if (c == '(')
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
            }

            return -1;
        }

        /// <summary>Whether the statement the part belongs to (the text after the last <c>;</c>) is a SQLite <c>PRAGMA</c>.</summary>
        private static bool InPragma(string before)
        {
            var start = before.LastIndexOf(';') + 1;
            while (start < before.Length && char.IsWhiteSpace(before[start]))
            {
                start++;
            }

            return before.Length - start > "PRAGMA".Length &&
                   string.Compare(before, start, "PRAGMA", 0, "PRAGMA".Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                   char.IsWhiteSpace(before[start + "PRAGMA".Length]);
        }

        private static int CountQuotes(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                if (c == '\'')
                {
                    count++;
                }
            }

            return count;
        }
    }
}
