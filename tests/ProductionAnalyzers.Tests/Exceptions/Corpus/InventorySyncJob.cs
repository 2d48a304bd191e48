using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NLog;

namespace Corpus.Inventory
{
    public interface IWarehouseApi
    {
        Task<IReadOnlyDictionary<string, int>> GetStockAsync(string warehouse, CancellationToken ct);
    }

    public interface IStockStore
    {
        Task UpsertAsync(string sku, int quantity, CancellationToken ct);
    }

    public sealed class InventorySyncJob
    {
        private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

        private readonly IWarehouseApi _api;
        private readonly IStockStore _store;
        private readonly List<string> _failedWarehouses = new();

        public InventorySyncJob(IWarehouseApi api, IStockStore store)
        {
            _api = api;
            _store = store;
        }

        public IReadOnlyList<string> FailedWarehouses => _failedWarehouses;

        public async Task RunAsync(IEnumerable<string> warehouses, CancellationToken ct)
        {
            foreach (var warehouse in warehouses)
            {
                IReadOnlyDictionary<string, int> stock;
                try
                {
                    stock = await _api.GetStockAsync(warehouse, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Logger.Warn(ex, "Skipping warehouse {Warehouse}", warehouse);
                    _failedWarehouses.Add(warehouse);
                    continue;
                }

                foreach (var (sku, quantity) in stock)
                {
                    try
                    {
                        await _store.UpsertAsync(sku, quantity, ct);
                    }
                    {|PA3002:catch (Exception)|}
                    {
                        _failedWarehouses.Add(warehouse);
                        break;
                    }
                }
            }
        }

        public static int ReadBatchSize(string path)
        {
            try
            {
                return int.Parse(File.ReadAllText(path).Trim());
            }
            catch (FileNotFoundException)
            {
                return 100;
            }
            catch (Exception ex)
            {
                Logger.Error(ex, "Invalid batch size file {Path}", path);
                return 100;
            }
        }

        public static void WriteCheckpoint(string path, DateTime at)
        {
            try
            {
                File.WriteAllText(path, at.ToString("O"));
            }
            {|PA3002:catch (SystemException)|}
            {
                Console.WriteLine("Could not write checkpoint");
            }
        }
    }
}
