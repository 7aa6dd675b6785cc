using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Sources;

/// <summary>How serious a failure is: it sets how long a failing source is left alone.</summary>
public enum FailureWeight { Temporary, Soft, Hard }

/// <summary>
/// Health policy for failing sources (pure): error kinds are weighted — temporary (timeouts, 5xx, 429, network),
/// soft (not a feed, empty, too large), hard (404, 410, 403, blocked, TLS, redirect loops) — and a failing source
/// is retried after an exponential backoff with jitter from the weight's base delay, capped at a day.
/// </summary>
public static class SourceHealth
{
    public static readonly TimeSpan Cap = TimeSpan.FromDays(1);
    /// <summary>Consecutive 404/410 answers after which a source is reported as gone.</summary>
    public const int GoneAfter = 3;

    public static FailureWeight WeightOf(string kind) => kind switch
    {
        nameof(FetchErrorKind.NotFound) or nameof(FetchErrorKind.Gone) or nameof(FetchErrorKind.Forbidden) or nameof(FetchErrorKind.Blocked)
            or nameof(FetchErrorKind.Tls) or nameof(FetchErrorKind.TooManyRedirects) => FailureWeight.Hard,
        nameof(FetchErrorKind.NotAFeed) or nameof(FetchErrorKind.UnreadableListing) or nameof(FetchErrorKind.EmptyBody) or nameof(FetchErrorKind.TooLarge) or nameof(FetchErrorKind.HttpError) => FailureWeight.Soft,
        _ => FailureWeight.Temporary,
    };

    public static TimeSpan BaseDelay(FailureWeight weight) => weight switch
    {
        FailureWeight.Hard => TimeSpan.FromHours(6),
        FailureWeight.Soft => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(15),
    };

    /// <summary>When to try again after the <paramref name="consecutiveFailures"/>-th failure in a row; jitter in [0.8, 1.2).</summary>
    public static DateTimeOffset NextCheck(string kind, int consecutiveFailures, DateTimeOffset now, double jitter01)
    {
        var baseDelay = BaseDelay(WeightOf(kind));
        var factor = Math.Pow(2, Math.Clamp(consecutiveFailures - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(Cap.Ticks, baseDelay.Ticks * factor * (0.8 + 0.4 * jitter01)));
        return now + delay;
    }

    /// <summary>A one-word condition for status tables.</summary>
    public static string Condition(int consecutiveFailures, string? lastErrorKind, DateTimeOffset? nextCheck, string? flagged, DateTimeOffset now, DateTimeOffset? lastChecked)
    {
        if (lastChecked is null) return "new";
        if (consecutiveFailures >= GoneAfter && lastErrorKind is nameof(FetchErrorKind.NotFound) or nameof(FetchErrorKind.Gone)) return "gone";
        if (consecutiveFailures > 0) return nextCheck > now ? "backing-off" : "failing";
        return flagged is null ? "ok" : "suspect";
    }
}
