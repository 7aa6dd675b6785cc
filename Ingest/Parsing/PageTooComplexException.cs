namespace Pipeline.Ingest.Parsing;

/// <summary>A page beyond what the pipeline reads: the message says which bound it crossed, in plain words.</summary>
public sealed class PageTooComplexException(string message) : Exception(message);
