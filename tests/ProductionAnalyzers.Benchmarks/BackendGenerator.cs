using System.Globalization;
using System.Text;

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// Generates a large, realistic backend code base, deterministically (fixed seed): API controllers, minimal-API
    /// modules, Dapper / EF Core / ADO.NET (Npgsql) repositories, services with try/catch and logging (Microsoft.Extensions.Logging,
    /// Serilog, NLog), background workers, configuration classes full of string literals, and DTOs. Mostly clean code
    /// (parameterized SQL, structured logging, handled exceptions, authorized endpoints) with about one method in
    /// twenty carrying a violation of some rule, the way real code bases look. Every file is self-contained and the
    /// whole code base compiles without errors.
    /// </summary>
    internal sealed class BackendGenerator
    {
        private static readonly string[] Nouns =
        {
            "Order", "Invoice", "Customer", "Product", "Shipment", "Payment", "Refund", "Coupon", "Warehouse", "Supplier",
            "Ticket", "Booking", "Account", "Subscription", "Review", "Cart", "Address", "Employee", "Vendor", "Report",
        };

        private static readonly string[] Columns = { "name", "status", "region", "email", "reference", "category", "city", "currency" };

        private readonly Random _random;
        private readonly double _violationRate;

        public BackendGenerator(int seed, double violationRate = 0.05)
        {
            _random = new Random(seed);
            _violationRate = violationRate;
        }

        public sealed record GeneratedFile(string Path, string Text, string Kind);

        public IEnumerable<GeneratedFile> Generate(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var noun = Nouns[i % Nouns.Length];
                var id = i.ToString("D4", CultureInfo.InvariantCulture);
                var kind = (i * 7 + _random.Next(3)) % 10;
                yield return kind switch
                {
                    0 => new GeneratedFile($"Controllers/{noun}{id}Controller.cs", Controller(noun, id), "controller"),
                    1 => new GeneratedFile($"Endpoints/{noun}{id}Endpoints.cs", MinimalApi(noun, id), "minimal-api"),
                    2 => new GeneratedFile($"Data/{noun}{id}DapperRepository.cs", DapperRepository(noun, id), "dapper"),
                    3 => new GeneratedFile($"Data/{noun}{id}EfRepository.cs", EfRepository(noun, id), "ef-core"),
                    4 => new GeneratedFile($"Data/{noun}{id}AdoStore.cs", AdoStore(noun, id), "ado-net"),
                    5 => new GeneratedFile($"Services/{noun}{id}Service.cs", Service(noun, id), "service"),
                    6 => new GeneratedFile($"Workers/{noun}{id}Worker.cs", Worker(noun, id), "worker"),
                    7 => new GeneratedFile($"Configuration/{noun}{id}Options.cs", Options(noun, id), "configuration"),
                    8 => new GeneratedFile($"Services/{noun}{id}Importer.cs", Importer(noun, id), "service-serilog-nlog"),
                    _ => new GeneratedFile($"Models/{noun}{id}Models.cs", Models(noun, id), "models"),
                };
            }
        }

        private bool Violate() => _random.NextDouble() < _violationRate;

        private int Between(int min, int max) => _random.Next(min, max + 1);

        private string Column() => Columns[_random.Next(Columns.Length)];

        private string Secret(int length)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            var chars = new char[length];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        private static string Lower(string noun) => char.ToLowerInvariant(noun[0]) + noun.Substring(1);

        private static string Table(string noun, string id) => Lower(noun) + "s_" + id;

        // ------------------------------------------------------------------ controllers

        private string Controller(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Api.M{id};

public sealed record {type}Dto(int Id, string Name, decimal Amount, string Status, DateTime UpdatedAt);

public sealed class Create{type}Request
{{
    [Required]
    [StringLength(120)]
    public string Name {{ get; set; }} = string.Empty;

    [Range(0, 1_000_000)]
    public decimal Amount {{ get; set; }}

    public string? Notes {{ get; set; }}
}}

public interface I{type}Service
{{
    Task<{type}Dto?> FindAsync(int id, CancellationToken cancellationToken);
    Task<IReadOnlyList<{type}Dto>> ListAsync(string? status, int page, int pageSize, CancellationToken cancellationToken);
    Task<int> CreateAsync(Create{type}Request request, string userName, CancellationToken cancellationToken);
    Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);
}}

[ApiController]
[Route(""api/{Lower(noun)}s-{id}"")]
{(Violate() ? string.Empty : "[Authorize]\n")}public sealed class {type}Controller : ControllerBase
{{
    private const int MaxPageSize = 200;
    private readonly I{type}Service _service;
    private readonly ILogger<{type}Controller> _logger;

    public {type}Controller(I{type}Service service, ILogger<{type}Controller> logger)
    {{
        _service = service;
        _logger = logger;
    }}

    [HttpGet(""{{id:int}}"")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<{type}Dto>> Get(int id, CancellationToken cancellationToken)
    {{
        var item = await _service.FindAsync(id, cancellationToken);
        if (item is null)
        {{
            _logger.LogInformation(""{noun} {{{noun}Id}} was not found"", id);
            return NotFound();
        }}

        return Ok(item);
    }}

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<{type}Dto>>> List([FromQuery] string? status, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default)
    {{
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {{
            return BadRequest(""page must be >= 1 and pageSize between 1 and 200"");
        }}

        var items = await _service.ListAsync(status, page, pageSize, cancellationToken);
        Response.Headers[""X-Total-Count""] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Ok(items);
    }}

    [HttpPost]
    public async Task<IActionResult> Create([FromBody] Create{type}Request request, CancellationToken cancellationToken)
    {{
        var userName = User.Identity?.Name ?? ""anonymous"";
        var id = await _service.CreateAsync(request, userName, cancellationToken);
");
            if (Violate())
            {
                sb.Append($"        _logger.LogInformation($\"{noun} {{id}} created by {{userName}}\");\n");
            }
            else
            {
                sb.Append($"        _logger.LogInformation(\"{noun} {{{noun}Id}} created by {{UserName}}\", id, userName);\n");
            }

            sb.Append($@"        return CreatedAtAction(nameof(Get), new {{ id }}, new {{ id }});
    }}

    [HttpDelete(""{{id:int}}"")]
    [Authorize(Roles = ""Admin"")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {{
        try
        {{
            return await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();
        }}
        catch (InvalidOperationException ex)
        {{
            _logger.LogWarning(ex, ""{noun} {{{noun}Id}} could not be deleted"", id);
            return Conflict(new {{ error = ""The {Lower(noun)} is still referenced."" }});
        }}
    }}
");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                var column = Column();
                sb.Append($@"
    [HttpGet(""by-{column}/{{value}}/{k}"")]
    public async Task<ActionResult<IReadOnlyList<{type}Dto>>> By{Capitalize(column)}{k}(string value, [FromQuery] int limit = 20, CancellationToken cancellationToken = default)
    {{
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {{
            return BadRequest(""The {column} is required and must be at most 100 characters."");
        }}

        var items = await _service.ListAsync(null, 1, Math.Clamp(limit, 1, MaxPageSize), cancellationToken);
        var matching = items
            .Where(i => i.Name.Contains(value, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(i => i.UpdatedAt)
            .Take(limit)
            .ToList();
        _logger.LogDebug(""Found {{Count}} {Lower(noun)}s by {column}"", matching.Count);
        return Ok(matching);
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ minimal APIs

        private string MinimalApi(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Endpoints.M{id}
{{
    public sealed record {type}Summary(int Id, string Title, string State);

    public interface I{type}Store
    {{
        Task<IReadOnlyList<{type}Summary>> PageAsync(int page, int size, CancellationToken cancellationToken);
        Task<{type}Summary?> FindAsync(int id, CancellationToken cancellationToken);
        Task<int> AddAsync(string title, CancellationToken cancellationToken);
        Task RemoveAsync(int id, CancellationToken cancellationToken);
    }}

    public static class {type}Endpoints
    {{
        public const string GroupRoute = ""/api/v2/{Lower(noun)}s-{id}"";

        public static IEndpointRouteBuilder Map{type}Endpoints(this IEndpointRouteBuilder app)
        {{
            var group = app.MapGroup(GroupRoute){(Violate() ? string.Empty : ".RequireAuthorization()")}.WithTags(""{noun}s"");

            group.MapGet(""/"", async (I{type}Store store, int? page, int? size, CancellationToken cancellationToken) =>
                Results.Ok(await store.PageAsync(page ?? 1, Math.Clamp(size ?? 50, 1, 200), cancellationToken)));

            group.MapGet(""/{{id:int}}"", async (int id, I{type}Store store, CancellationToken cancellationToken) =>
            {{
                var item = await store.FindAsync(id, cancellationToken);
                return item is null ? Results.NotFound() : Results.Ok(item);
            }});

            group.MapPost(""/"", async (string title, I{type}Store store, ILogger<I{type}Store> logger, CancellationToken cancellationToken) =>
            {{
                if (string.IsNullOrWhiteSpace(title))
                {{
                    return Results.BadRequest(""title is required"");
                }}

                var newId = await store.AddAsync(title, cancellationToken);
                logger.LogInformation(""Created {noun} {{{noun}Id}}"", newId);
                return Results.Created($""{{GroupRoute}}/{{newId}}"", new {{ id = newId }});
            }});

            group.MapDelete(""/{{id:int}}"", async (int id, I{type}Store store, CancellationToken cancellationToken) =>
            {{
                await store.RemoveAsync(id, cancellationToken);
                return Results.NoContent();
            }}).RequireAuthorization(""Admin"");
");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                sb.Append($@"
            group.MapGet(""/report-{k}"", async (I{type}Store store, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
            {{
                var start = from ?? DateTime.UtcNow.AddDays(-30);
                var end = to ?? DateTime.UtcNow;
                if (end < start)
                {{
                    return Results.BadRequest(""'to' must not be before 'from'"");
                }}

                var items = await store.PageAsync(1, 500, cancellationToken);
                return Results.Ok(new {{ from = start, to = end, count = items.Count, report = ""{Lower(noun)}-{k}"" }});
            }});
");
            }

            sb.Append($@"
            app.MapGet(""/health/{Lower(noun)}s-{id}"", () => Results.Ok(""healthy"")).AllowAnonymous();
            return app;
        }}
    }}
}}
");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ Dapper

        private string DapperRepository(string noun, string id)
        {
            var type = noun + id;
            var table = Table(noun, id);
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Data.M{id};

public sealed class {type}Row
{{
    public int Id {{ get; set; }}
    public string Name {{ get; set; }} = string.Empty;
    public string Status {{ get; set; }} = ""new"";
    public decimal Amount {{ get; set; }}
    public DateTime CreatedAt {{ get; set; }}
}}

public sealed class {type}DapperRepository
{{
    private const string Columns = ""id, name, status, amount, created_at AS CreatedAt"";
    private const string Table = ""{table}"";
    private static readonly string[] SortableColumns = {{ ""name"", ""status"", ""amount"", ""created_at"" }};

    private readonly IDbConnection _connection;
    private readonly ILogger<{type}DapperRepository> _logger;

    public {type}DapperRepository(IDbConnection connection, ILogger<{type}DapperRepository> logger)
    {{
        _connection = connection;
        _logger = logger;
    }}

    public Task<{type}Row?> GetAsync(int id) =>
        _connection.QuerySingleOrDefaultAsync<{type}Row>($""SELECT {{Columns}} FROM {{Table}} WHERE id = @id"", new {{ id }});

    public async Task<IReadOnlyList<{type}Row>> ListAsync(string? status, int limit)
    {{
        var sql = new StringBuilder($""SELECT {{Columns}} FROM {{Table}} WHERE 1 = 1"");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(status))
        {{
            sql.Append("" AND status = @status"");
            parameters.Add(""status"", status);
        }}

        sql.Append("" ORDER BY created_at DESC LIMIT @limit"");
        parameters.Add(""limit"", limit);
        var rows = await _connection.QueryAsync<{type}Row>(sql.ToString(), parameters);
        return rows.ToList();
    }}

    public Task<int> InsertAsync({type}Row row) =>
        _connection.ExecuteScalarAsync<int>(
            ""INSERT INTO {table} (name, status, amount, created_at) VALUES (@Name, @Status, @Amount, @CreatedAt) RETURNING id"",
            row);

    public async Task<bool> UpdateStatusAsync(int id, string status)
    {{
        var affected = await _connection.ExecuteAsync(""UPDATE {table} SET status = @status WHERE id = @id"", new {{ id, status }});
        _logger.LogDebug(""Updated {{Rows}} rows of {table}"", affected);
        return affected == 1;
    }}

    public Task<IEnumerable<{type}Row>> SortedAsync(string sortColumn, bool descending)
    {{
");
            if (Violate())
            {
                sb.Append($"        return _connection.QueryAsync<{type}Row>(\"SELECT \" + Columns + \" FROM {table} ORDER BY \" + sortColumn + (descending ? \" DESC\" : \" ASC\"));\n");
            }
            else
            {
                sb.Append($@"        var column = SortableColumns.Contains(sortColumn) ? sortColumn : ""created_at"";
        return _connection.QueryAsync<{type}Row>(column switch
        {{
            ""name"" => descending ? $""SELECT {{Columns}} FROM {{Table}} ORDER BY name DESC"" : $""SELECT {{Columns}} FROM {{Table}} ORDER BY name"",
            ""status"" => descending ? $""SELECT {{Columns}} FROM {{Table}} ORDER BY status DESC"" : $""SELECT {{Columns}} FROM {{Table}} ORDER BY status"",
            _ => descending ? $""SELECT {{Columns}} FROM {{Table}} ORDER BY created_at DESC"" : $""SELECT {{Columns}} FROM {{Table}} ORDER BY created_at"",
        }});
");
            }

            sb.Append("    }\n");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                var column = Column();
                sb.Append($"\n    public Task<IEnumerable<{type}Row>> FindBy{Capitalize(column)}{k}Async(string value)\n    {{\n");
                if (Violate())
                {
                    sb.Append($"        return _connection.QueryAsync<{type}Row>($\"SELECT {{Columns}} FROM {table} WHERE {column} = '{{value}}'\");\n");
                }
                else
                {
                    sb.Append($"        return _connection.QueryAsync<{type}Row>($\"SELECT {{Columns}} FROM {{Table}} WHERE {column} = @value\", new {{ value }});\n");
                }

                sb.Append($@"    }}

    public async Task<int> Count{Capitalize(column)}{k}Async(string value, DateTime since)
    {{
        const string sql = ""SELECT COUNT(*) FROM {table} WHERE {column} = @value AND created_at >= @since"";
        var count = await _connection.ExecuteScalarAsync<int>(sql, new {{ value, since }});
        if (count > 10_000)
        {{
            _logger.LogWarning(""Unusually many {Lower(noun)}s with {column} {{Value}}: {{Count}}"", value, count);
        }}

        return count;
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ EF Core

        private string EfRepository(string noun, string id)
        {
            var type = noun + id;
            var table = Table(noun, id);
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Persistence.M{id}
{{
    public sealed class {type}Entity
    {{
        public int Id {{ get; set; }}
        public string Reference {{ get; set; }} = string.Empty;
        public string Status {{ get; set; }} = ""pending"";
        public string Region {{ get; set; }} = ""eu"";
        public decimal Total {{ get; set; }}
        public DateTime CreatedAt {{ get; set; }}
        public DateTime? ClosedAt {{ get; set; }}
    }}

    public sealed class {type}DbContext : DbContext
    {{
        public {type}DbContext(DbContextOptions<{type}DbContext> options)
            : base(options)
        {{
        }}

        public DbSet<{type}Entity> Items => Set<{type}Entity>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {{
            modelBuilder.Entity<{type}Entity>(entity =>
            {{
                entity.ToTable(""{table}"");
                entity.HasKey(e => e.Id);
                entity.Property(e => e.Reference).HasMaxLength(64).IsRequired();
                entity.Property(e => e.Status).HasMaxLength(32);
                entity.Property(e => e.Total).HasPrecision(18, 2);
                entity.HasIndex(e => new {{ e.Status, e.CreatedAt }});
            }});
        }}
    }}

    public sealed class {type}EfRepository
    {{
        private readonly {type}DbContext _db;
        private readonly ILogger<{type}EfRepository> _logger;

        public {type}EfRepository({type}DbContext db, ILogger<{type}EfRepository> logger)
        {{
            _db = db;
            _logger = logger;
        }}

        public Task<{type}Entity?> FindAsync(int id, CancellationToken cancellationToken) =>
            _db.Items.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

        public Task<List<{type}Entity>> OpenAsync(string region, CancellationToken cancellationToken) =>
            _db.Items.AsNoTracking()
                .Where(e => e.Region == region && e.ClosedAt == null)
                .OrderBy(e => e.CreatedAt)
                .Take(500)
                .ToListAsync(cancellationToken);

        public Task<List<{type}Entity>> ByReferenceAsync(string reference, CancellationToken cancellationToken) =>
            _db.Items.FromSqlInterpolated($""SELECT * FROM {table} WHERE reference = {{reference}}"").ToListAsync(cancellationToken);

        public async Task<int> CloseAsync(DateTime before, CancellationToken cancellationToken)
        {{
            var closed = await _db.Database.ExecuteSqlInterpolatedAsync(
                $""UPDATE {table} SET closed_at = {{DateTime.UtcNow}} WHERE closed_at IS NULL AND created_at < {{before}}"",
                cancellationToken);
            _logger.LogInformation(""Closed {{Count}} {Lower(noun)}s created before {{Before}}"", closed, before);
            return closed;
        }}

        public async Task<bool> SaveAsync({type}Entity entity, CancellationToken cancellationToken)
        {{
            try
            {{
                _db.Items.Update(entity);
                return await _db.SaveChangesAsync(cancellationToken) > 0;
            }}
            catch (DbUpdateConcurrencyException ex)
            {{
                _logger.LogWarning(ex, ""{noun} {{{noun}Id}} was changed by someone else"", entity.Id);
                return false;
            }}
        }}
");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                var column = Column();
                sb.Append($"\n        public Task<List<{type}Entity>> SearchBy{Capitalize(column)}{k}Async(string term, CancellationToken cancellationToken)\n        {{\n");
                if (Violate())
                {
                    sb.Append($"            return _db.Items.FromSqlRaw($\"SELECT * FROM {table} WHERE {column} LIKE '%{{term}}%'\").ToListAsync(cancellationToken);\n");
                }
                else
                {
                    sb.Append($"            var pattern = \"%\" + term.Replace(\"%\", \"\\\\%\", StringComparison.Ordinal) + \"%\";\n");
                    sb.Append($"            return _db.Items.FromSqlRaw(\"SELECT * FROM {table} WHERE {column} LIKE {{0}}\", pattern).ToListAsync(cancellationToken);\n");
                }

                sb.Append($@"        }}

        public async Task<decimal> TotalFor{Capitalize(column)}{k}Async(string status, CancellationToken cancellationToken)
        {{
            var total = await _db.Items.Where(e => e.Status == status).SumAsync(e => e.Total, cancellationToken);
            _logger.LogDebug(""Total of {{Status}} {Lower(noun)}s is {{Total}}"", status, total);
            return total;
        }}
");
            }

            sb.Append("    }\n}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ ADO.NET

        private string AdoStore(string noun, string id)
        {
            var type = noun + id;
            var table = Table(noun, id);
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Contoso.Shop.Storage.M{id};

public sealed record {type}Record(long Id, string Reference, decimal Amount, string Currency);

public sealed class {type}AdoStore
{{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<{type}AdoStore> _logger;

    public {type}AdoStore(NpgsqlDataSource dataSource, ILogger<{type}AdoStore> logger)
    {{
        _dataSource = dataSource;
        _logger = logger;
    }}

    public async Task<decimal> TotalAsync(long customerId, CancellationToken cancellationToken)
    {{
        await using var command = _dataSource.CreateCommand(""SELECT COALESCE(SUM(amount), 0) FROM {table} WHERE customer_id = @customer_id"");
        command.Parameters.AddWithValue(""customer_id"", customerId);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is decimal total ? total : 0m;
    }}

    public async Task<IReadOnlyList<{type}Record>> RecentAsync(int limit, CancellationToken cancellationToken)
    {{
        var list = new List<{type}Record>();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(""SELECT id, reference, amount, currency FROM {table} ORDER BY id DESC LIMIT @limit"", connection);
        command.Parameters.Add(new NpgsqlParameter(""limit"", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {{
            list.Add(new {type}Record(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3)));
        }}

        return list;
    }}

    public async Task<int> DeleteOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {{
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {{
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ""DELETE FROM {table} WHERE created_at < @cutoff"";
            command.Parameters.AddWithValue(""cutoff"", cutoff);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }}
        catch (NpgsqlException ex)
        {{
            await transaction.RollbackAsync(cancellationToken);
            _logger.LogError(ex, ""Deleting {Lower(noun)}s older than {{Cutoff}} failed"", cutoff);
            throw;
        }}
    }}
");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                var column = Column();
                sb.Append($@"
    public async Task<{type}Record?> By{Capitalize(column)}{k}Async(string value, CancellationToken cancellationToken)
    {{
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
");
                if (Violate())
                {
                    sb.Append($"        command.CommandText = \"SELECT id, reference, amount, currency FROM {table} WHERE {column} = '\" + value + \"'\";\n");
                }
                else
                {
                    sb.Append($"        command.CommandText = \"SELECT id, reference, amount, currency FROM {table} WHERE {column} = @value\";\n");
                    sb.Append("        command.Parameters.AddWithValue(\"value\", value);\n");
                }

                sb.Append($@"        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {{
            return null;
        }}

        return new {type}Record(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3));
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ services

        private string Service(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Services.M{id};

public interface I{type}Gateway
{{
    Task<string> SendAsync(int id, string payload, CancellationToken cancellationToken);
    Task<bool> PingAsync(CancellationToken cancellationToken);
}}

public sealed class {type}Service
{{
    private const int MaxAttempts = 3;
    private readonly I{type}Gateway _gateway;
    private readonly ILogger<{type}Service> _logger;

    public {type}Service(I{type}Gateway gateway, ILogger<{type}Service> logger)
    {{
        _gateway = gateway;
        _logger = logger;
    }}

    public async Task<string?> SubmitAsync(int id, string payload, CancellationToken cancellationToken)
    {{
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {{
            try
            {{
                var receipt = await _gateway.SendAsync(id, payload, cancellationToken);
                _logger.LogInformation(""Submitted {noun} {{{noun}Id}} on attempt {{Attempt}}"", id, attempt);
                return receipt;
            }}
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {{
                _logger.LogWarning(ex, ""Attempt {{Attempt}} to submit {noun} {{{noun}Id}} failed, retrying"", attempt, id);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }}
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {{
                throw;
            }}
        }}

        return null;
    }}

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {{
        try
        {{
            return await _gateway.PingAsync(cancellationToken);
        }}
");
            if (Violate())
            {
                sb.Append("        catch (Exception)\n        {\n        }\n\n        return false;\n");
            }
            else
            {
                sb.Append($"        catch (HttpRequestException ex)\n        {{\n            _logger.LogDebug(ex, \"{noun} gateway is not reachable\");\n            return false;\n        }}\n");
            }

            sb.Append("    }\n");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                sb.Append($@"
    public async Task<IReadOnlyList<string>> Batch{k}Async(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {{
        var receipts = new List<string>(ids.Count);
        foreach (var id in ids)
        {{
            try
            {{
                receipts.Add(await _gateway.SendAsync(id, ""batch-{k}"", cancellationToken));
            }}
");
                var v = Violate() ? _random.Next(3) : -1;
                switch (v)
                {
                    case 0:
                        sb.Append("            catch (Exception ex)\n            {\n                _logger.LogError(\"Batch item failed: \" + ex.Message);\n            }\n");
                        break;
                    case 1:
                        sb.Append("            catch (HttpRequestException ex)\n            {\n                _logger.LogWarning($\"Batch item {id} failed: {ex}\");\n            }\n");
                        break;
                    case 2:
                        sb.Append("            catch (HttpRequestException)\n            {\n                continue;\n            }\n");
                        break;
                    default:
                        sb.Append($"            catch (HttpRequestException ex)\n            {{\n                _logger.LogError(ex, \"Batch item {{{noun}Id}} failed\", id);\n            }}\n");
                        break;
                }

                sb.Append($@"        }}

        _logger.LogInformation(""Batch {k} finished with {{Succeeded}} of {{Total}} items"", receipts.Count, ids.Count);
        return receipts;
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ workers

        private string Worker(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.Workers.M{id};

public sealed class {type}WorkerOptions
{{
    public const string SectionName = ""Workers:{type}"";
    public TimeSpan Interval {{ get; set; }} = TimeSpan.FromMinutes(5);
    public int BatchSize {{ get; set; }} = 100;
    public bool Enabled {{ get; set; }} = true;
}}

public interface I{type}Queue
{{
    Task<int> ProcessBatchAsync(int batchSize, CancellationToken cancellationToken);
}}

public sealed class {type}Worker : BackgroundService
{{
    private readonly I{type}Queue _queue;
    private readonly IOptionsMonitor<{type}WorkerOptions> _options;
    private readonly ILogger<{type}Worker> _logger;

    public {type}Worker(I{type}Queue queue, IOptionsMonitor<{type}WorkerOptions> options, ILogger<{type}Worker> logger)
    {{
        _queue = queue;
        _options = options;
        _logger = logger;
    }}

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {{
        _logger.LogInformation(""{type} worker started"");
        while (!stoppingToken.IsCancellationRequested)
        {{
            var options = _options.CurrentValue;
            if (!options.Enabled)
            {{
                await Task.Delay(options.Interval, stoppingToken);
                continue;
            }}

            try
            {{
                var processed = await _queue.ProcessBatchAsync(options.BatchSize, stoppingToken);
                if (processed > 0)
                {{
                    _logger.LogInformation(""Processed {{Count}} {Lower(noun)} messages"", processed);
                }}
            }}
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {{
                break;
            }}
");
            if (Violate())
            {
                sb.Append("            catch (Exception ex)\n            {\n                Console.WriteLine(\"Worker failed: \" + ex);\n            }\n");
            }
            else
            {
                sb.Append($"            catch (Exception ex)\n            {{\n                _logger.LogError(ex, \"{type} worker iteration failed\");\n            }}\n");
            }

            sb.Append($@"
            await Task.Delay(options.Interval, stoppingToken);
        }}

        _logger.LogInformation(""{type} worker stopped"");
    }}
");
            var extra = Between(1, 4);
            for (var k = 0; k < extra; k++)
            {
                sb.Append($@"
    internal static TimeSpan Backoff{k}(int failures, TimeSpan baseDelay)
    {{
        if (failures <= 0)
        {{
            return baseDelay;
        }}

        var factor = Math.Min(Math.Pow(2, failures), 64);
        var jitter = 0.8 + (failures % 5) * 0.1;
        return TimeSpan.FromMilliseconds(baseDelay.TotalMilliseconds * factor * jitter);
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ configuration

        private string Options(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;

namespace Contoso.Shop.Configuration.M{id};

public sealed class {type}Options
{{
    public const string SectionName = ""{noun}s:{id}"";

    public string BaseUrl {{ get; set; }} = ""https://{Lower(noun)}s-{id}.internal.contoso.example/api/"";
    public string ContentType {{ get; set; }} = ""application/json; charset=utf-8"";
    public string UserAgent {{ get; set; }} = ""Contoso.Shop/{id} (+https://contoso.example/bot)"";
    public string CacheKeyPrefix {{ get; set; }} = ""{Lower(noun)}:{id}:"";
    public string PasswordResetRoute {{ get; set; }} = ""/account/password/reset"";
    public string TokenHeaderName {{ get; set; }} = ""X-Api-Token"";
    public string SecretName {{ get; set; }} = ""{noun}{id}ApiKey"";
    public TimeSpan Timeout {{ get; set; }} = TimeSpan.FromSeconds(30);
    public int RetryCount {{ get; set; }} = 3;
");
            if (Violate())
            {
                sb.Append($"    public string ApiKey {{ get; set; }} = \"sk_live_{Secret(28)}\";\n");
            }

            if (Violate())
            {
                sb.Append($"    public string ConnectionString {{ get; set; }} = \"Host=db-{id};Database=shop;Username=shop_app;Password={Secret(16)}\";\n");
            }
            else
            {
                sb.Append($"    public string ConnectionString {{ get; set; }} = \"Host=localhost;Database=shop_{id};Username=shop_app\";\n");
            }

            var props = Between(8, 20);
            for (var k = 0; k < props; k++)
            {
                sb.Append($"    public string Setting{k} {{ get; set; }} = \"{Lower(noun)}-{id}-setting-{k}\";\n");
            }

            sb.Append($@"}}

public static class {type}Messages
{{
");
            var messages = Between(10, 25);
            for (var k = 0; k < messages; k++)
            {
                sb.Append($"    public const string Message{k} = \"The {Lower(noun)} could not be processed (code {id}-{k}). Please try again later.\";\n");
            }

            sb.Append($@"
    public static readonly IReadOnlyDictionary<string, string> ErrorCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {{
        [""E{id}01""] = ""The {Lower(noun)} does not exist."",
        [""E{id}02""] = ""The {Lower(noun)} is locked by another user."",
        [""E{id}03""] = ""The password is too short."",
        [""E{id}04""] = ""The token has expired."",
    }};
}}

public static class {type}Sql
{{
    public const string SelectById = ""SELECT * FROM {Table(noun, id)} WHERE id = @id"";
    public const string SelectPage = ""SELECT * FROM {Table(noun, id)} ORDER BY id OFFSET @offset LIMIT @limit"";
    public const string CountAll = ""SELECT COUNT(*) FROM {Table(noun, id)}"";
}}
");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ Serilog / NLog importers

        private string Importer(string noun, string id)
        {
            var type = noun + id;
            var serilog = _random.Next(2) == 0;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Shop.Import.M{id};

public sealed record {type}Line(string Reference, decimal Amount, DateTime Date);

public sealed class {type}Importer
{{
");
            sb.Append(serilog
                ? $"    private static readonly Serilog.ILogger Log = Serilog.Log.ForContext<{type}Importer>();\n"
                : "    private static readonly NLog.Logger Log = NLog.LogManager.GetCurrentClassLogger();\n");
            var info = serilog ? "Information" : "Info";
            var warn = serilog ? "Warning" : "Warn";
            sb.Append($@"
    public IReadOnlyList<{type}Line> Parse(TextReader reader)
    {{
        var lines = new List<{type}Line>();
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {{
            number++;
            var parts = line.Split(';');
            if (parts.Length != 3)
            {{
                Log.{warn}(""Skipping line {{LineNumber}}: expected 3 fields, got {{FieldCount}}"", number, parts.Length);
                continue;
            }}

            try
            {{
                lines.Add(new {type}Line(parts[0].Trim(), decimal.Parse(parts[1], CultureInfo.InvariantCulture), DateTime.Parse(parts[2], CultureInfo.InvariantCulture)));
            }}
");
            if (Violate())
            {
                sb.Append("            catch (FormatException)\n            {\n            }\n");
            }
            else
            {
                sb.Append($"            catch (FormatException ex)\n            {{\n                Log.{warn}(ex, \"Line {{LineNumber}} is malformed\", number);\n            }}\n");
            }

            sb.Append($@"        }}

");
            if (Violate())
            {
                sb.Append($"        Log.{info}($\"Parsed {{lines.Count}} {Lower(noun)} lines\");\n");
            }
            else
            {
                sb.Append($"        Log.{info}(\"Parsed {{Count}} {Lower(noun)} lines\", lines.Count);\n");
            }

            sb.Append("        return lines;\n    }\n");
            var extra = Between(2, 4);
            for (var k = 0; k < extra; k++)
            {
                sb.Append($@"
    public decimal Sum{k}(IEnumerable<{type}Line> lines, DateTime from, DateTime to)
    {{
        decimal sum = 0;
        var count = 0;
        foreach (var line in lines)
        {{
            if (line.Date < from || line.Date > to)
            {{
                continue;
            }}

            sum += line.Amount;
            count++;
        }}

        Log.{info}(""Summed {{Count}} lines between {{From}} and {{To}}: {{Sum}}"", count, from, to, sum);
        return sum;
    }}
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ models

        private string Models(string noun, string id)
        {
            var type = noun + id;
            var sb = new StringBuilder();
            sb.Append($@"using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;

namespace Contoso.Shop.Models.M{id};

public enum {type}State
{{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Archived,
}}

public sealed record {type}Line(string Sku, int Quantity, decimal UnitPrice)
{{
    public decimal Total => Quantity * UnitPrice;
}}

public sealed class {type}Model : IValidatableObject
{{
    public int Id {{ get; set; }}

    [Required]
    [StringLength(200)]
    public string Title {{ get; set; }} = string.Empty;

    [EmailAddress]
    public string? ContactEmail {{ get; set; }}

    public {type}State State {{ get; set; }} = {type}State.Draft;

    public List<{type}Line> Lines {{ get; }} = new();

    public decimal Total => Lines.Sum(l => l.Total);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {{
        if (Lines.Count == 0)
        {{
            yield return new ValidationResult(""At least one line is required."", new[] {{ nameof(Lines) }});
        }}

        if (Lines.Any(l => l.Quantity <= 0))
        {{
            yield return new ValidationResult(""Quantities must be positive."", new[] {{ nameof(Lines) }});
        }}
    }}
");
            var extra = Between(2, 5);
            for (var k = 0; k < extra; k++)
            {
                sb.Append($@"
    public bool CanMoveTo{k}({type}State next) => (State, next) switch
    {{
        ({type}State.Draft, {type}State.Submitted) => Lines.Count > 0,
        ({type}State.Submitted, {type}State.Approved) => Total < {1000 * (k + 1)}m,
        ({type}State.Submitted, {type}State.Rejected) => true,
        (_, {type}State.Archived) => State != {type}State.Draft,
        _ => false,
    }};
");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
