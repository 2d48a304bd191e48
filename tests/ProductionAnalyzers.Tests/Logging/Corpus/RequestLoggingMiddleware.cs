using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Contoso.Shop.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Web
{
    public sealed class RequestLoggingMiddleware
    {
        private readonly RequestDelegate _next;
        private readonly ILogger<RequestLoggingMiddleware> _logger;

        public RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
        {
            _next = next;
            _logger = logger;
        }

        public async Task InvokeAsync(HttpContext context)
        {
            var stopwatch = Stopwatch.StartNew();
            var scopeState = new Dictionary<string, object?>
            {
                ["TraceId"] = context.TraceIdentifier,
                ["Path"] = context.Request.Path.Value,
            };

            using (_logger.BeginScope(scopeState))
            using (_logger.BeginRequestScope(context.TraceIdentifier))
            {
                try
                {
                    await _next(context);
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                }
                finally
                {
                    stopwatch.Stop();
                }

                var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
                _logger.Log(level, "{Method} {Path} responded {StatusCode} in {ElapsedMs} ms",
                    context.Request.Method, context.Request.Path, context.Response.StatusCode, stopwatch.ElapsedMilliseconds);

                if (context.Request.Headers.TryGetValue("X-Debug", out var debugHeader))
                {
                    _logger.LogDebug("Debug header {DebugHeader} on {Path}", debugHeader.ToString(), context.Request.Path);
                    _logger.LogDebug("Authorization header {Header}", {|PA4004:context.Request.Headers["Authorization"].ToString()|});
                }

                using (_logger.BeginScope({|PA4001:"Response " + context.Response.StatusCode + " {ContentType}"|}, context.Response.ContentType))
                {
                    _logger.LogTrace("Response headers written");
                }
            }
        }
    }
}
