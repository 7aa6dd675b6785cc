namespace Pipeline.Ingest.Tests;

/// <summary>
/// Documents built to stall a parser or an extractor (issue 12): each is served by a hostile publisher in the Worker
/// fault suite and read directly by the Ingest tests. Built once: some are megabytes.
/// </summary>
public static class HostilePages
{
    /// <summary>200,000 nested &lt;div&gt;s (2.2 MB): AngleSharp's open-element stack makes each new one cost the depth.</summary>
    public static readonly string DeepNesting =
        "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "Belarus</body></html>";

    /// <summary>6 MB of '&lt;' and nothing else: every one starts a tag that never ends.</summary>
    public static readonly string ManyLessThan = new('<', 6_000_000);

    /// <summary>"&lt;!DOCTYPE[" a million times (10 MB): an internal subset that never closes, opened again and again.</summary>
    public static readonly string DoctypeBomb = string.Concat(Enumerable.Repeat("<!DOCTYPE[", 1_000_000));

    /// <summary>"&lt;!--" a million and a half times (6 MB): comments that never end.</summary>
    public static readonly string CommentBomb = string.Concat(Enumerable.Repeat("<!--", 1_500_000));

    /// <summary>850,000 empty comments (6 MB) around one paragraph: a node each.</summary>
    public static readonly string ManyComments =
        "<html><body><p>Belarus</p>" + string.Concat(Enumerable.Repeat("<!---->", 850_000)) + "</body></html>";

    /// <summary>One 4 MB word.</summary>
    public static readonly string OneLongWord = new('a', 4_000_000);
}
