using System;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Endpoints;

public static class PatientEndpoints
{
    // Program.cs calls app.MapPatients() on the bare app.
    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patient-portal").WithTags("Portal");
        patients.{|PA5002:MapGet|}("/{id:guid}/records", (Guid id) => Results.Ok(id));
        patients.{|PA5002:MapPost|}("/{id:guid}/messages", (Guid id, string text) => Results.Accepted());
        patients.MapGet("/{id:guid}/summary", GetSummary);
        patients.MapGet("/opening-hours", () => Results.Ok("8-18")).AllowAnonymous();
        return app;
    }

    [Authorize(Policy = "Patient")]
    private static IResult GetSummary(Guid id) => Results.Ok(id);
}
