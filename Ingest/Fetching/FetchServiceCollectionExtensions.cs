using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Pipeline.Ingest.Sources;
using Polly;

namespace Pipeline.Ingest.Fetching;

public static class FetchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named client with the resilience pipeline: total timeout → retry (jittered exponential
    /// backoff, honours Retry-After, handles 5xx/408/429/network errors/attempt timeouts) → attempt timeout.
    /// A host name that does not resolve is not retried: the answer would be the same a second later, and each
    /// retry only cost its backoff (11 s for one <c>sources check</c> of a mistyped host).
    /// </summary>
    public static IServiceCollection AddFetcher(this IServiceCollection services, FetchOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<Fetcher>();
        services.AddHttpClient(Fetcher.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // the fetcher follows redirects itself, checking each hop
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = AddressGuard.ConnectCallback(options.AllowPrivateNetworks),
                ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = Math.Max(1, options.MaxConcurrencyPerHost),
                UseCookies = false, // no cookies are kept, so none can leak into logs or across sources
                MaxResponseDrainSize = 64 * 1024, // an abandoned (over-size) body is not drained for connection reuse
            })
            .AddResilienceHandler("fetch", builder =>
            {
                builder.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                    MaxDelay = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(!IsNameResolutionFailure(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        return services;
    }

    /// <summary>True when the request failed because the host name does not resolve (NXDOMAIN, no such host).</summary>
    public static bool IsNameResolutionFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return true;
        return false;
    }
}
