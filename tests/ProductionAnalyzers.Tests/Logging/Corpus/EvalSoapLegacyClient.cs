using System.Xml.Linq;
using NLog;

namespace EvalCorpus.Logging.Soap;

public sealed class ShippingSoapClient
{
    private static readonly Logger Log = LogManager.GetLogger("Shipping.Soap");
    private readonly HttpClient _http;
    private readonly string _userName;
    private readonly string _secretKey;

    public ShippingSoapClient(HttpClient http, string userName, string secretKey)
    {
        _http = http;
        _userName = userName;
        _secretKey = secretKey;
    }

    public async Task<string?> CreateLabelAsync(string orderNo, string country, decimal weightKg)
    {
        var envelope = new XElement("CreateLabel", new XElement("Order", orderNo), new XElement("Country", country), new XElement("Weight", weightKg));
        Log.Info("Creating label for {OrderNo} to {Country} ({Weight} kg)", orderNo, country, weightKg); // OK
        Log.Debug("Authenticating as {User}", _userName); // OK
        Log.Trace("Signing with {SecretKey}", {|PA4004:_secretKey|});
        Log.Trace({|PA4001:"Envelope: " + envelope|});
        try
        {
            using var resp = await _http.PostAsync("labels", new StringContent(envelope.ToString()));
            var body = await resp.Content.ReadAsStringAsync();
            if (!resp.IsSuccessStatusCode)
            {
                Log.Warn("Label service returned {StatusCode} for {OrderNo}", (int)resp.StatusCode, orderNo); // OK
                return null;
            }
            Log.Debug("Label created for {OrderNo}", orderNo); // OK
            return body;
        }
        catch (HttpRequestException ex)
        {
            Log.Error(ex, "Label service unreachable for {OrderNo}", orderNo); // OK
            return null;
        }
        catch (Exception ex)
        {
            Log.Error("Label creation for {OrderNo} failed: {Error}", orderNo, {|PA4002:ex.Message|});
            Log.Fatal({|PA4001:string.Format("Label creation for {0} failed", orderNo)|});
            return null;
        }
    }

    public void Cancel(string labelId)
    {
        Log.Info(System.Globalization.CultureInfo.InvariantCulture, "Cancelling label {0}", labelId); // OK
        Log.Info({|PA4001:$"Cancelling label {labelId}"|});
    }
}
