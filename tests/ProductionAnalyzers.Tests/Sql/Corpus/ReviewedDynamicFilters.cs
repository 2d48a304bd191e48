using System.Data;
using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using static EvalCorpus.Sql.DynamicFilters.Tables;

namespace EvalCorpus.Sql.DynamicFilters;

public static class Tables
{
    public const string Users = "app.users";
    public const string Roles = "app.roles";
}

public enum UserStatus { Active, Locked, Deleted }

public static class DbExtensions
{
    public static Task<int> ExecAsync(this IDbConnection conn, string sql, object? args = null)
        => conn.ExecuteAsync(sql, args); // OK: wrapper

    public static Task<IEnumerable<T>> ListAsync<T>(this IDbConnection conn, string sql, object? args = null)
        => conn.QueryAsync<T>(sql, args); // OK: wrapper

    public static Task<IEnumerable<T>> ListLoggedAsync<T>(this IDbConnection conn, string sql, object? args = null)
        => conn.ListAsync<T>(sql, args); // OK: wrapper of a wrapper
}

public sealed record UserRow(Guid Id, string Email, string DisplayName, UserStatus Status);

public sealed class UserDirectory
{
    private static readonly string SelectUsers = "SELECT id, email, display_name, status FROM " + Users;
    private static readonly IReadOnlyDictionary<string, string> SortMap = new Dictionary<string, string>
    {
        ["email"] = "email",
        ["name"] = "display_name",
        ["created"] = "created_at",
    };
    private readonly IDbConnection _db;

    public UserDirectory(IDbConnection db) => _db = db;

    public Task<IEnumerable<UserRow>> FindAsync(IDictionary<string, string> filters)
    {
        var clauses = string.Join(" AND ", filters.Select(kv => $"{kv.Key} = '{kv.Value}'"));
        return _db.QueryAsync<UserRow>({|PA1001:SelectUsers + " WHERE " + clauses|});
    }

    public Task<IEnumerable<UserRow>> FindSafeAsync(string? email, UserStatus? status, Guid? roleId)
    {
        var conditions = new List<string>();
        var p = new DynamicParameters();
        if (email is not null) { conditions.Add("email ILIKE @email"); p.Add("email", email + "%"); }
        if (status is not null) { conditions.Add($"status = {(int)status.Value}"); }
        if (roleId is not null) { conditions.Add("id IN (SELECT user_id FROM " + Roles + " WHERE role_id = @roleId)"); p.Add("roleId", roleId); }
        var sql = SelectUsers;
        if (conditions.Count > 0) sql += " WHERE " + string.Join(" AND ", conditions);
        return _db.QueryAsync<UserRow>(sql, p); // OK: every condition is constant text or an int
    }

    public Task<IEnumerable<UserRow>> SortedAsync(string sort, bool desc)
    {
        var column = SortMap.GetValueOrDefault(sort, "email");
        return _db.QueryAsync<UserRow>($"{SelectUsers} ORDER BY {column} {(desc ? "DESC" : "ASC")}"); // OK: allow-listed via dictionary
    }

    public Task<IEnumerable<UserRow>> SortedUnsafeAsync(string sort, bool desc)
    {
        var column = desc ? sort + " DESC" : sort;
        return _db.QueryAsync<UserRow>({|PA1001:$"{SelectUsers} ORDER BY {column}"|});
    }

    public Task<IEnumerable<UserRow>> ByStatusAsync(UserStatus status, long minLogins, decimal? minSpend)
        => _db.QueryAsync<UserRow>($"{SelectUsers} WHERE status = '{status}' AND logins >= {minLogins} AND spend >= {minSpend ?? 0m}"); // OK: enum, long, decimal

    public Task<IEnumerable<UserRow>> ByNameColumnAsync()
        => _db.QueryAsync<UserRow>($"{SelectUsers} ORDER BY {nameof(UserRow.DisplayName)}"); // OK: nameof

    public Task<IEnumerable<UserRow>> ByEmailDomainAsync(string domain)
        => _db.ListAsync<UserRow>({|PA1001:$"{SelectUsers} WHERE email LIKE '%@{domain}'"|});

    public Task<IEnumerable<UserRow>> ByEmailDomainLoggedAsync(string domain)
        => _db.ListLoggedAsync<UserRow>({|PA1001:SelectUsers + " WHERE email LIKE '%@" + domain + "'"|});

    public Task<IEnumerable<UserRow>> ByEmailDomainSafeAsync(string domain)
        => _db.ListLoggedAsync<UserRow>(SelectUsers + " WHERE email LIKE @pattern", new { pattern = "%@" + domain }); // OK

    public Task<int> LockAsync(Guid id) => _db.ExecAsync($"UPDATE {Users} SET status = {(int)UserStatus.Locked} WHERE id = '{id}'"); // OK: Guid, int

    public Task<int> RenameAsync(Guid id, string displayName)
        => _db.ExecAsync({|PA1001:$"UPDATE {Users} SET display_name = '{displayName.Replace("'", "''")}' WHERE id = '{id}'"|});

    public Task<int> RenameSafeAsync(Guid id, string displayName)
        => _db.ExecAsync($"UPDATE {Users} SET display_name = @displayName WHERE id = @id", new { id, displayName }); // OK

    public Task<int> SetLocaleAsync(Guid id, string locale)
        => _db.ExecAsync({|PA1001:string.Format(CultureInfo.InvariantCulture, "UPDATE {0} SET locale = '{1}' WHERE id = '{2}'", Users, locale, id)|});

    public Task<IEnumerable<UserRow>> RecentAsync(int days)
    {
        var sql = $$"""
            SELECT id, email, display_name, status
            FROM {{Users}}
            WHERE created_at > now() - interval '{{days}} days'
            ORDER BY created_at DESC
            """;
        return _db.QueryAsync<UserRow>(sql); // OK: raw string with const + int
    }

    public Task<IEnumerable<UserRow>> ByTagAsync(string tag)
    {
        var sql = $$"""
            SELECT u.id, u.email, u.display_name, u.status
            FROM {{Users}} u
            WHERE '{{tag}}' = ANY(u.tags)
            """;
        return _db.QueryAsync<UserRow>({|PA1001:sql|});
    }

    public Task<IEnumerable<UserRow>> PageAsync(int offset, int limit)
    {
        var sb = new StringBuilder(SelectUsers);
        sb.AppendLine();
        sb.AppendLine($"ORDER BY id OFFSET {offset} LIMIT {limit}");
        return _db.QueryAsync<UserRow>(sb.ToString()); // OK
    }

    public Task<IEnumerable<UserRow>> ByCityAsync(string city)
    {
        var sb = new StringBuilder(SelectUsers);
        sb.AppendLine($" WHERE city = '{city}'");
        return _db.QueryAsync<UserRow>({|PA1001:sb.ToString()|});
    }

    public async Task<int> DeleteManyAsync(NpgsqlConnection conn, IReadOnlyList<Guid> ids)
    {
        await using var cmd = new NpgsqlCommand { Connection = conn };
        var names = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            names.Add("@p" + i);
            cmd.Parameters.AddWithValue("p" + i, ids[i]);
        }
        cmd.CommandText = "DELETE FROM " + Users + " WHERE id IN (" + string.Join(",", names) + ")"; // OK: placeholder list
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<int> DeleteByEmailAsync(NpgsqlConnection conn, string email)
    {
        await using var cmd = new NpgsqlCommand { Connection = conn, CommandText = {|PA1001:"DELETE FROM " + Users + " WHERE email = '" + email + "'"|} };
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<int> AppendFilterAsync(NpgsqlConnection conn, string? country)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE " + Users + " SET flagged = true";
        if (country is not null)
            cmd.CommandText += {|PA1001:" WHERE country = '" + country + "'"|};
        return await cmd.ExecuteNonQueryAsync();
    }

    public Task<IEnumerable<UserRow>> LocalConstantCopyAsync()
    {
        var table = "app.users";
        var sql = "SELECT id, email, display_name, status FROM " + table;
        return _db.QueryAsync<UserRow>(sql); // OK: local only ever holds a literal
    }
}
