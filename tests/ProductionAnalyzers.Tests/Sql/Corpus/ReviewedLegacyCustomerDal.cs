using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.LegacyDal;

public class CustomerDal
{
    private const string CustomerTable = "Customers";
    private static readonly string[] CustomerColumns = { "CustomerId", "Name", "Email", "Country" };
    private readonly string _cs;

    public CustomerDal(string cs) { _cs = cs; }

    public DataTable GetAll()
    {
        using (var conn = new SqlConnection(_cs))
        using (var cmd = new SqlCommand("SELECT " + string.Join(", ", CustomerColumns) + " FROM " + CustomerTable, conn)) // OK: static readonly constant array
        {
            conn.Open();
            var dt = new DataTable();
            using var r = cmd.ExecuteReader();
            dt.Load(r);
            return dt;
        }
    }

    public DataTable FindByName(string name)
    {
        using (var conn = new SqlConnection(_cs))
        {
            var cmd = conn.CreateCommand();
            cmd.CommandText = {|PA1001:"SELECT * FROM Customers WHERE Name LIKE '%" + name + "%'"|};
            conn.Open();
            var dt = new DataTable();
            dt.Load(cmd.ExecuteReader());
            return dt;
        }
    }

    public DataTable FindByNameSafe(string name)
    {
        using (var conn = new SqlConnection(_cs))
        {
            var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT * FROM Customers WHERE Name LIKE @name";
            cmd.Parameters.AddWithValue("@name", "%" + name + "%");
            conn.Open();
            var dt = new DataTable();
            dt.Load(cmd.ExecuteReader());
            return dt;
        }
    }

    public int UpdateEmail(int customerId, string email)
    {
        using var conn = new SqlConnection(_cs);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"UPDATE Customers SET Email = '" + email + "' WHERE CustomerId = " + customerId|};
        conn.Open();
        return cmd.ExecuteNonQuery();
    }

    public int Deactivate(int customerId)
    {
        using var conn = new SqlConnection(_cs);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE Customers SET Active = 0 WHERE CustomerId = " + customerId; // OK: int
        conn.Open();
        return cmd.ExecuteNonQuery();
    }

    public int InsertMany(IList<(string Name, string Email)> rows)
    {
        var sb = new StringBuilder("INSERT INTO Customers (Name, Email) VALUES ");
        using var conn = new SqlConnection(_cs);
        using var cmd = conn.CreateCommand();
        for (int i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append("(@n").Append(i).Append(", @e").Append(i).Append(')');
            cmd.Parameters.AddWithValue("@n" + i, rows[i].Name);
            cmd.Parameters.AddWithValue("@e" + i, rows[i].Email);
        }
        cmd.CommandText = sb.ToString(); // OK: placeholders from constants and ints
        conn.Open();
        return cmd.ExecuteNonQuery();
    }

    public int InsertManyUnsafe(IList<(string Name, string Email)> rows)
    {
        var sb = new StringBuilder();
        sb.Append("INSERT INTO Customers (Name, Email) VALUES ");
        for (int i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.AppendFormat("('{0}', '{1}')", rows[i].Name, rows[i].Email);
        }
        using var conn = new SqlConnection(_cs);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:sb.ToString()|};
        conn.Open();
        return cmd.ExecuteNonQuery();
    }

    public object? CountryCount(string country)
    {
        using var conn = new SqlConnection(_cs);
        using var cmd = new SqlCommand();
        cmd.Connection = conn;
        cmd.CommandText = {|PA1001:String.Concat("SELECT COUNT(*) FROM Customers WHERE Country = '", country, "'")|};
        conn.Open();
        return cmd.ExecuteScalar();
    }

    public object? ExecProc(string procName, int id)
    {
        using var conn = new SqlConnection(_cs);
        using var cmd = new SqlCommand(procName, conn) { CommandType = CommandType.StoredProcedure }; // OK: plain parameter, not built (this method is a sink wrapper)
        cmd.Parameters.AddWithValue("@id", id);
        conn.Open();
        return cmd.ExecuteScalar();
    }

    public object? ExecKnownProc(int id)
    {
        using var conn = new SqlConnection(_cs);
        using var cmd = new SqlCommand(nameof(ExecKnownProc), conn) { CommandType = CommandType.StoredProcedure }; // OK: nameof
        cmd.Parameters.AddWithValue("@id", id);
        conn.Open();
        return cmd.ExecuteScalar();
    }

    public DataSet Report(DbProviderFactory factory, string region)
    {
        using var conn = factory.CreateConnection()!;
        conn.ConnectionString = _cs;
        using DbCommand cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:$"SELECT Region, SUM(Total) FROM Sales WHERE Region = '{region}' GROUP BY Region"|};
        var adapter = factory.CreateDataAdapter()!;
        adapter.SelectCommand = cmd;
        var ds = new DataSet();
        adapter.Fill(ds);
        return ds;
    }

    public int Purge(IDbConnection conn, string table)
    {
        using IDbCommand cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"TRUNCATE TABLE " + table|};
        return cmd.ExecuteNonQuery();
    }

    public int PurgeKnown(IDbConnection conn, bool audit)
    {
        using IDbCommand cmd = conn.CreateCommand();
        cmd.CommandText = "TRUNCATE TABLE " + (audit ? "AuditLog" : "EventLog"); // OK: both branches constant
        return cmd.ExecuteNonQuery();
    }
}
