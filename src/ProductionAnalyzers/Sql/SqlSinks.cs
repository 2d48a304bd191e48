using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>The kind of member a sink entry names.</summary>
    internal enum SqlSinkMember
    {
        Property,
        Constructor,
        Method,
    }

    /// <summary>How a sink entry's type is matched.</summary>
    internal enum SqlSinkTypeMatch
    {
        /// <summary>Exactly the named type (<see cref="SqlSinkEntry.Types"/> are metadata names).</summary>
        Exactly,

        /// <summary>Any type deriving from or implementing one of the named types (metadata names).</summary>
        Derived,

        /// <summary>Any type of a namespace starting with one of the named namespaces (a library with no single type).</summary>
        Namespace,
    }

    /// <summary>One SQL sink: the facts PA1001 knows about one API, no code (NetAnalyzers' <c>SqlSinks</c> table is the model).</summary>
    internal sealed class SqlSinkEntry
    {
        public SqlSinkEntry(
            SqlSinkKind kind,
            SqlSinkMember member,
            SqlSinkTypeMatch match,
            string[] types,
            string[] names,
            string[] namePrefixes,
            string[] textParameters,
            bool matchedByName,
            string description)
        {
            Kind = kind;
            Member = member;
            Match = match;
            Types = types.ToImmutableArray();
            Names = names.ToImmutableArray();
            NamePrefixes = namePrefixes.ToImmutableArray();
            TextParameters = textParameters.ToImmutableArray();
            MatchedByName = matchedByName;
            Description = description;
        }

        public SqlSinkKind Kind { get; }

        public SqlSinkMember Member { get; }

        public SqlSinkTypeMatch Match { get; }

        /// <summary>Metadata names of the types (or namespaces, for <see cref="SqlSinkTypeMatch.Namespace"/>).</summary>
        public ImmutableArray<string> Types { get; }

        /// <summary>Member names (a constructor's is <c>.ctor</c>); empty when any member with a text parameter is a sink.</summary>
        public ImmutableArray<string> Names { get; }

        /// <summary>Name prefixes: every method whose name starts with one is a sink (Dapper's <c>Query*</c>).</summary>
        public ImmutableArray<string> NamePrefixes { get; }

        /// <summary>The names of the string parameter that takes the SQL text (compared case-insensitively); empty: the first string.</summary>
        public ImmutableArray<string> TextParameters { get; }

        /// <summary>
        /// A library method that is a sink by its name (<see cref="Names"/>, <see cref="NamePrefixes"/>), not only through
        /// a parameter named like command text.
        /// </summary>
        public bool MatchedByName { get; }

        /// <summary>What the entry covers, for the reader of the catalogue.</summary>
        public string Description { get; }
    }

    /// <summary>
    /// The catalogue of SQL sinks: one entry per API that takes SQL text. Every name list PA1001 asks (the text parameter
    /// names, the library sink names, the wrapper pre-pass names, the types that turn the rule on) is derived from it once.
    /// Adding a sink is one entry here, its test, and its row in docs/rules/PA1001.md (a convention test checks the doc).
    /// </summary>
    internal static class SqlSinks
    {
        public const string DbCommandInterface = "System.Data.IDbCommand";
        public const string DbCommand = "System.Data.Common.DbCommand";
        public const string DbBatchCommand = "System.Data.Common.DbBatchCommand";
        public const string DataAdapterInterface = "System.Data.IDataAdapter";
        public const string DbDataAdapter = "System.Data.Common.DbDataAdapter";
        public const string DbConnectionInterface = "System.Data.IDbConnection";
        public const string DbDataSource = "System.Data.Common.DbDataSource";
        public const string SqlMapper = "Dapper.SqlMapper";
        public const string CommandDefinition = "Dapper.CommandDefinition";
        public const string EfQueryable = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";
        public const string EfDatabase = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";

        private static readonly string[] None = Array.Empty<string>();
        private static readonly string[] Constructor = { ".ctor" };
        private static readonly string[] Commands = { DbCommandInterface, DbCommand, DbBatchCommand };

        public static ImmutableArray<SqlSinkEntry> All { get; } = ImmutableArray.Create(
            new SqlSinkEntry(
                SqlSinkKind.CommandText, SqlSinkMember.Property, SqlSinkTypeMatch.Derived, Commands, new[] { "CommandText" }, None, None, false,
                "ADO.NET commands of every provider: the CommandText assignment (also in initializers and +=)"),
            new SqlSinkEntry(
                SqlSinkKind.CommandConstructor, SqlSinkMember.Constructor, SqlSinkTypeMatch.Derived, Commands, Constructor, None,
                new[] { "commandText", "cmdText", "sql", "sqlText", "commandString", "query" }, false,
                "ADO.NET command constructors taking the command text"),
            new SqlSinkEntry(
                SqlSinkKind.DataAdapter, SqlSinkMember.Constructor, SqlSinkTypeMatch.Derived, new[] { DataAdapterInterface, DbDataAdapter }, Constructor, None,
                new[] { "selectCommandText" }, false,
                "data adapters: the select text of the constructor"),
            new SqlSinkEntry(
                SqlSinkKind.ProviderMethod, SqlSinkMember.Method, SqlSinkTypeMatch.Derived, new[] { DbDataSource, DbConnectionInterface, DbCommandInterface, DbCommand, DbBatchCommand },
                new[] { "CreateCommand" }, None, new[] { "commandText", "cmdText", "sql", "query" }, false,
                "provider helpers: methods of data sources, connections and commands (and extension methods on IDbConnection, static *Helper classes of data-access namespaces) with a text-named string parameter"),
            new SqlSinkEntry(
                SqlSinkKind.ProviderMethod, SqlSinkMember.Method, SqlSinkTypeMatch.Derived, new[] { DbConnectionInterface },
                new[] { "Select", "Single", "SingleOrDefault", "First", "FirstOrDefault", "Scalar", "Column", "Fetch", "Page" }, None,
                new[] { "commandText", "cmdText", "sql", "query" }, false,
                "micro-ORM reads on a connection (extension methods with a text-named string parameter)"),
            new SqlSinkEntry(
                SqlSinkKind.Dapper, SqlSinkMember.Method, SqlSinkTypeMatch.Exactly, new[] { SqlMapper }, None, new[] { "Query", "Execute" },
                new[] { "sql" }, true,
                "Dapper: every SqlMapper method named Query* or Execute*"),
            new SqlSinkEntry(
                SqlSinkKind.DapperCommandDefinition, SqlSinkMember.Constructor, SqlSinkTypeMatch.Exactly, new[] { CommandDefinition }, Constructor, None,
                new[] { "commandText" }, false,
                "Dapper: new CommandDefinition(commandText, ...)"),
            new SqlSinkEntry(
                SqlSinkKind.EntityFrameworkRaw, SqlSinkMember.Method, SqlSinkTypeMatch.Exactly, new[] { EfQueryable }, new[] { "FromSqlRaw" }, None,
                new[] { "sql" }, true,
                "EF Core raw SQL on a DbSet"),
            new SqlSinkEntry(
                SqlSinkKind.EntityFrameworkRaw, SqlSinkMember.Method, SqlSinkTypeMatch.Exactly, new[] { EfDatabase },
                new[] { "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw" }, None, new[] { "sql" }, true,
                "EF Core raw SQL on DatabaseFacade"),
            new SqlSinkEntry(
                SqlSinkKind.Configured, SqlSinkMember.Method, SqlSinkTypeMatch.Namespace, new[] { "Microsoft.EntityFrameworkCore", "System.Data.Entity" },
                new[] { "FromSql", "ExecuteSqlCommand", "ExecuteSqlCommandAsync", "SqlQuery", "Sql" }, None, new[] { "sql" }, true,
                "older EF Core string overloads and EF6 (Database.SqlQuery, DbSet.SqlQuery, ExecuteSqlCommand), MigrationBuilder.Sql"),
            new SqlSinkEntry(
                SqlSinkKind.Configured, SqlSinkMember.Method, SqlSinkTypeMatch.Namespace, new[] { "NHibernate" },
                new[] { "CreateSQLQuery", "CreateSqlQuery" }, None, None, true,
                "NHibernate native SQL (ISession)"),
            new SqlSinkEntry(
                SqlSinkKind.Configured, SqlSinkMember.Method, SqlSinkTypeMatch.Exactly, None, None, None,
                new[] { "sql", "query", "commandText" }, false,
                "methods named in dotnet_code_quality.PA1001.additional_sinks (else the first string parameter)"));

        /// <summary>Parameter names of command text, for the sinks matched by a text-named string parameter (case-insensitive).</summary>
        public static ImmutableHashSet<string> TextParameterNames { get; } = All
            .Where(e => !e.MatchedByName && e.Kind != SqlSinkKind.Configured)
            .SelectMany(e => e.TextParameters)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>The sink parameter of a configured method, by name (case-insensitive); else its first string parameter.</summary>
        public static ImmutableHashSet<string> ConfiguredTextParameterNames { get; } = All
            .Where(e => e.Kind == SqlSinkKind.Configured && e.Types.IsEmpty)
            .SelectMany(e => e.TextParameters)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>Names of library methods that are sinks by name (Dapper, EF Core, EF6, NHibernate).</summary>
        public static ImmutableHashSet<string> LibrarySinkNames { get; } = All
            .Where(e => e.MatchedByName)
            .SelectMany(e => e.Names)
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>Prefixes of library methods that are sinks by name (Dapper's <c>Query*</c>, <c>Execute*</c>).</summary>
        public static ImmutableArray<string> LibrarySinkPrefixes { get; } = All
            .Where(e => e.MatchedByName)
            .SelectMany(e => e.NamePrefixes)
            .Distinct()
            .ToImmutableArray();

        /// <summary>Every method name of the catalogue (the wrapper pre-pass: a call that may be a sink).</summary>
        public static ImmutableHashSet<string> MethodNames { get; } = All
            .Where(e => e.Member == SqlSinkMember.Method)
            .SelectMany(e => e.Names)
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>The types whose presence in a compilation turns PA1001 on (any one resolved, or a configured sink).</summary>
        public static ImmutableArray<string> RuleTypes { get; } = All
            .Where(e => e.Match != SqlSinkTypeMatch.Namespace)
            .SelectMany(e => e.Types)
            .Distinct()
            .ToImmutableArray();

        [MethodImpl(HotPath.Options)]
        public static bool IsTextParameterName(string name) => TextParameterNames.Contains(name);

        /// <summary>A library method that is a sink by its name (before its type is checked).</summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsLibrarySinkName(string name)
        {
            if (LibrarySinkNames.Contains(name))
            {
                return true;
            }

            foreach (var prefix in LibrarySinkPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The wrapper pre-pass: a call of this name may reach a sink — a catalogue name or prefix, or (for sinks the
        /// catalogue cannot list, a provider's or micro-ORM's own methods) a name containing <c>sql</c>.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool MayBeSinkName(string name) =>
            IsLibrarySinkName(name) || MethodNames.Contains(name) || name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
