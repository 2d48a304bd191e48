using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Endpoints;

public static class RecordSharingEndpoints
{
    public static void MapRecordSharing(WebApplication app)
    {
        // The handler asks the authorization service for the record it shares.
        app.MapPost("/api/records/{id:guid}/share", async (Guid id, string email, ClaimsPrincipal user, IAuthorizationService authorization) =>
        {
            var result = await authorization.AuthorizeAsync(user, id, "RecordOwner");
            return result.Succeeded ? Results.Accepted() : Results.Forbid();
        });

        // Resolved from the request's services.
        app.MapDelete("/api/records/{id:guid}/share", async (HttpContext context, Guid id) =>
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.User, id, "RecordOwner")).Succeeded)
            {
                return Results.Forbid();
            }

            return Results.NoContent();
        });

        // No check at all.
        app.{|PA5002:MapGet|}("/api/records/{id:guid}/share", (Guid id) => Results.Ok(Array.Empty<string>()));
    }
}
