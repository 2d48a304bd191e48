using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages.Records;

// Every handler asks the service about the record it shows or saves.
public class EditModel : PageModel
{
    private readonly IAuthorizationService _authorization;

    public EditModel(IAuthorizationService authorization) => _authorization = authorization;

    [BindProperty]
    public string Summary { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        (await _authorization.AuthorizeAsync(User, id, "RecordEditor")).Succeeded ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await MayEditAsync(id))
        {
            return Forbid();
        }

        return RedirectToPage("./Edit", new { id });
    }

    private async Task<bool> MayEditAsync(Guid id) =>
        (await _authorization.AuthorizeAsync(User, id, "RecordEditor")).Succeeded;
}
