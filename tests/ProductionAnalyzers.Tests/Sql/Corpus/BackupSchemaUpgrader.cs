using System;
using System.Collections.Generic;
using System.Data;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Contoso.Backup.Database
{
    /// <summary>
    /// Installs and upgrades the local database from scripts compiled into the assembly. The scripts hold conditional
    /// blocks ({#if sqlite_version >= 3.35} … {#else} … {#endif}) that are resolved before they run.
    /// </summary>
    public static class SchemaUpgrader
    {
        private const string ConditionalBlock =
            @"\{#if(?<NEST>(_\d*)?)\s+(?<CONDITION>[^}]*)}(?<THENPART>.*?)(?:\{#else\k<NEST>\}(?<ELSEPART>.*?))?\{#endif\k<NEST>\}";

        public static string Preparse(string sql, IDictionary<string, IComparable> vars)
        {
            var blocks = Regex.Matches(sql, ConditionalBlock, RegexOptions.ExplicitCapture | RegexOptions.Singleline);
            var result = new StringBuilder();
            var position = 0;
            foreach (Match block in blocks)
            {
                var condition = block.Groups["CONDITION"].Value;
                var thenPart = block.Groups["THENPART"].Value;
                var elsePart = block.Groups["ELSEPART"].Success ? block.Groups["ELSEPART"].Value : null;

                result.Append(sql.Substring(position, block.Index - position));
                if (Holds(condition, vars))
                    result.Append(Preparse(thenPart, vars));
                else if (elsePart != null)
                    result.Append(Preparse(elsePart, vars));

                position = block.Index + block.Length;
            }

            result.Append(sql.Substring(position, sql.Length - position));
            return result.ToString();
        }

        public static void Upgrade(IDbConnection connection, Type marker)
        {
            var assembly = marker.Assembly;
            string schema;
            using (var reader = new StreamReader(assembly.GetManifestResourceStream(marker, "Schema.sql")!))
                schema = reader.ReadToEnd();

            var vars = new Dictionary<string, IComparable>(StringComparer.OrdinalIgnoreCase) { ["sqlite_version"] = new Version(3, 45) };
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Preparse(schema, vars); // OK: an embedded script, preprocessed by its own match groups
            cmd.ExecuteNonQuery();

            var header = Regex.Match(schema, @"^--\s*version\s+(?<V>\d+)");
            cmd.CommandText = "INSERT INTO Version (Version) VALUES (" + header.Groups["V"].Value + ")"; // OK: a piece of the embedded script
            cmd.ExecuteNonQuery();
        }

        /// <summary>A support engineer's override script, read from disk: not program-made text.</summary>
        public static void ApplyOverride(IDbConnection connection, string path)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = {|PA1001:Preparse(File.ReadAllText(path), new Dictionary<string, IComparable>())|};
            cmd.ExecuteNonQuery();
        }

        private static bool Holds(string condition, IDictionary<string, IComparable> vars) =>
            vars.ContainsKey(condition.Trim().Split(' ')[0]);
    }

    /// <summary>Diagnostics shared by the support endpoint and the test suite.</summary>
    public static class TableDump
    {
        public static string DumpTable(IDbCommand cmd, string table, string? where = null)
        {
            cmd.CommandText = $"SELECT * FROM \"{table}\""; // OK: every caller passes a constant, also the calls that do not bind
            var sb = new StringBuilder();
            sb.AppendLine($"{table} table:");
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.GetValue(i)).Append('\t');
                }

                sb.AppendLine();
            }

            return sb.ToString();
        }
    }

    public sealed class DisruptionChecks
    {
        public string Describe(string databasePath)
        {
            // The local database type lives in a project this one does not reference: the calls below do not bind.
            using var db = {|CS0103:LocalDatabase|}.Open(databasePath);
            using var cmd = db.Connection.CreateCommand();
            var sb = new StringBuilder();
            sb.AppendLine(TableDump.DumpTable(cmd, "Remotevolume", null));
            sb.AppendLine(TableDump.DumpTable(cmd, "File"));
            sb.AppendLine(TableDump.DumpTable(cmd, table: "Fileset"));
            return sb.ToString();
        }
    }
}
