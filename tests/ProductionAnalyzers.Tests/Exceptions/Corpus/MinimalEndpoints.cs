using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Corpus.Api.Endpoints
{
    public interface IReportService
    {
        Task<byte[]> RenderAsync(int id, CancellationToken ct);
        Task<string> ExportCsvAsync(int id, CancellationToken ct);
    }

    public static class ReportEndpoints
    {
        public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
        {
            app.MapGet("/reports/{id:int}", async (int id, IReportService reports, ILogger<IReportService> logger, CancellationToken ct) =>
            {
                try
                {
                    var pdf = await reports.RenderAsync(id, ct);
                    return Results.File(pdf, "application/pdf");
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Rendering report {ReportId} failed", id);
                    return Results.Problem("Report rendering failed");
                }
            });

            app.MapGet("/reports/{id:int}/csv", async (int id, IReportService reports, CancellationToken ct) =>
            {
                try
                {
                    return Results.Text(await reports.ExportCsvAsync(id, ct), "text/csv");
                }
                {|PA3002:catch (Exception)|}
                {
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                }
            });

            app.MapGet("/reports/{id:int}/preview", async (int id, IReportService reports, CancellationToken ct) =>
            {
                try
                {
                    var pdf = await reports.RenderAsync(id, ct);
                    return Results.File(pdf, "application/pdf");
                }
                catch (Exception ex)
                {
                    return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status502BadGateway);
                }
            });

            return app;
        }
    }
}
