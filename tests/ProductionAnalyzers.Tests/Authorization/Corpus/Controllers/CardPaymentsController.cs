using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

public sealed record CardCharge(string Token, decimal Amount);

public interface IPaymentGateway
{
    // A card payment is "authorized" too, but that says nothing about who may call the endpoint.
    Task<bool> AuthorizeAsync(string cardToken, decimal amount);
}

[ApiController]
[Route("api/payments")]
public sealed class CardPaymentsController : ControllerBase
{
    private readonly IPaymentGateway _gateway;

    public CardPaymentsController(IPaymentGateway gateway) => _gateway = gateway;

    [HttpPost("authorize")]
    public async Task<IActionResult> {|PA5001:Authorize|}([FromBody] CardCharge charge) =>
        await _gateway.AuthorizeAsync(charge.Token, charge.Amount) ? Ok() : StatusCode(402);
}
