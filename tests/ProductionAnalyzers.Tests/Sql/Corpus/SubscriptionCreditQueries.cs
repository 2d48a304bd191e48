using System;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EvalCorpus.Sql.Subscriptions;

/// <summary>
/// Shapes met in a payment server's subscription plugin: a WHERE condition chosen between two constants, an optional SQL
/// fragment whose default is a constant (every call but one leaves it out), and a callback that adds parameters.
/// </summary>
public sealed class SubscriptionCredits
{
    public const string AllUsersQuery = """
        WITH users_to_migrate AS (
            SELECT u."Id" AS user_id, u."Email" AS email FROM "AspNetUsers" u WHERE u."Approved"
        )
        """;

    public const string UnpaidUsersQuery = """
        WITH users_to_migrate AS (
            SELECT u."Id" AS user_id, u."Email" AS email FROM "AspNetUsers" u
            LEFT JOIN subs_subscribers s ON s.user_id = u."Id" WHERE s.user_id IS NULL
        )
        """;

    private readonly DbConnection _connection;

    public SubscriptionCredits(DbConnection connection) => _connection = connection;

    public Task<decimal?> UpdateCreditAsync(string subscriberId, string currency, decimal diff, bool force)
    {
        if (diff >= 0)
        {
            force = true;
        }

        var amountCondition = force ? "1=1" : "new_amount >= 0";
        return _connection.ExecuteScalarAsync<decimal?>($"""
            WITH change AS (
                SELECT o.id, o.currency, COALESCE(c.amount, 0) + o.diff AS new_amount
                FROM (SELECT @id id, @currency currency, @diff diff) AS o
                LEFT JOIN subs_subscriber_credits c ON c.subscriber_id = o.id AND c.currency = o.currency
            )
            UPDATE subs_subscriber_credits SET amount = change.new_amount
            FROM change WHERE {amountCondition} AND subs_subscriber_credits.subscriber_id = change.id
            RETURNING amount
            """, new { id = subscriberId, currency, diff });
    }

    public async Task<string[]> MigrateUsersAsync(string offeringId, string usersQuery = AllUsersQuery, Action<DynamicParameters>? addParameters = null)
    {
        var parameters = new DynamicParameters(new { offeringId });
        addParameters?.Invoke(parameters);
        var ids = await _connection.QueryAsync<string>($"""
            {usersQuery}
            INSERT INTO subs_customers (offering_id, user_id)
            SELECT @offeringId, user_id FROM users_to_migrate
            RETURNING user_id
            """, parameters);
        return ids.ToArray();
    }

    public Task<string[]> MigrateUnpaidAsync(string offeringId) => MigrateUsersAsync(offeringId, UnpaidUsersQuery);
}

[ApiController]
[Authorize(Roles = "ServerAdmin")]
[Route("api/server/monetization")]
public sealed class MonetizationController : ControllerBase
{
    private readonly SubscriptionCredits _credits;

    public MonetizationController(SubscriptionCredits credits) => _credits = credits;

    [HttpPost("{offeringId}/migrate")]
    public async Task<IActionResult> Migrate(string offeringId) => Ok((await _credits.MigrateUsersAsync(offeringId)).Length);

    [HttpPost("{offeringId}/migrate-unpaid")]
    public async Task<IActionResult> MigrateUnpaid(string offeringId) => Ok((await _credits.MigrateUnpaidAsync(offeringId)).Length);

    [HttpPost("{offeringId}/migrate-domain")]
    public async Task<IActionResult> MigrateDomain(string offeringId, [FromQuery] string domain) =>
        Ok((await _credits.MigrateUsersAsync(offeringId, {|PA1001:$"WITH users_to_migrate AS (SELECT u.\"Id\" AS user_id, u.\"Email\" AS email FROM \"AspNetUsers\" u WHERE u.\"Email\" LIKE '%@{domain}')"|})).Length);
}
