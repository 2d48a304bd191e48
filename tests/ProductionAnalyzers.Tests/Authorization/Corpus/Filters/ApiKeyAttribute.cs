using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Filters;

/// <summary>Webhook callers authenticate with a shared key in the X-Api-Key header.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ApiKeyAttribute : Attribute, IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var configuration = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
        var expected = configuration["Webhooks:ApiKey"];
        if (string.IsNullOrEmpty(expected) || context.HttpContext.Request.Headers["X-Api-Key"] != expected)
        {
            context.Result = new UnauthorizedResult();
        }

        return Task.CompletedTask;
    }
}

public sealed class PartnerSignatureFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!context.HttpContext.Request.Headers.ContainsKey("X-Signature"))
        {
            context.Result = new UnauthorizedResult();
        }
    }
}
