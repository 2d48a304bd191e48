using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Endpoints;

public interface IEndpointModule
{
    void AddRoutes(IEndpointRouteBuilder app);
}

public sealed class ReportingModule : IEndpointModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports");
        reports.{|PA5002:MapGet|}("/daily", () => Results.Ok());
        reports.MapGet("/monthly", () => Results.Ok()).RequireAuthorization("Finance");
    }
}
