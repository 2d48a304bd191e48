using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages;

public class {|PA5003:PrivacyModel|} : PageModel
{
    public void OnGet()
    {
    }
}
