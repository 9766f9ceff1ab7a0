using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.GrainDirectory;

namespace CaseGrains.Hosting;

/// <summary>
/// Orleans' own directory cache (its LRU, at the size and age <see cref="GrainDirectoryOptions"/> configures) without the
/// gauge of its size, <c>orleans-directory-cache-size</c>. Orleans counts the cache for that gauge by walking every entry
/// (<c>ConcurrentLruCache.Count</c> enumerates its dictionary), and the Orleans Dashboard reads every Orleans gauge once
/// a second: the cache keeps an entry for each grain the silo activated in the last 4–8 minutes (its entries live
/// <see cref="GrainDirectoryOptions.MaximumCacheTTL"/>, 240 s, and are removed every 240 s), up to 1,000,000, so a silo
/// that had activated nearly that many in two minutes spent 14% of its two cores on the walk (bench
/// <c>transitions-memory</c>, a <c>perf</c> profile 100 s into the run). Registered as Orleans' custom cache, it is the one cache every directory
/// component of the silo uses, as Orleans documents for <see cref="GrainDirectoryOptions.CachingStrategyType.Custom"/>.
/// </summary>
public static class DirectoryCacheSetup
{
    public static ISiloBuilder UseDirectoryCacheWithoutSizeGauge(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton(services =>
        {
            var configured = services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
            var lru = new GrainDirectoryOptions
            {
                CachingStrategy = GrainDirectoryOptions.CachingStrategyType.LRU,
                CacheSize = configured.CacheSize,
                MaximumCacheTTL = configured.MaximumCacheTTL,
            };

            // The factory registers the gauge only with the silo's directory instruments, which this provider lacks.
            using var withoutInstruments = new ServiceCollection().BuildServiceProvider();
            return GrainDirectoryCacheFactory.CreateGrainDirectoryCache(withoutInstruments, lru);
        });
        silo.Configure<GrainDirectoryOptions>(o => o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.Custom);
        return silo;
    }
}
