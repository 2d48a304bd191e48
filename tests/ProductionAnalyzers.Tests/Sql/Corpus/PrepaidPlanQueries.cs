using System;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EvalCorpus.Sql.Plans;

/// <summary>
/// Shapes met in a payment server's plan code (written anew here): a WHERE condition chosen between two constants, an
/// optional SQL fragment whose default is a constant (every call but one leaves it out or passes a constant), and a
/// callback that adds parameters.
/// </summary>
public sealed class PrepaidPlans
{
    public const string VerifiedAccounts = """
        WITH candidates AS (
            SELECT a.account_id, a.contact_email FROM accounts a WHERE a.is_verified
        )
        """;

    public const string AccountsWithoutPlan = """
        WITH candidates AS (
            SELECT a.account_id, a.contact_email FROM accounts a
            WHERE NOT EXISTS (SELECT 1 FROM plan_members m WHERE m.account_id = a.account_id)
        )
        """;

    private readonly DbConnection _connection;

    public PrepaidPlans(DbConnection connection) => _connection = connection;

    public Task<decimal?> AdjustBalanceAsync(string holderId, string currency, decimal diff, bool force)
    {
        if (diff >= 0)
        {
            force = true;
        }

        var balanceGuard = force ? "TRUE" : "w.balance + @delta >= 0";
        return _connection.ExecuteScalarAsync<decimal?>($"""
            UPDATE prepaid_wallets AS w
            SET balance = w.balance + @delta, updated_at = now()
            WHERE w.holder_id = @holder AND w.currency_code = @currency AND {balanceGuard}
            RETURNING w.balance
            """, new { holder = holderId, currency, delta = diff });
    }

    public async Task<string[]> EnrollAsync(string planId, string candidatesQuery = VerifiedAccounts, Action<DynamicParameters>? extraParameters = null)
    {
        var parameters = new DynamicParameters(new { planId });
        extraParameters?.Invoke(parameters);
        var ids = await _connection.QueryAsync<string>($"""
            {candidatesQuery}
            INSERT INTO plan_members (plan_id, account_id)
            SELECT @planId, c.account_id FROM candidates c
            RETURNING account_id
            """, parameters);
        return ids.ToArray();
    }

    public Task<string[]> EnrollAccountsWithoutPlanAsync(string planId) => EnrollAsync(planId, AccountsWithoutPlan);
}

[ApiController]
[Authorize(Roles = "BillingAdmin")]
[Route("api/admin/plans")]
public sealed class PlanEnrollmentController : ControllerBase
{
    private readonly PrepaidPlans _plans;

    public PlanEnrollmentController(PrepaidPlans plans) => _plans = plans;

    [HttpPost("{planId}/enroll")]
    public async Task<IActionResult> Enroll(string planId) => Ok((await _plans.EnrollAsync(planId)).Length);

    [HttpPost("{planId}/enroll-without-plan")]
    public async Task<IActionResult> EnrollWithoutPlan(string planId) => Ok((await _plans.EnrollAccountsWithoutPlanAsync(planId)).Length);

    [HttpPost("{planId}/enroll-domain")]
    public async Task<IActionResult> EnrollDomain(string planId, [FromQuery] string domain) =>
        Ok((await _plans.EnrollAsync(planId, {|PA1001:$"WITH candidates AS (SELECT a.account_id, a.contact_email FROM accounts a WHERE a.contact_email LIKE '%@{domain}')"|})).Length);
}
