using System;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Payments.Node;

/// <summary>
/// The sample configuration file the server writes on first start, and the help it logs for a misconfigured lightning
/// setting: connection strings quoted as examples, with values that name what belongs in their place.
/// </summary>
public static class NodeSetupHelp
{
    public static string SampleConfiguration(string network)
    {
        var builder = new StringBuilder();
        builder.AppendLine("### Database ###");
        builder.AppendLine("#postgres=User ID=root;Password=myPassword;Host=localhost;Port=5432;Database=myDataBase;");
        builder.AppendLine($"#{network}.lightning=https://apitoken:API_TOKEN_SECRET@charge.example.com/");
        builder.AppendLine($"#{network}.explorer.url=http://127.0.0.1:32838/");
        return builder.ToString();
    }

    public static void ExplainLightningSetting(ILogger logger, string network) =>
        logger.LogWarning("Invalid setting {Network}.lightning. " + Environment.NewLine +
                          "If you have an eclair server: 'type=eclair;server=http://eclair.com:4570;password=eclairpassword'" + Environment.NewLine +
                          "If you have a phoenixd server: 'type=phoenixd;server=http://phoenixd:9740/;password=phoenixdpassword'", network);

    /// <summary>The node's own RPC endpoint, exposed through Tor: a default credential every installation shares.</summary>
    public static Uri RpcEndpoint(string onionHost, int port) =>
        new Uri({|PA2003:$"btcrpc://btcrpc:paynode4always@{onionHost}:{port}?label=Node"|}, UriKind.Absolute);
}

public sealed class LndUnlockFile
{
    public string? wallet_password { get; set; }

    public void FillDefault()
    {
        if (wallet_password == string.Empty)
        {
            // The default the node installer used when the user deleted the password.
            wallet_password = {|PA2001:"sunnylighthouse"|};
        }
    }
}
