using System;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

// A tiny corpus for the verifier's own tests: PT0001 marks classes whose name starts with "Bad";
// the empty catch is marked for another rule of the package (PA3001), which corpus runs of other analyzers ignore.
public sealed class OrderService
{
    private readonly ILogger<OrderService> _logger;

    public OrderService(ILogger<OrderService> logger) => _logger = logger;

    public void Process(int id)
    {
        try
        {
            _logger.LogInformation("Processing {Id}", id);
        }
        {|PA3001:catch|} (Exception)
        {
        }
    }
}

internal sealed class {|PT0001:BadOrderCache|}
{
}
