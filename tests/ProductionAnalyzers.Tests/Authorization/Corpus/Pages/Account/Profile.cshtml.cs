using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages.Account;

public class {|PA5003:ProfileModel|} : PageModel
{
    // Razor Pages ignores attributes on handlers: this page is public.
    [Authorize]
    public void OnGet()
    {
    }
}

[Authorize]
public class SettingsModel : PageModel
{
    public void OnGet()
    {
    }
}
