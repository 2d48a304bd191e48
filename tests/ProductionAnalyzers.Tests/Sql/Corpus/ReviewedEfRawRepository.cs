using Microsoft.EntityFrameworkCore;

namespace EvalCorpus.Sql.EfRaw;

public sealed class Ticket
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    public string Assignee { get; set; } = "";
    public int Priority { get; set; }
}

public sealed class HelpdeskContext : DbContext
{
    public HelpdeskContext(DbContextOptions<HelpdeskContext> o) : base(o) { }
    public DbSet<Ticket> Tickets => Set<Ticket>();
}

public enum TicketSort { Newest, Priority, Assignee }

public sealed class TicketQueries
{
    private const string TicketsTable = "helpdesk.tickets";
    private readonly HelpdeskContext _db;
    public TicketQueries(HelpdeskContext db) => _db = db;

    public Task<List<Ticket>> OpenForAsync(string assignee)
        => _db.Tickets.FromSql($"SELECT * FROM helpdesk.tickets WHERE status = 'open' AND assignee = {assignee}").ToListAsync(); // OK

    public Task<List<Ticket>> OpenForRawAsync(string assignee)
        => _db.Tickets.FromSqlRaw({|PA1001:"SELECT * FROM " + TicketsTable + " WHERE status = 'open' AND assignee = '" + assignee + "'"|}).ToListAsync();

    public Task<List<Ticket>> SortedAsync(TicketSort sort)
    {
        var orderBy = sort switch
        {
            TicketSort.Priority => "priority DESC",
            TicketSort.Assignee => "assignee",
            _ => "id DESC",
        };
        return _db.Tickets.FromSqlRaw($"SELECT * FROM {TicketsTable} ORDER BY {orderBy}").ToListAsync(); // OK
    }

    public Task<List<Ticket>> SortedByNameAsync(string sortColumn)
        => _db.Tickets.FromSqlRaw({|PA1001:$"SELECT * FROM {TicketsTable} ORDER BY {sortColumn}"|}).ToListAsync();

    public Task<int> EscalateAsync(int minPriority)
        => _db.Database.ExecuteSqlAsync($"UPDATE helpdesk.tickets SET priority = priority + 1 WHERE priority >= {minPriority}"); // OK

    public Task<int> ReassignAsync(string from, string to, CancellationToken ct)
        => _db.Database.ExecuteSqlRawAsync("UPDATE " + TicketsTable + " SET assignee = {0} WHERE assignee = {1}", new object[] { to, from }, ct); // OK

    public Task<int> ReassignLegacyAsync(string from, string to, CancellationToken ct)
        => _db.Database.ExecuteSqlRawAsync({|PA1001:$"UPDATE {TicketsTable} SET assignee = '{to}' WHERE assignee = '{from}'"|}, ct);

    public Task<int> CloseAsync(IReadOnlyList<int> ids)
    {
        var placeholders = string.Join(", ", ids.Select((_, i) => "{" + i + "}"));
        return _db.Database.ExecuteSqlRawAsync($"UPDATE {TicketsTable} SET status = 'closed' WHERE id IN ({placeholders})", ids.Cast<object>().ToArray()); // OK: EF positional placeholders from ints
    }

    public Task<List<string>> TitlesAsync(string search)
        => _db.Database.SqlQuery<string>($"SELECT title AS \"Value\" FROM helpdesk.tickets WHERE title ILIKE {"%" + search + "%"}").ToListAsync(); // OK

    public Task<List<string>> TitlesRawAsync(string search)
    {
        var sql = $"SELECT title AS \"Value\" FROM {TicketsTable} WHERE title ILIKE '%{search}%'";
        return _db.Database.SqlQueryRaw<string>({|PA1001:sql|}).ToListAsync();
    }

    public Task<List<Ticket>> LinqAsync(string? status, string? assignee)
    {
        var q = _db.Tickets.AsQueryable();
        if (status is not null) q = q.Where(t => t.Status == status);
        if (assignee is not null) q = q.Where(t => t.Assignee == assignee);
        return q.OrderByDescending(t => t.Priority).ToListAsync(); // OK
    }

    public int PurgeClosed(int olderThanDays)
        => _db.Database.ExecuteSqlRaw($"DELETE FROM {TicketsTable} WHERE status = 'closed' AND closed_at < now() - interval '{olderThanDays} days'"); // OK
}
