using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Serilog;
using Serilog.Context;

namespace EvalCorpus.Logging.RequestLogging;

public sealed class SerilogRequestMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger _log = Log.ForContext<SerilogRequestMiddleware>();

    public SerilogRequestMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext ctx)
    {
        var sw = Stopwatch.StartNew();
        using (LogContext.PushProperty("TraceId", Activity.Current?.TraceId.ToString()))
        {
            var auth = ctx.Request.Headers.Authorization.ToString();
            _log.Debug("Auth scheme {Scheme}", auth.Split(' ')[0]); // OK: scheme only
            _log.Verbose("Request {Method} {Path}", ctx.Request.Method, ctx.Request.Path); // OK
            try
            {
                await _next(ctx);
                _log.Information("Request {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    ctx.Request.Method, ctx.Request.Path, ctx.Response.StatusCode, sw.Elapsed.TotalMilliseconds); // OK
            }
            catch (Exception ex)
            {
                _log.Error(ex, "Request {Method} {Path} failed", ctx.Request.Method, ctx.Request.Path); // OK
                _log.Error({|PA4001:$"Request {ctx.Request.Path} failed after {sw.ElapsedMilliseconds} ms"|});
                Log.Warning("Failure detail {Detail}", {|PA4002:ex.Message|});
                throw;
            }
        }
    }
}

public static class QueryStringLogger
{
    public static void LogQuery(HttpContext ctx)
    {
        foreach (var (key, value) in ctx.Request.Query)
        {
            Log.Debug("Query {Key}={Value}", key, value.ToString()); // OK
        }
        if (ctx.Request.Query.TryGetValue("access_token", out var accessToken))
            Log.Debug("Token in query {AccessToken}", {|PA4004:accessToken|});
        var apiKey = ctx.Request.Headers["X-Api-Key"].ToString();
        Log.Debug("API key header present: {Present}", apiKey.Length > 0); // OK
        Log.Information({|PA4001:"Query string: " + ctx.Request.QueryString|});
    }
}
