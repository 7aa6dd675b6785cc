using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Bench.Corpus;

/// <summary>
/// Serves a <see cref="SyntheticWeb"/> from Kestrel on 127.0.0.1, one port per publisher (so the fetcher's
/// per-host limit applies per publisher, as with real sites), or one loopback address per publisher when given
/// (<c>hosts</c>, e.g. <see cref="ConsecutiveHosts"/> from 127.0.0.40: .40, .41, …). Every answer can be delayed
/// (<see cref="Latency"/>) to play a remote publisher, and <see cref="Intercept"/> lets a publisher misbehave.
/// Listings carry an ETag and Last-Modified and answer 304 to a matching conditional request (unless
/// <see cref="HonourConditional"/> is off); pages are rendered on request. Counts requests and body bytes by kind.
/// </summary>
public sealed class LoopbackWeb : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SyntheticWeb _web;
    private readonly Dictionary<string, (int P, int I)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, byte[]> _listings = new();
    public Uri[] BaseUrls { get; private set; } = [];
    public bool HonourConditional { get; set; } = true;

    /// <summary>
    /// Delay before every answer, drawn per path between the two bounds (deterministic: the same page waits as long in
    /// every run); zero = answer at once. Real publishers are remote: tens of milliseconds per request.
    /// The delay comes first, before <see cref="Intercept"/>: it plays the network between client and publisher, which a
    /// misbehaving publisher sits behind too, so a fault (hang, reset, error status) arrives after it like any answer.
    /// </summary>
    public (TimeSpan Min, TimeSpan Max) Latency { get; set; }

    /// <summary>
    /// Runs before the normal routes (after the <see cref="Latency"/> delay) with the index of the publisher the request
    /// came to (by the address it was sent to, so robots.txt too); returns true when it answered the request itself
    /// (a misbehaving publisher).
    /// </summary>
    public Func<HttpContext, int, Task<bool>>? Intercept { get; set; }

    public long ListingRequests, ListingNotModified, PageRequests, RobotsRequests, OtherRequests, BodyBytes, ConditionalRequests;
    /// <summary>Sum of the <see cref="Latency"/> delays of all answers so far (what the clients waited on the "network").</summary>
    public long LatencyTicks;
    /// <summary>Thread CPU time spent rendering pages (an artefact of the benchmark: a real publisher renders on its own machine).</summary>
    public long RenderCpuTicks;

    public void ResetCounters()
    {
        ListingRequests = ListingNotModified = PageRequests = RobotsRequests = OtherRequests = BodyBytes = ConditionalRequests = RenderCpuTicks = LatencyTicks = 0;
    }

    public long Requests => ListingRequests + PageRequests + RobotsRequests + OtherRequests;

    private static readonly byte[] Robots = Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /search\nDisallow: /admin/\n\nSitemap: /sitemap.xml\n");

    private LoopbackWeb(WebApplication app, SyntheticWeb web)
    {
        _app = app;
        _web = web;
        foreach (var a in web.All()) _pages[SyntheticWeb.ArticlePath(a)] = (a.Publisher, a.Index);
    }

    /// <param name="hosts">One loopback address per publisher (e.g. <see cref="ConsecutiveHosts"/>; all of 127.0.0.0/8 is
    /// loopback on Linux); null = 127.0.0.1 for all, one port each.</param>
    public static async Task<LoopbackWeb> StartAsync(SyntheticWeb web, IReadOnlyList<IPAddress>? hosts = null)
    {
        if (hosts is not null && hosts.Count < web.Publishers)
            throw new ArgumentException($"{hosts.Count} hosts for {web.Publishers} publishers", nameof(hosts));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (int p = 0; p < web.Publishers; p++) k.Listen(hosts?[p] ?? IPAddress.Loopback, 0);
            k.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var self = new LoopbackWeb(app, web);
        app.Run(self.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        if (addresses.Count < web.Publishers) throw new InvalidOperationException($"Kestrel bound {addresses.Count} ports for {web.Publishers} publishers");
        var urls = addresses.Select(a => new Uri(a.TrimEnd('/') + "/")).ToList();
        self.BaseUrls = hosts is null
            ? urls.Take(web.Publishers).ToArray()
            : hosts.Take(web.Publishers).Select(h => urls.Single(u => u.Host == h.ToString())).ToArray();
        return self;
    }

    /// <summary><paramref name="count"/> consecutive IPv4 addresses from <paramref name="first"/> (127.0.0.40, .41, …), for <c>hosts</c>.</summary>
    public static IReadOnlyList<IPAddress> ConsecutiveHosts(IPAddress first, int count)
    {
        var bytes = first.GetAddressBytes();
        return Enumerable.Range(0, count).Select(p =>
        {
            var next = (byte[])bytes.Clone();
            next[3] = checked((byte)(next[3] + p));
            return new IPAddress(next);
        }).ToList();
    }

    private TimeSpan LatencyFor(string path)
    {
        var (min, max) = Latency;
        uint h = 2166136261; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in path) h = (h ^ c) * 16777619;
        return min + (max - min) * (h % 1001 / 1000.0);
    }

    public Uri ListingUrl(int p) => new(BaseUrls[p], SyntheticWeb.ListingPath(p, _web.Kind(p)));
    public Uri PageUrl(GeneratedArticle a) => new(BaseUrls[a.Publisher], SyntheticWeb.ArticlePath(a));

    private static readonly string ETagFormat = "\"listing-{0}-v1\"";
    private const string LastModified = "Tue, 24 Nov 2026 10:00:00 GMT";

    private int PublisherOf(HttpContext ctx) => Array.FindIndex(BaseUrls, u =>
        u.Port == ctx.Connection.LocalPort && IPAddress.TryParse(u.Host, out var ip) && ip.Equals(ctx.Connection.LocalIpAddress));

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (Latency.Max > TimeSpan.Zero)
        {
            var delay = LatencyFor(path);
            Interlocked.Add(ref LatencyTicks, delay.Ticks);
            await Task.Delay(delay);
        }
        if (Intercept is { } intercept && await intercept(ctx, PublisherOf(ctx)))
        {
            Interlocked.Increment(ref OtherRequests);
            return;
        }
        if (_pages.TryGetValue(path, out var key))
        {
            Interlocked.Increment(ref PageRequests);
            var cpu0 = Infrastructure.Cpu.Thread();
            var body = Encoding.UTF8.GetBytes(_web.Page(key.P, key.I));
            Interlocked.Add(ref RenderCpuTicks, (Infrastructure.Cpu.Thread() - cpu0).Ticks);
            Interlocked.Add(ref BodyBytes, body.Length);
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.ContentLength = body.Length;
            await ctx.Response.Body.WriteAsync(body);
            return;
        }
        if (path == "/robots.txt")
        {
            Interlocked.Increment(ref RobotsRequests);
            Interlocked.Add(ref BodyBytes, Robots.Length);
            ctx.Response.ContentType = "text/plain";
            ctx.Response.ContentLength = Robots.Length;
            await ctx.Response.Body.WriteAsync(Robots);
            return;
        }
        if (TryListing(path, out int p))
        {
            Interlocked.Increment(ref ListingRequests);
            var etag = string.Format(System.Globalization.CultureInfo.InvariantCulture, ETagFormat, p);
            var inm = ctx.Request.Headers.IfNoneMatch.ToString();
            if (inm.Length > 0 || ctx.Request.Headers.IfModifiedSince.Count > 0) Interlocked.Increment(ref ConditionalRequests);
            if (HonourConditional && (inm == etag || (inm.Length == 0 && ctx.Request.Headers.IfModifiedSince.ToString() == LastModified)))
            {
                Interlocked.Increment(ref ListingNotModified);
                ctx.Response.StatusCode = 304;
                ctx.Response.Headers.ETag = etag;
                return;
            }
            var bytes = _listings.GetOrAdd(p, _ => Encoding.UTF8.GetBytes(_web.Listing(p, BaseUrls[p])));
            Interlocked.Add(ref BodyBytes, bytes.Length);
            ctx.Response.Headers.ETag = etag;
            ctx.Response.Headers.LastModified = LastModified;
            ctx.Response.ContentType = _web.Kind(p) switch
            {
                ListingKind.Rss => "application/rss+xml; charset=utf-8",
                ListingKind.Atom => "application/atom+xml; charset=utf-8",
                _ => "text/html; charset=utf-8",
            };
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes);
            return;
        }
        Interlocked.Increment(ref OtherRequests);
        ctx.Response.StatusCode = 404;
    }

    private bool TryListing(string path, out int p)
    {
        p = -1;
        if (!path.StartsWith("/p", StringComparison.Ordinal)) return false;
        int slash = path.IndexOf('/', 2);
        if (slash < 0 || !int.TryParse(path.AsSpan(2, slash - 2), out p) || p < 0 || p >= _web.Publishers) return false;
        return path == SyntheticWeb.ListingPath(p, _web.Kind(p));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
