using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Telemetry;

namespace Pipeline.Ingest.Fetching;

public static class FetchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named client with the resilience pipeline: total timeout → retry (jittered exponential
    /// backoff, honours Retry-After, handles 5xx/408/429/network errors/attempt timeouts) → attempt timeout.
    /// A host name that does not resolve is not retried: the answer would be the same a second later, and each
    /// retry only cost its backoff (11 s for one <c>sources check</c> of a mistyped host).
    /// Network faults are expected overnight: Polly's own telemetry (a warning with the exception's stack trace for
    /// every attempt) is lowered to debug, and each retry is one plain line instead; the failure itself is reported
    /// once, by the source's refresh. The client is built from the <see cref="FetchOptions"/> registered in the container.
    /// </summary>
    internal static IServiceCollection AddFetcher(this IServiceCollection services)
    {
        services.Configure<TelemetryOptions>(t => t.SeverityProvider = _ => ResilienceEventSeverity.Debug);
        services.AddSingleton<Fetcher>();
        services.AddHttpClient(Fetcher.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Handler(sp.GetRequiredService<FetchOptions>()))
            .AddResilienceHandler("fetch", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<FetchOptions>();
                var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Fetcher));
                builder.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
                // MaxRetries 0 (allowed: one attempt per fetch) means no retry strategy; Polly refuses one of 0 attempts.
                if (options.MaxRetries > 0)
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                        MaxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds),
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(!IsNameResolutionFailure(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        OnRetry = args =>
                        {
                            var url = args.Outcome.Result?.RequestMessage?.RequestUri ?? args.Context.GetRequestMessage()?.RequestUri;
                            log.LogInformation("Retrying {Url} in {Delay:0.0} s (retry {Attempt} of {Max}): {Reason}",
                                url is null ? "?" : Fetcher.Redact(url), args.RetryDelay.TotalSeconds, args.AttemptNumber + 1,
                                options.MaxRetries, Describe(args.Outcome));
                            return ValueTask.CompletedTask;
                        },
                    });
                builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        return services;
    }

    /// <summary>The connection handler below the resilience pipeline: no automatic redirects, proxy or cookies.</summary>
    private static SocketsHttpHandler Handler(FetchOptions options)
    {
        var proxy = options.Proxy is { Length: > 0 } p ? new Uri(p) : null;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // the fetcher follows redirects itself, checking each hop
            AutomaticDecompression = DecompressionMethods.All,
            // Only a proxy named in the settings, never one from HTTP_PROXY and the like: behind a proxy the connection
            // guard sees the proxy, so the operator must choose it knowingly.
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy),
            ConnectCallback = AddressGuard.ConnectCallback(options.AllowPrivateNetworks, proxy),
            ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, options.MaxConcurrencyPerHost),
            UseCookies = false, // no cookies are kept, so none can leak into logs or across sources
            MaxResponseDrainSize = 64 * 1024, // an abandoned (over-size) body is not drained for connection reuse
        };
    }

    /// <summary>Why an attempt failed, in plain words and one line: the status, or the innermost exception's message.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response) return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        var e = outcome.Exception;
        if (e is null) return "no answer";
        if (e is Polly.Timeout.TimeoutRejectedException) return "no answer within the attempt timeout";
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message.ReplaceLineEndings(" ");
    }

    /// <summary>True when the request failed because the host name does not resolve (NXDOMAIN, no such host).</summary>
    public static bool IsNameResolutionFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return true;
        return false;
    }
}
