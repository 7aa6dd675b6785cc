namespace Pipeline.Ingest.Extracting;

/// <summary>The readable part of an item page.</summary>
public sealed record ExtractedArticle(string Title, string Text, DateTimeOffset? Published, string? Language, string Method);
