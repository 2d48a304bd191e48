using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Pages;

public sealed class ChangePasswordModel : PageModel
{
    private readonly ILogger<ChangePasswordModel> _logger;
    public ChangePasswordModel(ILogger<ChangePasswordModel> logger) => _logger = logger;

    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string? TwoFactorCode { get; set; }

    public IActionResult OnPost()
    {
        var user = User.Identity?.Name ?? "anonymous";
        _logger.LogInformation("Password change requested by {User}", user); // OK
        _logger.LogDebug("New password length {Length}", NewPassword.Length); // OK: derived
        _logger.LogDebug("Change from {Old} to {New}", {|PA4004:CurrentPassword|}, {|PA4004:NewPassword|});
        _logger.LogDebug({|PA4001:$"2FA code for {user}: {{|PA4004:TwoFactorCode|}}"|});
        if (NewPassword.Length < 12)
        {
            _logger.LogWarning("Rejected weak password for {User}", user); // OK
            ModelState.AddModelError(nameof(NewPassword), "Too short");
            return Page();
        }
        try
        {
            return RedirectToPage("./Index");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Password change for {User} failed", user); // OK
            throw;
        }
    }
}

public sealed class OrdersPageModel : PageModel
{
    private readonly ILogger<OrdersPageModel> _logger;
    public OrdersPageModel(ILogger<OrdersPageModel> logger) => _logger = logger;

    public int PageNumber { get; set; }
    public IReadOnlyList<string> Orders { get; private set; } = Array.Empty<string>();

    public void OnGet(int pageNumber = 1, string? filter = null)
    {
        PageNumber = pageNumber;
        _logger.LogInformation("Orders page {Page} filter {Filter}", pageNumber, filter ?? "(none)"); // OK
        _logger.LogTrace({|PA4001:"Orders page " + pageNumber|});
        try
        {
            Orders = new[] { "A", "B" };
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogError(ex, "Loading orders failed"); // OK
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, {|PA4001:$"Loading orders page {pageNumber} failed"|});
            _logger.LogError("Loading orders failed: {Details}", {|PA4002:ex.ToString()|});
        }
    }
}
