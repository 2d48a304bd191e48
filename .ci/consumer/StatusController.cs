using Microsoft.AspNetCore.Mvc;

namespace Consumer;

// PA5001: a controller whose actions nothing authorizes (the consumer is a library: its host is not visible).
[ApiController]
[Route("status")]
public sealed class StatusController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok("up");
}
