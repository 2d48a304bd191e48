using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using NLog;

namespace Contoso.Shop.Inventory
{
    public sealed class StockLevel
    {
        public string Sku { get; set; } = string.Empty;
        public int Available { get; set; }
        public string Warehouse { get; set; } = string.Empty;
    }

    public sealed class NLogInventorySync
    {
        private static readonly Logger Log = LogManager.GetCurrentClassLogger();
        private readonly HttpClient _http;
        private readonly ILogger _audit = LogManager.GetLogger("Audit");

        public NLogInventorySync(HttpClient http)
        {
            _http = http;
        }

        public async Task<int> SyncAsync(IReadOnlyList<StockLevel> levels, string apiKey)
        {
            Log.Info("Syncing {Count} stock levels", levels.Count);
            Log.Debug({|PA4001:"Using API key " + {|PA4004:apiKey|}|});

            var updated = 0;
            foreach (var level in levels)
            {
                try
                {
                    var response = await _http.PostAsync($"inventory/{level.Sku}", null);
                    response.EnsureSuccessStatusCode();
                    updated++;
                    Log.Trace("Updated {Sku} to {Available} in {Warehouse}", level.Sku, level.Available, level.Warehouse);
                }
                catch (HttpRequestException ex)
                {
                    Log.Warn(ex, "Sync of {Sku} failed", level.Sku);
                }
                catch (Exception ex)
                {
                    Log.Error({|PA4001:$"Unexpected failure for {level.Sku}: {{|PA4002:ex|}}"|});
                }
            }

            Log.Info({|PA4001:$"Synced {updated}/{levels.Count} levels"|});
            _audit.Info("Inventory sync finished");
            _audit.Log(LogLevel.Info, {|PA4001:"Synced " + updated + " levels"|});
            Log.Info("Plain message without arguments");
            Log.Info(levels.Count);
            return updated;
        }

        public void Reconcile(string sku, int expected, int actual)
        {
            if (expected != actual)
            {
                Log.Warn("Stock mismatch for {Sku}: expected {Expected}, actual {Actual}", sku, expected, actual);
                Log.Fatal({|PA4001:string.Format("Negative stock for {0}", sku)|});
            }
        }
    }
}
