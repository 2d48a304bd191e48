using Clinic.Endpoints;
using Clinic.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", "Staff");
            options.Conventions.AllowAnonymousToPage("/Index");
        });
        builder.Services.AddSignalR();
        builder.Services.AddHealthChecks();
        builder.Services.AddAuthentication();
        // DefaultPolicy alone protects nothing that does not ask for [Authorize].
        builder.Services.AddAuthorization(options => options.DefaultPolicy = options.GetPolicy("Staff") ?? options.DefaultPolicy);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapControllers();
        app.MapDefaultControllerRoute();
        app.MapRazorPages();
        app.MapHealthChecks("/health");
        app.MapGet("/health/live", () => Results.Ok()).AllowAnonymous();
        app.{|PA5002:MapGet|}("/api/version", () => Results.Ok(typeof(Program).Assembly.GetName().Version?.ToString()));

        app.{|PA5002:MapHub<NotificationsHub>|}("/hubs/notifications");
        app.MapHub<ChatHub>("/hubs/chat");

        app.MapGroup("/api/appointments").RequireAuthorization().WithTags("Appointments").MapAppointments();
        app.MapPatients();
        RecordSharingEndpoints.MapRecordSharing(app);
        new ReportingModule().AddRoutes(app);

        var admin = app.MapGroup("/api/admin");
        admin.RequireAuthorization("Admin");
        admin.MapPost("/reindex", () => Results.Accepted());
        admin.MapGroup("/cache").MapDelete("/", () => Results.NoContent());

        var publicApi = app.MapGroup("/public").AllowAnonymous();
        publicApi.MapGet("/clinics", () => Results.Ok(new[] { "North", "South" }));
        publicApi.{|PA5004:MapPost|}("/feedback", (FeedbackRequest request) => Results.Accepted()).RequireAuthorization();

        app.Run();
    }
}

public sealed record FeedbackRequest(string Text);
