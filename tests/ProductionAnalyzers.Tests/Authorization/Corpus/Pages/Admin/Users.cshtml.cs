using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages.Admin;

public class UsersModel : PageModel
{
    public void OnGet()
    {
    }
}
