namespace Pipeline.Ingest.Sources;

/// <summary>Everything under the <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public List<SourceDefinition> Sources { get; set; } = [];
    public ScheduleOptions Schedule { get; set; } = new();
    public FetchOptions Fetch { get; set; } = new();
    public StorageOptions Storage { get; set; } = new();
    public ClassifyOptions Classify { get; set; } = new();
    public ReviewOptions Review { get; set; } = new();
}

public sealed class ScheduleOptions
{
    /// <summary>Default Quartz cron for sources without their own: every night at 02:15.</summary>
    public string Default { get; set; } = "0 15 2 * * ?";
    /// <summary>Time zone id for cron triggers (default UTC).</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>With PostgreSQL: how often each worker checks in with the cluster, in seconds (default 15); a worker silent for twice this is presumed dead.</summary>
    public double ClusterCheckinSeconds { get; set; } = 15;
}

public sealed class FetchOptions
{
    /// <summary>Product token and contact URL, sent on every request.</summary>
    public string UserAgent { get; set; } = "PipelineBot/0.1 (+https://github.com/belarus-responses/pipeline; monitoring of international responses to the crisis in Belarus)";
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

public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c> (several workers; the schedule then lives in Quartz's clustered job store).</summary>
    public string Provider { get; set; } = "Sqlite";
    public string ConnectionString { get; set; } = "Data Source=data/pipeline.db";
    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
}

public sealed class ClassifyOptions
{
    /// <summary>Folder of model versions (default <c>data/models</c>).</summary>
    public string ModelDirectory { get; set; } = "data/models";
    /// <summary>Extra secondary response types are kept above this probability (default 0.25).</summary>
    public double SecondaryThreshold { get; set; } = 0.25;
    /// <summary>Queue threshold on P(any response type); null (the default) uses the one chosen on validation when the
    /// model was trained (see README, "The queue threshold").</summary>
    public double? QueueThreshold { get; set; }
    /// <summary>How much an approved or corrected review, or an example of a <c>train --data</c> file, weighs in training
    /// against one team-written example (default 3: see README, "Reviews teach", and the learning curve in BENCHMARKS.md).</summary>
    public double ReviewWeight { get; set; } = 3;
    /// <summary>Average the feature-text response model with a raw-text TF-IDF one (default true: better out of style, see
    /// BENCHMARKS.md; false trains in about half the time).</summary>
    public bool Companion { get; set; } = true;
    /// <summary>Quartz cron of the retraining job (<c>train --promote</c>); null or empty = off (the default).</summary>
    public string? RetrainSchedule { get; set; }

    /// <summary>The labelled corpus the classifier is trained on (JSONL files); empty = the corpus shipped with the program.</summary>
    public string? CorpusDirectory { get; set; }
}

public sealed class ReviewOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Sign-in attempts (POST /login) one client address may make per minute; more are answered 429 (default 10).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
    /// <summary>Sign in over plain HTTP on addresses other than loopback (a demo on a trusted network); off by default:
    /// there the session cookie is Secure and sign-in needs HTTPS, directly or through a TLS proxy.</summary>
    public bool AllowPlainHttp { get; set; }
    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed (IP addresses); with <see cref="KnownNetworks"/> empty
    /// too, the loopback addresses (a proxy on the same machine).</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of such proxies, in CIDR notation (10.0.0.0/8).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
