using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Pipeline.Ingest.Fetching;

/// <summary>
/// The only class that does network I/O. Politeness lives here: descriptive User-Agent, conditional GET,
/// per-host concurrency limit, body size cap, manual redirects (so each hop is checked and permanent moves
/// are reported). Transient retries (5xx, 408, 429 with Retry-After, timeouts) come from the Polly pipeline
/// on the named <see cref="HttpClient"/> (see <see cref="FetchServiceCollectionExtensions"/>).
/// </summary>
public sealed class Fetcher(IHttpClientFactory clients, FetchOptions options, ILogger<Fetcher> logger)
{
    public const string ClientName = "pipeline-fetch";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts every HTTP request sent (benchmarks and tests read it).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);
    private long _requests;

    /// <summary>
    /// Fetches <paramref name="url"/>. A <paramref name="trusted"/> URL (a source's own address from the configuration)
    /// may point at a private network; links found inside feeds and pages, and every redirect, may not, unless
    /// <c>AllowPrivateNetworks</c> is set. robots.txt is honoured for every URL.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators = null, string? userAgent = null, bool trusted = false, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var result = await FetchCoreAsync(url, validators ?? Validators.None, userAgent, trusted, ct);
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>
    /// Fetches a source's listing (trusted unless <paramref name="trusted"/> says otherwise: see SourceRefresh) within <see cref="FetchOptions.ListingTimeoutSeconds"/> in all: attempts,
    /// retry waits, redirects, robots.txt and the body. A pass waits for its listings, and a feed that never answered held
    /// it for 90 s (attempts of 20 s and the waits between them, up to the per-request total); an item page keeps that
    /// total, as a source whose pages keep failing stops fetching them (<see cref="FetchOptions.MaxConsecutivePageFailures"/>).
    /// </summary>
    public async Task<FetchResult> FetchListingAsync(Uri url, Validators? validators, string? userAgent, CancellationToken ct, bool trusted = true)
    {
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(options.ListingTimeoutSeconds));
        try
        {
            return await FetchAsync(url, validators, userAgent, trusted, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return FetchResult.Fail(url, FetchErrorKind.Timeout, $"no complete answer within {options.ListingTimeoutSeconds:0.#} s, retries included") with { Elapsed = clock.Elapsed };
        }
    }

    private async Task<FetchResult> FetchCoreAsync(Uri url, Validators validators, string? userAgent, bool trusted, CancellationToken ct)
    {
        var current = url;
        bool permanent = false;
        for (int hop = 0; ; hop++)
        {
            if (current.Scheme is not ("http" or "https"))
                return FetchResult.Fail(url, FetchErrorKind.Blocked, $"only http and https links are fetched, not {current.Scheme}:");
            if (hop > options.MaxRedirects)
                return FetchResult.Fail(url, FetchErrorKind.TooManyRedirects, $"more than {options.MaxRedirects} redirects (last: {Redact(current)})");
            bool allowPrivate = options.AllowPrivateNetworks || (trusted && hop == 0);
            if (!allowPrivate && await PrivateAddressOfAsync(current, ct) is { } blocked)
                return FetchResult.Fail(url, FetchErrorKind.Blocked, blocked);
            if (options.RespectRobotsTxt && await RobotsRefusalAsync(current, userAgent, allowPrivate, ct) is { } refusal)
                return refusal with { RequestedUrl = url };

            var gate = _hostGates.GetOrAdd(current.Authority, _ => new SemaphoreSlim(Math.Max(1, options.MaxConcurrencyPerHost)));
            await gate.WaitAsync(ct);
            try
            {
                var step = await SendOnceAsync(url, current, hop == 0 ? validators : Validators.None, userAgent, allowPrivate, ct);
                if (step.Redirect is null)
                    return step.Result! with { FinalUrl = current, PermanentlyRedirected = permanent };
                if (hop == 0) permanent = step.Permanent;
                current = step.Redirect;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>Null when the host resolves only to public addresses; otherwise the reason in plain words.</summary>
    private static async Task<string?> PrivateAddressOfAsync(Uri url, CancellationToken ct)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(url.IdnHost, ct); }
            catch (System.Net.Sockets.SocketException) { return null; } // unresolvable: the request itself reports it
        }
        var bad = addresses.FirstOrDefault(a => !AddressGuard.IsPublic(a));
        return bad is null ? null : $"{url.Host} resolves to {bad}, a private, loopback or link-local address; links found in feeds may not go there";
    }

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, Task<RobotsRules> Rules)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HttpRequestOptionsKey<bool> AllowPrivateOption = new("pipeline.allow-private");

    /// <summary>The product token matched against robots.txt user-agent lines ("PipelineBot").</summary>
    private string ProductToken(string? userAgent) => (userAgent ?? options.UserAgent).Split('/', ' ')[0];

    private async Task<FetchResult?> RobotsRefusalAsync(Uri url, string? userAgent, bool allowPrivate, CancellationToken ct)
    {
        if (url.AbsolutePath == "/robots.txt") return null;
        var key = $"{url.Scheme}://{url.Authority}";
        var now = DateTimeOffset.UtcNow;
        if (!_robots.TryGetValue(key, out var cached) || cached.Expires < now)
        {
            cached = (now.AddHours(1), LoadRobotsAsync(new Uri(key + "/robots.txt"), userAgent, allowPrivate));
            _robots[key] = cached;
        }
        RobotsRules rules;
        try { rules = await cached.Rules.WaitAsync(ct); }
        catch (RobotsUnavailableException e)
        {
            _robots.TryRemove(key, out _); // try again next time rather than for an hour
            return FetchResult.Fail(url, e.Kind, $"robots.txt of {url.Host} could not be read ({e.Message}); nothing is fetched from a host whose rules are unknown");
        }
        return rules.IsAllowed(url.PathAndQuery) ? null
            : FetchResult.Fail(url, FetchErrorKind.Blocked, $"robots.txt of {url.Host} disallows {Redact(url)} for {ProductToken(userAgent)}");
    }

    private async Task<RobotsRules> LoadRobotsAsync(Uri robotsUrl, string? userAgent, bool allowPrivate)
    {
        // RFC 9309: 4xx means no rules; 5xx or unreachable means assume everything is disallowed.
        var step = await SendOnceAsync(robotsUrl, robotsUrl, Validators.None, userAgent, allowPrivate, CancellationToken.None);
        var result = step.Result;
        if (step.Redirect is not null || result is null) return RobotsRules.AllowAll;
        if (result.IsOk) return RobotsRules.Parse(result.Text, ProductToken(userAgent));
        if (result.Status is { } s && (int)s is >= 400 and < 500) return RobotsRules.AllowAll;
        if (result.ErrorKind is FetchErrorKind.EmptyBody) return RobotsRules.AllowAll;
        throw new RobotsUnavailableException(result.ErrorKind, result.Error ?? "unavailable");
    }

    private sealed class RobotsUnavailableException(FetchErrorKind kind, string message) : Exception(message)
    {
        public FetchErrorKind Kind { get; } = kind;
    }

    /// <summary>
    /// URLs in messages and logs never carry credentials: the user-info goes, and so does the value of every query
    /// parameter whose name looks like a secret (signed feed URLs, API keys, session ids). Matching by part of the name
    /// hides a harmless "keyword" or "postcode" now and then, which costs a log reader less than a leaked token.
    /// </summary>
    public static string Redact(Uri url)
    {
        var user = url.UserInfo.Length > 0 ? "***@" : "";
        var query = url.Query.Length > 1 ? "?" + string.Join('&', url.Query[1..].Split('&').Select(RedactParameter)) : url.Query;
        return $"{url.Scheme}://{user}{url.Authority}{url.AbsolutePath}{query}{url.Fragment}";
    }

    private static readonly string[] SecretNameParts = ["token", "key", "sig", "secret", "pass", "pwd", "auth", "session", "code", "credential"];

    private static string RedactParameter(string parameter)
    {
        var eq = parameter.IndexOf('=');
        if (eq < 0) return parameter;
        var name = Uri.UnescapeDataString(parameter[..eq]);
        return SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)) ? parameter[..(eq + 1)] + "***" : parameter;
    }

    private sealed record Step(FetchResult? Result, Uri? Redirect = null, bool Permanent = false);

    private async Task<Step> SendOnceAsync(Uri original, Uri url, Validators validators, string? userAgent, bool allowPrivate, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(AllowPrivateOption, allowPrivate);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent ?? options.UserAgent);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        if (validators.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators.LastModified is { } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);

        var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            Interlocked.Increment(ref _requests);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new Step(Classify(original, e));
        }

        using (response)
        {
            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400 && status != HttpStatusCode.NotModified)
            {
                var location = response.Headers.Location;
                if (location is null)
                    return new Step(FetchResult.Fail(original, FetchErrorKind.HttpError, $"HTTP {(int)status} redirect without a Location header", status));
                var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                return new Step(null, next, status is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect);
            }
            if (status == HttpStatusCode.NotModified)
                return new Step(new FetchResult { RequestedUrl = original, Outcome = FetchOutcome.NotModified, Status = status, Validators = validators });
            if (!response.IsSuccessStatusCode)
                return new Step(FetchResult.Fail(original, KindOf(status), Describe(status, response), status));

            var declaredLength = response.Content.Headers.ContentLength;
            if (declaredLength > options.MaxBodyBytes)
                return new Step(FetchResult.Fail(original, FetchErrorKind.TooLarge, $"body of {declaredLength:N0} bytes is over the {options.MaxBodyBytes:N0}-byte limit", status));
            byte[] body;
            try
            {
                body = await ReadCappedAsync(response.Content, declaredLength, ct);
            }
            catch (BodyTooLargeException)
            {
                return new Step(FetchResult.Fail(original, FetchErrorKind.TooLarge, $"body is over the {options.MaxBodyBytes:N0}-byte limit", status));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return new Step(Classify(original, e) with { Status = status });
            }
            if (body.Length == 0)
                return new Step(FetchResult.Fail(original, FetchErrorKind.EmptyBody, "the server answered 200 with an empty body", status));

            return new Step(new FetchResult
            {
                RequestedUrl = original,
                Outcome = FetchOutcome.Ok,
                Status = status,
                Body = body,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Validators = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R")),
            });
        }
    }

    /// <param name="declared">The Content-Length (already checked against the limit), when the server sent one: the buffer
    /// starts at that size, so a body that keeps its word is read into one array and returned without a copy.</param>
    private async Task<byte[]> ReadCappedAsync(HttpContent content, long? declared, CancellationToken ct)
    {
        // The attempt timeout covers the headers; the body gets its own deadline so a trickling server cannot hold a pass.
        using var bodyDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bodyDeadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds * 2));
        await using var stream = await content.ReadAsStreamAsync(bodyDeadline.Token);
        using var buffer = new MemoryStream(declared is > 0 and var n && n <= options.MaxBodyBytes ? (int)n : 64 * 1024);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        int read;
        try
        {
            while ((read = await stream.ReadAsync(chunk, bodyDeadline.Token)) > 0)
            {
                if (buffer.Length + read > options.MaxBodyBytes) throw new BodyTooLargeException();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the body did not arrive within {options.TimeoutSeconds * 2:0.#} s");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private sealed class BodyTooLargeException : Exception;

    private FetchResult Classify(Uri url, Exception e)
    {
        var (kind, message) = e switch
        {
            TimeoutRejectedException or TaskCanceledException or TimeoutException or OperationCanceledException
                => (FetchErrorKind.Timeout, e is TimeoutException ? e.Message : $"no answer within {options.TimeoutSeconds:0.#} s"),
            _ when Find<BlockedAddressException>(e) is { } b => (FetchErrorKind.Blocked, b.Message),
            _ when Find<AuthenticationException>(e) is not null => (FetchErrorKind.Tls, "the TLS handshake failed (certificate or protocol)"),
            HttpRequestException h => (FetchErrorKind.Network, $"network error: {h.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "the host name does not resolve",
                HttpRequestError.ConnectionError => "the connection was refused or reset",
                HttpRequestError.ResponseEnded => "the server closed the connection mid-response",
                HttpRequestError.InvalidResponse => "the server sent an invalid HTTP response",
                // .NET reports a reset before the response headers as Unknown; the inner exception says what happened.
                _ when Find<System.Net.Sockets.SocketException>(h) is { } se => $"the connection failed ({se.SocketErrorCode})",
                _ when Find<IOException>(h) is not null => "the connection was reset before the response arrived",
                _ => h.Message,
            }}"),
            IOException => (FetchErrorKind.Network, "network error: the connection was reset while reading the body"),
            _ => (FetchErrorKind.Network, $"{e.GetType().Name}: {e.Message}"),
        };
        logger.LogDebug("Fetch of {Url} failed: {Kind} {Message}", Redact(url), kind, message);
        return FetchResult.Fail(url, kind, message);
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    private static FetchErrorKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => FetchErrorKind.NotFound,
        HttpStatusCode.Gone => FetchErrorKind.Gone,
        HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => FetchErrorKind.Forbidden,
        HttpStatusCode.TooManyRequests => FetchErrorKind.RateLimited,
        HttpStatusCode.RequestTimeout => FetchErrorKind.Timeout,
        >= HttpStatusCode.InternalServerError => FetchErrorKind.ServerError,
        _ => FetchErrorKind.HttpError,
    };

    private static string Describe(HttpStatusCode status, HttpResponseMessage response) => status switch
    {
        HttpStatusCode.NotFound => "HTTP 404: the page does not exist (moved or removed?)",
        HttpStatusCode.Gone => "HTTP 410: the publisher removed this address for good",
        HttpStatusCode.Forbidden => "HTTP 403: the publisher refuses this client (bot protection?)",
        HttpStatusCode.Unauthorized => "HTTP 401: the page needs a login",
        HttpStatusCode.TooManyRequests => $"HTTP 429: rate limited{RetryAfterText(response.Headers.RetryAfter)} (retries exhausted)",
        >= HttpStatusCode.InternalServerError => $"HTTP {(int)status}: the publisher's server failed (retries exhausted)",
        _ => $"HTTP {(int)status} {response.ReasonPhrase}",
    };

    private static string RetryAfterText(RetryConditionHeaderValue? h) =>
        h?.Delta is { } d ? $", asked to wait {d.TotalSeconds:0} s" : h?.Date is { } t ? $", asked to wait until {t:u}" : "";
}
