using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

[Route("api/patients")]
public sealed class PatientsController : ApiControllerBase
{
    [HttpGet("{id:guid}")]
    public Task<IActionResult> Get(Guid id) => Task.FromResult<IActionResult>(Ok(id));

    [HttpPut("{id:guid}")]
    public IActionResult Update(Guid id, [FromBody] string name) => NoContent();

    [HttpDelete("{id:guid}")]
    public IActionResult Delete(Guid id) => NoContent();
}
