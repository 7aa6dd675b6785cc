namespace Pipeline.Ingest.Sources;

/// <summary>How a source's listing is read.</summary>
public enum SourceKind
{
    /// <summary>RSS 0.9x/1.0/2.0, Atom or JSON Feed; the format is detected from the bytes.</summary>
    Feed,
    /// <summary>An HTML listing page read with CSS selectors.</summary>
    Html,
}

/// <summary>
/// One publisher endpoint from <c>Pipeline:Sources</c>. Per-source quirks (selectors, language,
/// user agent) are data here, never <c>if</c> branches in code.
/// </summary>
public sealed class SourceDefinition
{
    /// <summary>Stable identifier, unique in the catalogue (letters, digits, '-', '_').</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public SourceKind Kind { get; set; } = SourceKind.Feed;

    /// <summary>CSS selector of one listing entry (Html only).</summary>
    public string? ItemSelector { get; set; }
    /// <summary>CSS selector of the link inside an entry (default: the first <c>a[href]</c>).</summary>
    public string? LinkSelector { get; set; }
    /// <summary>CSS selector of the title inside an entry (default: the link text).</summary>
    public string? TitleSelector { get; set; }
    /// <summary>CSS selector of the date inside an entry (<c>datetime</c> attribute or text).</summary>
    public string? DateSelector { get; set; }
    /// <summary>Optional CSS selector of the article body on item pages, used before the generic extractor.</summary>
    public string? ContentSelector { get; set; }

    /// <summary>Canonical actor that usually speaks through this source (a hint for the classifier).</summary>
    public string? ActorHint { get; set; }
    /// <summary>
    /// Everything this source publishes is about Belarus (exile media, a Belarus country page, a Belarusian NGO): its
    /// items are never filtered as "not about Belarus", even when a text names the country in no form the relevance rule
    /// knows ("the regime", "Mińsk" misspelt, a court in Hrodna). The model still decides whether an item is a response.
    /// </summary>
    public bool AboutBelarus { get; set; }
    /// <summary>ISO 639-1 language of the source, used when a page does not declare one.</summary>
    public string? Language { get; set; }
    /// <summary>Quartz cron expression; defaults to <c>Pipeline:Schedule:Default</c>.</summary>
    public string? Schedule { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>How sure the URL is (research grade A, B, C or X); informational.</summary>
    public string? UrlGrade { get; set; }
    /// <summary>Free-text note for maintainers (why a quirk exists, what was checked).</summary>
    public string? Notes { get; set; }
    /// <summary>Fewer items than this in a successful fetch flags the source as unwell (placeholder pages).</summary>
    public int? ExpectMinItems { get; set; }
    /// <summary>Overrides the global User-Agent for publishers that refuse it.</summary>
    public string? UserAgent { get; set; }
    /// <summary>Fetch item pages (true) or rely on the feed's own text (false).</summary>
    public bool FetchArticles { get; set; } = true;
}
