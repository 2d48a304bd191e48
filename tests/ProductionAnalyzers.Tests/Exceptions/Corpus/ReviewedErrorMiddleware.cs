using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Middleware;

public sealed class GlobalExceptionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<GlobalExceptionMiddleware> _logger;

    public GlobalExceptionMiddleware(RequestDelegate next, ILogger<GlobalExceptionMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // client went away
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Unhandled exception for {Path}", context.Request.Path);
            context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "internal_error", traceId = Activity.Current?.Id }); // OK: logged
        }
    }
}

public sealed class LegacyErrorMiddleware
{
    private readonly RequestDelegate _next;
    public LegacyErrorMiddleware(RequestDelegate next) => _next = next;

    public async Task Invoke(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        {|PA3002:catch (Exception)|}
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("Something went wrong");
        }
    }
}

public sealed class DevErrorMiddleware
{
    private readonly RequestDelegate _next;
    public DevErrorMiddleware(RequestDelegate next) => _next = next;

    public async Task Invoke(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception ex)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync(ex.ToString()); // OK: exception used
        }
    }
}

public sealed class TimingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    public TimingMiddleware(RequestDelegate next, ILoggerFactory factory)
    {
        _next = next;
        _logger = factory.CreateLogger("Timing");
    }

    public async Task Invoke(HttpContext context)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            await _next(context);
        }
        finally
        {
            try
            {
                context.Response.Headers["X-Elapsed"] = sw.ElapsedMilliseconds.ToString();
            }
            catch (InvalidOperationException)
            {
                // headers already sent
            }
        }
    }

    public async Task InvokeWithTag(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception ex)
        {
            Activity.Current?.SetTag("error.type", ex.GetType().Name);
            throw; // OK
        }
    }
}

public static class ExceptionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health/db", async (HttpContext ctx) =>
        {
            try
            {
                await Task.Delay(1);
                return Results.Ok();
            }
            {|PA3002:catch|}
            {
                return Results.Problem("Database unreachable", statusCode: 503);
            }
        }).AllowAnonymous();

        app.MapGet("/health/cache", async (ILogger<Program2> log) =>
        {
            try
            {
                await Task.Delay(1);
                return Results.Ok();
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Cache health probe failed");
                return Results.Problem("Cache unreachable", statusCode: 503); // OK
            }
        }).AllowAnonymous();

        app.MapPost("/webhooks/stripe", async (HttpRequest req) =>
        {
            try
            {
                using var reader = new StreamReader(req.Body);
                var payload = await reader.ReadToEndAsync();
                return Results.Ok(payload.Length);
            }
            catch (IOException)
            {
                return Results.BadRequest(); // OK: specific
            }
            {|PA3002:catch (SystemException)|}
            {
                return Results.StatusCode(500);
            }
        }).AllowAnonymous();
    }
}

public sealed class Program2 { }
