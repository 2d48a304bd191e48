using System;
using System.Linq;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Web
{
    public sealed record CheckoutRequest(int OrderId, string CardNumber, string Cvv, string Email);

    public static class CheckoutEndpoints
    {
        public static IEndpointRouteBuilder MapCheckout(this IEndpointRouteBuilder app)
        {
            app.MapPost("/checkout", async (CheckoutRequest request, ILoggerFactory loggerFactory) =>
            {
                var logger = loggerFactory.CreateLogger("Checkout");
                logger.LogInformation("Checkout for order {OrderId} by {Email}", request.OrderId, request.Email);
                logger.LogDebug("Checkout request {Request}", {|PA4004:request|});
                if (string.IsNullOrWhiteSpace(request.CardNumber))
                {
                    logger.LogWarning({|PA4001:$"Order {request.OrderId} has no card"|});
                    return Results.BadRequest();
                }

                await Task.Yield();
                {|PA4003:Console.WriteLine($"Checkout accepted for {request.OrderId}")|};
                return Results.Accepted();
            });

            return app;
        }

        public static void UseShopExceptionLogging(this IApplicationBuilder app, ILogger logger)
        {
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                if (feature is not null)
                {
                    logger.LogError("Unhandled error on {Path}: {Error}", context.Request.Path, {|PA4002:feature.Error.Message|});
                    logger.LogError(feature.Error, "Unhandled error on {Path}", context.Request.Path);
                }

                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("An error occurred.");
            }));
        }
    }
}
