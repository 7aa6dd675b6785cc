namespace Pipeline.Worker.Ingestion;

/// <summary>What one source's refresh did; printed at the end of a pass and logged by scheduled runs.</summary>
public sealed class SourceSummary(string sourceId)
{
    public string SourceId { get; } = sourceId;
    public string? Format { get; set; }
    public int Entries { get; set; }
    public int AlreadyKnown { get; set; }
    public int New { get; set; }
    public int Duplicates { get; set; }
    public int Filtered { get; set; }
    public int Queued { get; set; }
    public int ItemErrors { get; set; }
    public bool NotModified { get; set; }
    /// <summary>The source-level failure in plain words (listing could not be fetched or parsed).</summary>
    public string? Error { get; set; }
    public string? Warning { get; set; }
    /// <summary>Why the source was not polled in this pass (backing off after failures).</summary>
    public string? Skipped { get; set; }
    public TimeSpan Elapsed { get; set; }

    public override string ToString() => Skipped is not null ? $"{SourceId}: skipped — {Skipped}" : Error is not null
        ? $"{SourceId}: FAILED — {Error}"
        : NotModified
            ? $"{SourceId}: not modified since the last pass"
            : $"{SourceId}: {Entries} entries, {New} new, {Duplicates} duplicates, {Filtered} filtered, {Queued} queued, {ItemErrors} item errors" +
              (Warning is null ? "" : $" — warning: {Warning}");
}
