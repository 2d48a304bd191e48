using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrdersApi.Pages;

// PA5003: a printable receipt page. The [Authorize] below sits on a handler, which Razor Pages ignores.
public class ReceiptModel : PageModel
{
    public Guid OrderId { get; private set; }

    [Authorize]
    public void OnGet(Guid id) => OrderId = id;
}
