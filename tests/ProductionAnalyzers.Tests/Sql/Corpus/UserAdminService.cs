using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Contoso.Shared.Data;

namespace Contoso.Identity
{
    public sealed class UserRow
    {
        public Guid Id { get; set; }
        public string UserName { get; set; } = "";
        public string Email { get; set; } = "";
        public bool Locked { get; set; }
    }

    public sealed class UserAdminService
    {
        private const string Users = "identity.Users";
        private readonly SqlExecutor _sql;

        public UserAdminService(SqlExecutor sql) => _sql = sql;

        public Task<UserRow?> FindAsync(string userName)
        {
            return _sql.SingleAsync<UserRow>($"SELECT Id, UserName, Email, Locked FROM {Users} WHERE UserName = @userName", new { userName });
        }

        public Task<UserRow?> FindByEmailAsync(string email)
        {
            return _sql.SingleAsync<UserRow>({|PA1001:$"SELECT Id, UserName, Email, Locked FROM {Users} WHERE Email = '{email}'"|});
        }

        public Task<int> LockAsync(Guid id)
        {
            return _sql.ExecuteAsync($"UPDATE {Users} SET Locked = 1 WHERE Id = '{id}'");
        }

        public Task<int> RenameAsync(Guid id, string newName)
        {
            return _sql.ExecuteInTransactionAsync({|PA1001:"UPDATE " + Users + " SET UserName = '" + newName + "' WHERE Id = @id"|}, new { id });
        }

        public int DeleteByDomain(string domain)
        {
            return _sql.ExecuteRaw({|PA1001:"DELETE FROM " + Users + " WHERE Email LIKE '%@" + domain + "'"|});
        }

        public Task<IReadOnlyList<UserRow>> ListAsync(string sortField, int page)
        {
            var orderBy = sortField == "email" ? "Email" : "UserName";
            return _sql.PageAsync<UserRow>($"SELECT Id, UserName, Email, Locked FROM {Users} ORDER BY {orderBy}", page, 25);
        }

        public Task<IReadOnlyList<UserRow>> LockedAsync()
        {
            const string sql = "SELECT Id, UserName, Email, Locked FROM " + Users + " WHERE Locked = 1";
            return _sql.QueryAsync<UserRow>(sql);
        }

        public Task<IReadOnlyList<UserRow>> ByRoleAsync(string role)
        {
            var sql = BuildRoleQuery(role);
            return _sql.QueryAsync<UserRow>({|PA1001:sql|});
        }

        public Task<IReadOnlyList<UserRow>> AdminsAsync()
        {
            return _sql.QueryAsync<UserRow>(BuildRoleQuery("admin"));
        }

        private static string BuildRoleQuery(string role)
        {
            return "SELECT u.Id, u.UserName, u.Email, u.Locked FROM " + Users + " u JOIN identity.UserRoles r ON r.UserId = u.Id WHERE r.Role = '" + role + "'";
        }
    }
}
