namespace Pipeline.Ingest.Parsing;

/// <summary>One entry of a feed or listing page, before its article is fetched.</summary>
public sealed record ParsedEntry(string Title, Uri? Link, DateTimeOffset? Published, string? Summary, string? Id);

/// <summary>What a listing parse produced; <see cref="Format"/> names the detected format.</summary>
public sealed record ParsedListing(string Format, string? Title, IReadOnlyList<ParsedEntry> Entries);

/// <summary>A document that is not a feed (or not a readable one); the message says why in plain words.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
