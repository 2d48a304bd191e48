using System.Threading.Tasks;

namespace Orders.Data;

public sealed class DatabaseSeeder
{
    private readonly IUserStore _users;

    public DatabaseSeeder(IUserStore users) => _users = users;

    public async Task SeedAsync()
    {
        await _users.CreateAsync("admin@contoso.test", {|PA2001:"Adm1n!Orders2024"|});
        await _users.CreateAsync(email: "support@contoso.test", password: {|PA2001:"Supp0rt#Desk77"|});
        await _users.CreateAsync("demo@contoso.test", "changeme");
        await _users.AddRoleAsync("admin@contoso.test", "Administrator");
    }
}

public interface IUserStore
{
    Task CreateAsync(string email, string password);

    Task AddRoleAsync(string email, string role);
}
