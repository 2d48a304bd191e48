using System.Data;
using System.Data.Common;
using System.Globalization;

namespace EvalCorpus.Sql.ProviderAgnostic;

public enum DbKind { SqlServer, Postgres, Sqlite }

public sealed class GenericDal
{
    private readonly DbProviderFactory _factory;
    private readonly string _cs;
    private readonly DbKind _kind;

    public GenericDal(DbProviderFactory factory, string cs, DbKind kind)
    {
        _factory = factory;
        _cs = cs;
        _kind = kind;
    }

    private DbConnection Open()
    {
        var conn = _factory.CreateConnection()!;
        conn.ConnectionString = _cs;
        conn.Open();
        return conn;
    }

    private string Limit(int n) => _kind == DbKind.SqlServer ? $"TOP ({n})" : "";
    private string LimitSuffix(int n) => _kind == DbKind.SqlServer ? "" : $" LIMIT {n}";

    private string QuoteName(string name)
    {
        var builder = _factory.CreateCommandBuilder()!;
        return builder.QuoteIdentifier(name);
    }

    public DataTable Top(string table, int n)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {Limit(n)} * FROM {QuoteName(table)}{LimitSuffix(n)}"; // OK: helpers return constants/ints; QuoteIdentifier
        var dt = new DataTable();
        using var r = cmd.ExecuteReader();
        dt.Load(r);
        return dt;
    }

    public DataTable TopUnquoted(string table, int n)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:$"SELECT {Limit(n)} * FROM {table}{LimitSuffix(n)}"|};
        var dt = new DataTable();
        using var r = cmd.ExecuteReader();
        dt.Load(r);
        return dt;
    }

    public object? Lookup(string table, string keyColumn, object key)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        var p = cmd.CreateParameter();
        p.ParameterName = "@key";
        p.Value = key;
        cmd.Parameters.Add(p);
        cmd.CommandText = "SELECT * FROM " + QuoteName(table) + " WHERE " + QuoteName(keyColumn) + " = @key"; // OK: quoted identifiers, parameter
        return cmd.ExecuteScalar();
    }

    public object? LookupLegacy(string table, string keyColumn, string key)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"SELECT * FROM " + QuoteName(table) + " WHERE " + QuoteName(keyColumn) + " = '" + key + "'"|};
        return cmd.ExecuteScalar();
    }

    public int Touch(string table, long id, DateTime at)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = string.Format(CultureInfo.InvariantCulture, "UPDATE {0} SET touched_at = '{1:O}' WHERE id = {2}", QuoteName(table), at, id); // OK
        return cmd.ExecuteNonQuery();
    }

    public DataSet Fill(string whereClause)
    {
        using var conn = Open();
        var adapter = _factory.CreateDataAdapter()!;
        var select = conn.CreateCommand();
        select.CommandText = {|PA1001:"SELECT * FROM audit WHERE " + whereClause|};
        adapter.SelectCommand = select;
        var ds = new DataSet();
        adapter.Fill(ds);
        return ds;
    }

    public int Vacuum()
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = _kind switch
        {
            DbKind.Postgres => "VACUUM ANALYZE",
            DbKind.Sqlite => "VACUUM",
            _ => "DBCC SHRINKDATABASE (0)",
        }; // OK
        return cmd.ExecuteNonQuery();
    }

    public int SetPragma(string pragma, int value)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"PRAGMA " + pragma + " = " + value|};
        return cmd.ExecuteNonQuery();
    }
}
