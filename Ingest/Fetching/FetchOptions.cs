using Microsoft.Extensions.Options;

namespace Pipeline.Ingest.Fetching;

/// <summary>How the fetcher talks to publishers: <c>Pipeline:Fetch</c>.</summary>
public sealed class FetchOptions
{
    public const string Section = "Pipeline:Fetch";

    /// <summary>Product token and contact URL, sent on every request.</summary>
    public string UserAgent { get; set; } = "PipelineBot/0.1 (+https://github.com/belarus-responses/pipeline; "
                                            + "monitoring of international responses to the crisis in Belarus)";
    /// <summary>Per-attempt timeout in seconds (default 20).</summary>
    public double TimeoutSeconds { get; set; } = 20;
    /// <summary>Whole request including retries, in seconds (default 90).</summary>
    public double TotalTimeoutSeconds { get; set; } = 90;
    /// <summary>A source's listing in all (attempts, retry waits, redirects, robots.txt, body), in seconds (default 30).</summary>
    public double ListingTimeoutSeconds { get; set; } = 30;
    /// <summary>Retries after the first attempt on transient failures (default 3).</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>Base delay of the jittered exponential backoff, in seconds (default 2).</summary>
    public double RetryBaseDelaySeconds { get; set; } = 2;
    /// <summary>Longest wait before any retry, in seconds (default 60): caps the backoff and a publisher's Retry-After alike.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>The earlier name of <see cref="MaxRetryDelaySeconds"/> (it never was only about Retry-After); settings files that
    /// still use it keep working.</summary>
    [Obsolete("use MaxRetryDelaySeconds")]
    public double MaxRetryAfterSeconds { get => MaxRetryDelaySeconds; set => MaxRetryDelaySeconds = value; }
    /// <summary>Concurrent requests to one host (default 2).</summary>
    public int MaxConcurrencyPerHost { get; set; } = 2;
    /// <summary>Sources refreshed in parallel during one pass (default 4).</summary>
    public int MaxParallelSources { get; set; } = 4;
    /// <summary>Largest body accepted, in bytes (default 10 MB).</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Most new items fetched per source per pass (default 200).</summary>
    public int MaxItemsPerSource { get; set; } = 200;
    /// <summary>Allow fetching loopback/private addresses (tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }
    /// <summary>Honour robots.txt (default true).</summary>
    public bool RespectRobotsTxt { get; set; } = true;
    /// <summary>A whole pass stops after this many seconds; unfinished sources are recorded as failed (default 3 hours).</summary>
    public double PassDeadlineSeconds { get; set; } = 3 * 3600;
    /// <summary>An HTTP proxy for every fetch (absolute URL); none by default. The environment's HTTP_PROXY and
    /// HTTPS_PROXY are ignored: through a proxy, the address guard sees the proxy's address, not the target's.</summary>
    public string? Proxy { get; set; }
    /// <summary>Most redirects followed (default 5).</summary>
    public int MaxRedirects { get; set; } = 5;
    /// <summary>After this many article pages of one source fail in a row at the network level (timeouts, resets), the
    /// rest of that source's new items in the pass are stored from the feed text without fetching their pages, so a
    /// broken publisher costs a few timeouts, not one per item (default 3; 0 turns it off).</summary>
    public int MaxConsecutivePageFailures { get; set; } = 3;
}

/// <summary>Checks <see cref="FetchOptions"/> when the host starts (and before any command): one message per problem,
/// starting with its key.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions f)
    {
        var errors = new List<string>();
        if (f.TimeoutSeconds <= 0) errors.Add("Pipeline:Fetch:TimeoutSeconds must be positive");
        if (f.TotalTimeoutSeconds < f.TimeoutSeconds) errors.Add("Pipeline:Fetch:TotalTimeoutSeconds must be at least TimeoutSeconds");
        if (f.ListingTimeoutSeconds < f.TimeoutSeconds) errors.Add("Pipeline:Fetch:ListingTimeoutSeconds must be at least TimeoutSeconds");
        if (f.MaxRetries is < 0 or > 10) errors.Add("Pipeline:Fetch:MaxRetries must be between 0 and 10");
        if (f.MaxConcurrencyPerHost < 1) errors.Add("Pipeline:Fetch:MaxConcurrencyPerHost must be at least 1");
        if (f.MaxParallelSources < 1) errors.Add("Pipeline:Fetch:MaxParallelSources must be at least 1");
        if (f.MaxBodyBytes < 1024) errors.Add("Pipeline:Fetch:MaxBodyBytes must be at least 1024");
        if (string.IsNullOrWhiteSpace(f.UserAgent) || !f.UserAgent.Contains("http", StringComparison.OrdinalIgnoreCase))
            errors.Add("Pipeline:Fetch:UserAgent must name the program and a contact URL (publishers need to reach the operator)");
        if (f.Proxy is { Length: > 0 } proxy
            && (!Uri.TryCreate(proxy, UriKind.Absolute, out var pu) || pu.Scheme is not ("http" or "https")))
            errors.Add($"Pipeline:Fetch:Proxy '{proxy}' is not an absolute http(s) address (e.g. http://proxy.internal:3128)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
