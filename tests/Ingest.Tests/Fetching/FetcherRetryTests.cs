using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Tests.Fetching;

/// <summary>
/// What the resilience pipeline retries, counted in attempts (the requests that reach the network handler, below
/// the retry strategy): a host name that does not resolve is a hard failure for this fetch, a refused connection
/// is transient and retried. Nothing leaves the machine: <c>.invalid</c> never resolves (RFC 2606) and the refused
/// port is on loopback.
/// </summary>
public sealed class FetcherRetryTests
{
    private sealed class AttemptCounter
    {
        public int Attempts;
    }

    private static (Fetcher Fetcher, AttemptCounter Counter, ServiceProvider Services) Build(FetchOptions options)
    {
        var counter = new AttemptCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddFetcher();
        // Added after the resilience handler, so it sits inside it and sees every attempt.
        services.AddHttpClient(Fetcher.ClientName).AddHttpMessageHandler(() => new CountingForwarder(counter));
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<Fetcher>(), counter, provider);
    }

    /// <summary>Each handler chain gets its own handler instance; they all count into one counter.</summary>
    private sealed class CountingForwarder(AttemptCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref counter.Attempts);
            return base.SendAsync(request, ct);
        }
    }

    private static FetchOptions Options() => new()
    {
        MaxRetries = 3, RetryBaseDelaySeconds = 0.01, MaxRetryDelaySeconds = 1, TimeoutSeconds = 5, TotalTimeoutSeconds = 30,
        AllowPrivateNetworks = true, RespectRobotsTxt = false,
    };

    [Fact]
    public async Task Fetch_HostThatDoesNotResolve_IsTriedOnceAndReportedPlainly()
    {
        var (fetcher, counter, services) = Build(Options());
        await using var _ = services;

        var result = await fetcher.FetchAsync(new Uri("http://feed.pipeline-test.invalid/rss.xml"), trusted: true);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(FetchErrorKind.Network, result.ErrorKind);
        Assert.Contains("does not resolve", result.Error);
        Assert.Equal(1, counter.Attempts);
    }

    [Fact]
    public async Task Fetch_HostThatDoesNotResolve_WithRobotsTxt_StopsAfterTheOneRobotsAttempt()
    {
        var options = Options();
        options.RespectRobotsTxt = true;
        var (fetcher, counter, services) = Build(options);
        await using var _ = services;

        var result = await fetcher.FetchAsync(new Uri("http://feed.pipeline-test.invalid/rss.xml"), trusted: true);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("does not resolve", result.Error);
        Assert.Equal(1, counter.Attempts); // robots.txt, not retried; the feed itself is not asked for
    }

    [Fact]
    public async Task Fetch_RefusedConnection_IsStillRetried()
    {
        // A loopback port that was just free: nothing listens there, so each attempt is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (fetcher, counter, services) = Build(Options());
        await using var _ = services;

        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed.xml"), trusted: true);

        Assert.Equal(FetchErrorKind.Network, result.ErrorKind);
        Assert.Equal(1 + 3, counter.Attempts);
    }

    [Fact]
    public async Task FetchListing_ThatNeverAnswers_GivesUpAtTheListingLimitInsteadOfRetryingOn()
    {
        // A loopback server that accepts every connection and never answers.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new ConcurrentBag<Socket>();
        var accepting = Task.Run(async () =>
        {
            try { while (true) held.Add(await listener.AcceptSocketAsync()); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        var options = Options();
        options.TimeoutSeconds = 2;
        options.ListingTimeoutSeconds = 3;
        var (fetcher, counter, services) = Build(options);
        await using var _ = services;

        var result = await fetcher.FetchListingAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/feed.xml"), null, null, CancellationToken.None);

        Assert.InRange(counter.Attempts, 1, 2); // attempts of 2 s within 3 s; without the limit, all 1 + 3
        Assert.Equal(FetchErrorKind.Timeout, result.ErrorKind);
        Assert.Contains("within 3 s", result.Error);
        listener.Stop();
        await accepting;
        foreach (var socket in held) socket.Dispose();
    }
}
