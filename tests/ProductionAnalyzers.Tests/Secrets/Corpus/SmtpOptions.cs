using System.ComponentModel.DataAnnotations;

namespace Orders.Email;

public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";
    public const string PasswordKey = "Smtp:Password";
    public const int PasswordMinLength = 12;

    [Required]
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "The SMTP password is required")]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    public string PasswordResetUrl { get; set; } = "https://orders.contoso.test/account/reset-password";
}
