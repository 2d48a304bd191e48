using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages.Records;

// The GET handler checks; the POST handler that prints was added without the check, so the page is undecided.
public class {|PA5003:PrintModel|} : PageModel
{
    private readonly IAuthorizationService _authorization;

    public PrintModel(IAuthorizationService authorization) => _authorization = authorization;

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        (await _authorization.AuthorizeAsync(User, id, "RecordReader")).Succeeded ? Page() : Forbid();

    public IActionResult OnPostPrint(Guid id) => RedirectToPage("./Edit", new { id });
}
