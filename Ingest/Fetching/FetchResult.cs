using System.Net;

namespace Pipeline.Ingest.Fetching;

/// <summary>A small closed set of failure kinds, each with a plain-words message for the health page.</summary>
public enum FetchErrorKind
{
    None,
    Timeout,
    Network,
    Tls,
    NotFound,
    Gone,
    Forbidden,
    RateLimited,
    ServerError,
    HttpError,
    TooLarge,
    EmptyBody,
    Blocked,
    TooManyRedirects,
    NotAFeed,
    /// <summary>An HTML listing page (Kind = Html) that could not be read: beyond the parser's bounds, or no ItemSelector.</summary>
    UnreadableListing,
}

public enum FetchOutcome { Ok, NotModified, Failed }

/// <summary>Validators of a previous 200 response, sent back as a conditional GET.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);
}

/// <summary>The result of one fetch; failure is a value, never an exception.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }
    public FetchOutcome Outcome { get; init; }
    public HttpStatusCode? Status { get; init; }
    public Uri? FinalUrl { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public Validators Validators { get; init; } = Validators.None;
    public FetchErrorKind ErrorKind { get; init; }
    public string? Error { get; init; }
    /// <summary>True when a redirect was marked permanent (301/308) on the way.</summary>
    public bool PermanentlyRedirected { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool IsOk => Outcome == FetchOutcome.Ok;

    public string Text => CharsetDetector.Decode(Body, ContentType);

    public static FetchResult Fail(Uri url, FetchErrorKind kind, string message, HttpStatusCode? status = null) =>
        new() { RequestedUrl = url, Outcome = FetchOutcome.Failed, ErrorKind = kind, Error = message, Status = status };
}
