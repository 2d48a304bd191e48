using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Orders.Integrations;

public sealed class GitHubReleaseClient
{
    private const string Token = {|PA2002:"ghp_R7kQ2mX9vL4tW8zN1bY6eU3iO0aS5dF7gH2j"|};

    public HttpClient Create()
    {
        var client = new HttpClient { BaseAddress = new Uri("https://api.github.com/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("orders-release-bot");
        return client;
    }
}

public sealed class ShippingRatesClient
{
    public const string ApiKeyHeaderName = "X-Api-Key";

    public HttpClient Create(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add(ApiKeyHeaderName, "Shipping:ApiKey");
        client.DefaultRequestHeaders.Add("X-Api-Key", {|PA2001:"4e9b1c7a2f8d3e6b5a0c"|});
        client.DefaultRequestHeaders.Add("Accept", "application/json");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|PA2001:"Basic c2hpcHBpbmc6U2g5cCFSYXRlczQ="|});
        return client;
    }
}

public static class Alerts
{
    public static readonly Uri SlackWebhook = new Uri({|PA2002:"https://hooks.slack.com/services/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"|});
    public const string SlackChannel = "#orders-alerts";
    public static readonly string PackagesFeed = {|PA2002:"https://gitlab.contoso.test/api/v4/projects/42/packages/nuget/index.json?private_token=glpat-Xq7Lm2Vt9Kp4Wz8Nb1Ye"|};
}

/// <summary>Settings of the local print server the warehouse runs: its documented default login, changed at install.</summary>
public sealed class CupsServerSettings
{
    public string Host { get; set; } = "localhost";
    public string UserName { get; set; } = "admin";
    public string Password { get; set; } = "cups";
}

/// <summary>The label printer's settings: a password someone set once and committed.</summary>
public sealed class LabelPrinterSettings
{
    public string Host { get; set; } = "10.20.0.17";
    public string Password { get; set; } = {|PA2001:"Wh4reh0use!"|};
}

public static class ExportArchive
{
    // The archive service's license text stored base64-encoded (printable text once decoded): not an Azure storage key.
    public static readonly string EncodedLicenseId = "YmVlZmFmZGI2NDM0NzI5ZWU3NzA2NWU3ZDMzMDdiNDdmYTQzY2YzMDM2YjBlYjhjMGI0MjUwZjg3MGNlNWJmNA==";
}
