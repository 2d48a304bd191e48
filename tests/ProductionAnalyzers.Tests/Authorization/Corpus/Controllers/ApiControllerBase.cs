using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

/// <summary>Every API controller of the clinic derives from this one: authenticated staff only.</summary>
[ApiController]
[Authorize(Policy = "Staff")]
[Produces("application/json")]
public abstract class ApiControllerBase : ControllerBase
{
    protected IActionResult NotFoundProblem(string what) => Problem(title: what + " not found", statusCode: 404);
}
