using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Endpoints;

public static class AppointmentEndpoints
{
    // Mapped only on a protected group (Program.cs).
    public static RouteGroupBuilder MapAppointments(this RouteGroupBuilder group)
    {
        group.MapGet("/", () => Results.Ok());
        group.MapPost("/", (AppointmentRequest request) => Results.Created("/api/appointments/1", request));
        group.MapDelete("/{id:guid}", (Guid id) => Results.NoContent());
        return group;
    }
}

public sealed record AppointmentRequest(Guid PatientId, DateTimeOffset At);
