using System;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Corpus.Catalog
{
    public sealed record Product(string Sku, string Name, decimal Price);

    public interface IProductDatabase
    {
        Task<Product?> LoadAsync(string sku, CancellationToken ct);
    }

    public sealed class ProductCache
    {
        private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

        private readonly IDistributedCache _distributed;
        private readonly IMemoryCache _memory;
        private readonly IProductDatabase _database;
        private readonly ILogger<ProductCache> _logger;
        private bool _distributedHealthy = true;

        public ProductCache(IDistributedCache distributed, IMemoryCache memory, IProductDatabase database, ILogger<ProductCache> logger)
        {
            _distributed = distributed;
            _memory = memory;
            _database = database;
            _logger = logger;
        }

        public async Task<Product?> GetAsync(string sku, CancellationToken ct)
        {
            if (_memory.TryGetValue(sku, out Product? cached))
            {
                return cached;
            }

            var fromRedis = await TryReadDistributedAsync(sku, ct);
            if (fromRedis is not null)
            {
                _memory.Set(sku, fromRedis, Ttl);
                return fromRedis;
            }

            var product = await _database.LoadAsync(sku, ct);
            if (product is not null)
            {
                await TryWriteDistributedAsync(sku, product, ct);
                _memory.Set(sku, product, Ttl);
            }

            return product;
        }

        private async Task<Product?> TryReadDistributedAsync(string sku, CancellationToken ct)
        {
            try
            {
                var bytes = await _distributed.GetAsync("product:" + sku, ct);
                return bytes is null ? null : JsonSerializer.Deserialize<Product>(bytes);
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
                _distributedHealthy = false;
                return null;
            }
            catch (JsonException ex)
            {
                _logger.LogWarning(ex, "Corrupt cache entry for {Sku}", sku);
                await _distributed.RemoveAsync("product:" + sku, ct);
                return null;
            }
        }

        private async Task TryWriteDistributedAsync(string sku, Product product, CancellationToken ct)
        {
            if (!_distributedHealthy)
            {
                return;
            }

            try
            {
                await _distributed.SetAsync(
                    "product:" + sku,
                    JsonSerializer.SerializeToUtf8Bytes(product),
                    new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Ttl },
                    ct);
            }
            catch (Exception)
            {
                _logger.LogWarning("Distributed cache unavailable, continuing with memory cache only");
                _distributedHealthy = false;
            }
        }

        public async Task<Product?> GetWithFallbackAsync(string sku, CancellationToken ct)
        {
            try
            {
                return await GetAsync(sku, ct);
            }
            {|PA3002:catch (Exception)|}
            {
                return _memory.TryGetValue(sku, out Product? stale) ? stale : null;
            }
        }

        public void Invalidate(string sku)
        {
            _memory.Remove(sku);
            try
            {
                _distributed.Remove("product:" + sku);
            }
            {|PA3002:catch (Exception)|}
            {
                _distributedHealthy = false;
            }
        }
    }
}
