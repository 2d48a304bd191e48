using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Catalog
{
    public sealed record Product(string Sku, string Name, decimal Price, string Category);

    public interface IProductSource
    {
        Task<IReadOnlyList<Product>> LoadAsync(string? continuationToken, CancellationToken cancellationToken);
    }

    /// <summary>Mostly clean logging: the near misses here must stay quiet.</summary>
    public sealed class CatalogService
    {
        private const string CacheRegion = "catalog";
        private static readonly string[] FeaturedCategories = { "new", "sale" };
        private readonly ConcurrentDictionary<string, Product> _cache = new ConcurrentDictionary<string, Product>();
        private readonly IProductSource _source;
        private readonly ILogger _logger;
        private readonly string _secretName = "catalog-signing-key";

        public CatalogService(IProductSource source, ILoggerFactory loggerFactory)
        {
            _source = source;
            _logger = loggerFactory.CreateLogger("Catalog");
        }

        public async Task RefreshAsync(CancellationToken cancellationToken)
        {
            string? continuationToken = null;
            var pages = 0;
            do
            {
                var page = await _source.LoadAsync(continuationToken, cancellationToken);
                foreach (var product in page)
                {
                    _cache[product.Sku] = product;
                }

                pages++;
                _logger.LogDebug("Loaded page {Page} with {Count} products, continuation {ContinuationToken}", pages, page.Count, continuationToken);
                continuationToken = page.Count == 100 ? page[page.Count - 1].Sku : null;
            }
            while (continuationToken is not null && !cancellationToken.IsCancellationRequested);

            _logger.LogInformation($"Catalog refreshed in region {CacheRegion}");
            _logger.LogInformation("Catalog has {Count} products in {Region}", _cache.Count, CacheRegion);
            _logger.LogInformation(nameof(RefreshAsync) + " completed");
            _logger.LogDebug("Signing key secret name is {SecretName}", _secretName);
            _logger.LogTrace("Cancellation requested: {Cancelled}, token {CancellationToken}", cancellationToken.IsCancellationRequested, cancellationToken);
        }

        public Product? Find(string sku)
        {
            if (_cache.TryGetValue(sku, out var product))
            {
                return product;
            }

            _logger.LogDebug("Cache miss for {Sku} in {Region}", sku, CacheRegion);
            return null;
        }

        public IReadOnlyList<Product> Featured()
        {
            var featured = _cache.Values.Where(p => FeaturedCategories.Contains(p.Category)).ToList();
            _logger.LogDebug("Featured products: {Skus}", string.Join(",", featured.Select(p => p.Sku)));
            _logger.LogInformation({|PA4001:"Featured " + string.Join(", ", FeaturedCategories) + " categories"|});
            return featured;
        }

        public void Reprice(string sku, decimal newPrice)
        {
            if (!_cache.TryGetValue(sku, out var product))
            {
                _logger.LogWarning("Cannot reprice unknown {Sku}", sku);
                return;
            }

            var message = "Repricing {Sku} from {OldPrice} to {NewPrice}";
            _logger.LogInformation(message, sku, product.Price, newPrice);
            _cache[sku] = product with { Price = newPrice };
            _logger.LogInformation({|PA4001:$"Repriced {sku} to {newPrice:C}"|});
        }
    }
}
