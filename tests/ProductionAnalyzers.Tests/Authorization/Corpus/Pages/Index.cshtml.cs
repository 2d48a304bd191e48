using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
