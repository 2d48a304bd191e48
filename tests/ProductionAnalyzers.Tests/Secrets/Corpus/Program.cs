using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Reads from configuration: quiet.
var ordersDb = builder.Configuration.GetConnectionString("Orders");
var jwtKey = builder.Configuration["Jwt:Key"];
var smtpPassword = builder.Configuration.GetValue<string>("Smtp:Password");

// A fallback that ships the production database password.
var reportingDb = builder.Configuration.GetConnectionString("Reporting")
    ?? {|PA2003:"Server=tcp:reporting.database.windows.net,1433;Initial Catalog=reporting;User ID=report_reader;Password=Wq3!vL8zKe2p;Encrypt=True"|};

// A signing key written into the code.
using var linkSigner = new HMACSHA256(Encoding.UTF8.GetBytes({|PA2001:"b7Q2xN9vL4kT8wE1rZ6yU3iO0pA5sD7f"|}));

// Local development database: a connection string without a password.
var localDb = "Server=(localdb)\\mssqllocaldb;Database=orders;Trusted_Connection=True";

builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["FeatureFlags:NewCheckout"] = "true",
    ["Payments:Provider"] = "stripe",
    ["Payments:WebhookSecret"] = {|PA2001:"wH7-kq2-Lm9-Zx4-Pv8"|},
});

var app = builder.Build();
app.MapGet("/orders/{id}", (string id) => id);
app.MapGet("/health", () => "ok");
app.Run();
