using System.Data;
using System.Text.RegularExpressions;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>The template builder the datastore keeps (the shape of Dapper.SqlBuilder, copied into the code base).</summary>
public class SqlBuilder
{
    private readonly Dictionary<string, List<string>> _clauses = new();

    public Template AddTemplate(string sql) => new Template(this, sql);

    public SqlBuilder Where(string sql) => Add("where", sql);

    public SqlBuilder Select(string sql) => Add("select", sql);

    private SqlBuilder Add(string name, string sql)
    {
        if (!_clauses.TryGetValue(name, out var list))
        {
            list = new List<string>();
            _clauses[name] = list;
        }

        list.Add(sql);
        return this;
    }

    public class Template
    {
        private static readonly Regex Placeholder = new(@"\/\*\*.+?\*\*\/", RegexOptions.Compiled);
        private readonly SqlBuilder _builder;
        private readonly string _sql;

        public Template(SqlBuilder builder, string sql)
        {
            _builder = builder;
            _sql = sql;
        }

        public string RawSql
        {
            get
            {
                var sql = _sql;
                foreach (var pair in _builder._clauses)
                {
                    var joined = pair.Key == "where" ? "WHERE " + string.Join(" AND ", pair.Value) : string.Join(", ", pair.Value);
                    sql = sql.Replace("/**" + pair.Key + "**/", joined);
                }

                return Placeholder.Replace(sql, "");
            }
        }
    }
}

public sealed record StatisticsQuery(string? Aggregate);

/// <summary>Library statistics: templates filled by the builder, wrapped in an outer select whose columns callers pass.</summary>
public sealed class MediaStatisticsRepository
{
    private readonly IDbConnection _db;

    public MediaStatisticsRepository(IDbConnection db) => _db = db;

    public long TotalSize() =>
        QueryGrouped(new SqlBuilder().Select("\"Size\"").Where("\"Monitored\" = 1"), "SELECT /**select**/ FROM \"Episodes\" /**where**/", "SUM(\"Size\")"); // OK

    public long EpisodeCount() =>
        QueryGrouped(new SqlBuilder().Select("\"Id\""), "SELECT /**select**/ FROM \"Episodes\" /**where**/", "COUNT(*)"); // OK

    public long Custom(StatisticsQuery query) =>
        QueryGrouped(new SqlBuilder().Select("\"Size\""), "SELECT /**select**/ FROM \"Episodes\"", {|PA1001:query.Aggregate ?? "COUNT(*)"|});

    private long QueryGrouped(SqlBuilder builder, string template, string outerSelect)
    {
        var sql = builder.AddTemplate(template);
        var wrappedSql = $"SELECT {outerSelect} FROM ({sql.RawSql}) AS \"Grouped\"";
        return _db.Query<long>(wrappedSql).Single();
    }
}
