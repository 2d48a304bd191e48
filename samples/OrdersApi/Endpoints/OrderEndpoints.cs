using OrdersApi.Data;

namespace OrdersApi.Endpoints;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").RequireAuthorization();

        group.MapGet("/{email}", async (string email, CustomerRepository customers) =>
            await customers.FindByEmailAsync(email) is { } customer ? Results.Ok(customer) : Results.NotFound());

        group.MapDelete("/{email}", async (string email, CustomerRepository customers, ILogger<CustomerRepository> logger) =>
        {
            var affected = await customers.DeactivateAsync(email);
            logger.LogInformation("Deactivated {Count} customer(s)", affected);
            return Results.NoContent();
        });

        app.MapGet("/health", () => Results.Ok("healthy")).AllowAnonymous();

        // PA5002: mapped on the app, outside the protected group; anyone can export any customer.
        app.MapGet("/api/exports/customers/{email}", async (string email, CustomerRepository customers) =>
            await customers.FindByEmailAsync(email) is { } customer ? Results.Ok(customer) : Results.NotFound());
        return app;
    }
}
