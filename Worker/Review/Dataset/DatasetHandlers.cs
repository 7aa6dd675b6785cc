using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Runtime.CompilerServices;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Review.Queue;

namespace Pipeline.Worker.Review.Dataset;

/// <summary>One approved response as published. Reviewers are not named: some work from exile. <see cref="Date"/> is the
/// page's date; <see cref="ActDate"/>, <see cref="Binding"/>, <see cref="Stance"/>, <see cref="Lifecycle"/> and
/// <see cref="Targets"/> (canonical names) and <see cref="LegalActs"/> (normalised references, read from the title and
/// the first <see cref="ReviewStore.LeadLength"/> characters of the text) are the facts of the response as reviewed, else as
/// predicted (issue 15).</summary>
public sealed record ResponseRecord(
    long Id, string? Date, string Title, string? Url, string Source, string SourceName, string? Language, string PrimaryType,
    IReadOnlyList<string> ResponseTypes, string? Actor, string? ActorType, IReadOnlyList<string> CoActors, IReadOnlyList<string> Duplicates,
    DateTimeOffset? Approved, string Excerpt, string? ActDate = null, bool? Binding = null, string? Stance = null, string? Lifecycle = null,
    IReadOnlyList<string>? Targets = null, IReadOnlyList<string>? LegalActs = null);

/// <summary>The JSON dataset: <see cref="Count"/> responses from <see cref="Offset"/> on, of <see cref="Total"/>.</summary>
public sealed record DatasetDocument(string Title, string Description, DateTimeOffset Generated, int Total, int Offset, int Count, IAsyncEnumerable<ResponseRecord> Responses);

/// <summary>
/// The published dataset: every approved response (a duplicate cluster once, with the other URLs), as JSON, CSV and
/// Atom. Public and read-only; it carries labels, links and a short excerpt, not the publishers' full texts. JSON and CSV
/// take an optional page (<c>limit</c>, <c>offset</c>) and stream the rows as the database yields them; anonymous
/// answers are kept in ASP.NET Core's output cache for a minute, and every decision evicts them (<see cref="CacheTag"/>).
/// </summary>
public static class DatasetHandlers
{
    public const string Title = "International responses to the crisis in Belarus";
    public const string Description = "Responses collected by Pipeline and approved by civil-society reviewers; labels follow the project taxonomy.";
    public const int ExcerptLength = 280;
    public const int AtomEntries = 200;
    public const string CachePolicy = "dataset";
    public const string CacheTag = "dataset";

    /// <summary><c>GET /responses.json[?limit=&amp;offset=]</c></summary>
    public static async Task Json(HttpContext context, ReviewStore store, FactsStore facts, PipelineOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        if (Page(context.Request, out var limit, out var offset) is { } error)
        {
            await TypedResults.BadRequest(new ApiError(error)).ExecuteAsync(context);
            return;
        }
        Public(context);
        // The first row brings the total (counted by the same statement); the others stream into the response as they are read.
        await using var rows = store.ApprovedAsync(limit, offset, ct).GetAsyncEnumerator(ct);
        var first = await rows.MoveNextAsync() ? rows.Current : null;
        var total = first?.Total ?? await store.ApprovedCountAsync(ct);
        var count = Math.Clamp(total - offset, 0, limit ?? int.MaxValue);
        var records = Records(first, rows, facts, options, ct);
        await TypedResults.Ok(new DatasetDocument(Title, Description, clock.GetUtcNow(), total, offset, count, records)).ExecuteAsync(context);
    }

    /// <summary>Rows read with their facts: the facts of each chunk of <see cref="FactsChunk"/> rows in one statement.</summary>
    public const int FactsChunk = 100;

    private static async IAsyncEnumerable<ResponseRecord> Records(PublishedResponse? first, IAsyncEnumerator<PublishedResponse> rest,
        FactsStore facts, PipelineOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        if (first is null) yield break;
        var chunk = new List<PublishedResponse> { first };
        bool more = true;
        while (chunk.Count > 0)
        {
            while (more && chunk.Count < FactsChunk && (more = await rest.MoveNextAsync())) chunk.Add(rest.Current);
            var read = await facts.ReadAsync(chunk.Select(r => r.Id).ToList(), ct);
            foreach (var r in chunk) yield return Record(r, options, read.GetValueOrDefault(r.Id));
            chunk.Clear();
        }
    }

    /// <summary><c>GET /responses.csv[?limit=&amp;offset=]</c></summary>
    public static async Task Csv(HttpContext context, ReviewStore store, FactsStore facts, PipelineOptions options, CancellationToken ct)
    {
        if (Page(context.Request, out var limit, out var offset) is { } error)
        {
            await TypedResults.BadRequest(new ApiError(error)).ExecuteAsync(context);
            return;
        }
        Public(context);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "inline; filename=\"belarus-responses.csv\"";
        await using var csv = Export.Csv.Create(context.Response.Body);
        csv.WriteHeader(["id", "date", "act_date", "title", "url", "source", "language", "primary_type", "response_types", "actor", "actor_type", "co_actors",
            "duplicates", "approved", "binding", "stance", "lifecycle", "targets", "legal_acts"]);
        await using var rows = store.ApprovedAsync(limit, offset, ct).GetAsyncEnumerator(ct);
        var first = await rows.MoveNextAsync() ? rows.Current : null;
        await foreach (var r in Records(first, rows, facts, options, ct))
        {
            await csv.WriteRecordAsync([
                r.Id.ToString(CultureInfo.InvariantCulture), r.Date, r.ActDate, r.Title, r.Url, r.SourceName, r.Language, r.PrimaryType,
                string.Join('|', r.ResponseTypes), r.Actor, r.ActorType, string.Join('|', r.CoActors), string.Join('|', r.Duplicates),
                r.Approved?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.Binding is { } b ? (b ? "true" : "false") : null, r.Stance, r.Lifecycle, string.Join('|', r.Targets ?? []),
                string.Join('|', r.LegalActs ?? [])], ct);
        }
    }

    /// <summary>The optional page of a dataset request, or why it is not one.</summary>
    private static string? Page(HttpRequest request, out int? limit, out int offset)
    {
        limit = null;
        offset = 0;
        if (request.Query["limit"].ToString() is { Length: > 0 } l)
        {
            if (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return "limit is a number from 1 (absent: every response)";
            limit = n;
        }
        if (request.Query["offset"].ToString() is { Length: > 0 } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return "offset is a number from 0";
        return null;
    }

    /// <summary>
    /// <c>GET /responses.atom</c>: the newest approved responses, each with its types and facts as Atom categories
    /// (schemes <c>urn:pipeline:response_type</c>, <c>binding</c>, <c>stance</c>, <c>lifecycle</c>, <c>target</c>) and the
    /// act's day in the summary, so a feed reader can filter on them.
    /// </summary>
    public static async Task<ContentHttpResult> Atom(HttpContext context, ReviewStore store, FactsStore facts, PipelineOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        Public(context);
        await using var rows = store.ApprovedAsync(AtomEntries, 0, ct).GetAsyncEnumerator(ct);
        var first = await rows.MoveNextAsync() ? rows.Current : null;
        var records = await Records(first, rows, facts, options, ct).ToListAsync(ct);
        var self = $"{context.Request.Scheme}://{context.Request.Host}/responses.atom";
        var sb = new StringBuilder();
        // XmlWriter escapes every value (a title carrying markup stays text in the feed); XmlText drops what it cannot escape.
        using (var w = XmlWriter.Create(new StringWriter(sb), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", Title);
            w.WriteElementString("subtitle", Description);
            w.WriteElementString("id", self);
            Link(w, self, "self", "application/atom+xml");
            w.WriteElementString("updated", Stamp(records.Max(r => r.Approved) ?? clock.GetUtcNow()));
            w.WriteStartElement("author");
            w.WriteElementString("name", "Pipeline reviewers");
            w.WriteEndElement();
            foreach (var r in records)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("id", $"{self}#response-{r.Id}");
                w.WriteElementString("title", XmlText(r.Title));
                if (r.Url is not null) Link(w, r.Url, "alternate", null);
                foreach (var d in r.Duplicates) if (CandidateHandlers.SafeUrl(d) is { } u) Link(w, u, "related", null);
                w.WriteElementString("updated", Stamp(r.Approved ?? clock.GetUtcNow()));
                if (r.Date is not null) w.WriteElementString("published", r.Date + "T00:00:00Z");
                w.WriteStartElement("author");
                w.WriteElementString("name", XmlText(r.Actor ?? "unknown"));
                w.WriteEndElement();
                foreach (var t in r.ResponseTypes) Category(w, t, "response_type");
                Category(w, r.Binding switch { true => "binding", false => "not_binding", null => null }, "binding");
                Category(w, r.Stance, "stance");
                Category(w, r.Lifecycle, "lifecycle");
                foreach (var t in r.Targets ?? []) Category(w, t, "target");
                foreach (var a in r.LegalActs ?? []) Category(w, a, "legal_act");
                w.WriteStartElement("summary");
                w.WriteAttributeString("type", "text");
                var act = r.ActDate is null ? "" : $" Act of {r.ActDate}.";
                var types = string.Join(", ", r.ResponseTypes);
                w.WriteString(XmlText($"{types} — {r.Actor} ({r.ActorType}), via {r.SourceName}.{act} {r.Excerpt}"));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // StringWriter makes XmlWriter declare utf-16; the response is UTF-8.
        var xml = sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
        return TypedResults.Content(xml, "application/atom+xml; charset=utf-8");
    }

    private static void Category(XmlWriter w, string? term, string scheme)
    {
        if (string.IsNullOrEmpty(term)) return;
        w.WriteStartElement("category");
        w.WriteAttributeString("term", XmlText(term));
        w.WriteAttributeString("scheme", "urn:pipeline:" + scheme);
        w.WriteEndElement();
    }

    /// <summary>A published record. <paramref name="facts"/>: the candidate's stored facts; those left NULL (rows stored
    /// before migration 7) are read from the title and lead, and the reviewer's corrections apply.</summary>
    public static ResponseRecord Record(PublishedResponse r, PipelineOptions options, StoredFacts? facts = null)
    {
        // `date` is the page's; the act's date comes with the other facts.
        var f = PredictedFacts.Complete(facts?.Predicted ?? ResponseFacts.None, facts?.Reviewed, r.Title, r.Lead,
            DateOnly.FromDateTime((r.Published ?? r.Fetched).UtcDateTime), r.ResponseTypes.FirstOrDefault());
        return new(
            r.Id, (r.Published ?? r.Fetched).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title, CandidateHandlers.SafeUrl(r.Url),
            r.SourceId, CandidateHandlers.SourceName(options, r.SourceId), r.Language, r.ResponseTypes.FirstOrDefault() ?? "", r.ResponseTypes,
            r.Actor, r.ActorType, r.CoActors, r.DuplicateUrls, r.Decided, Excerpt(r.Lead, r.TextContinues), f.ActDate, f.Binding, f.Stance, f.Lifecycle,
            f.Targets.Select(t => t.Name).ToList(), f.LegalActs ?? []);
    }

    /// <summary>The first words of the text, from its lead (the store reads no more of it): at most <see cref="ExcerptLength"/> characters, cut at a space.</summary>
    private static string Excerpt(string lead, bool continues)
    {
        var flat = string.Join(' ', lead.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength) return continues ? flat + "…" : flat;
        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + "…";
    }

    private static void Public(HttpContext context)
    {
        // Open data: any site may read it (no cookies are involved), and caches may keep it for a few minutes.
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "public, max-age=300";
    }

    private static void Link(XmlWriter w, string href, string rel, string? type)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", XmlText(href));
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    /// <summary>
    /// Scraped text without the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE and
    /// U+FFFF): XmlWriter refuses them, and one in an approved title made the whole feed a 500.
    /// </summary>
    public static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text, i++, 2);
        }
        return sb.ToString();
    }

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
