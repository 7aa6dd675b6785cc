using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Classify.Facts;
using Pipeline.Store;
using Pipeline.Worker.Classification;

namespace Pipeline.Worker.Export;

/// <summary>Writes stored items as JSONL or CSV, one record per item (the export contract of the README).</summary>
public static class Exporter
{
    public static readonly string[] Columns =
    [
        "id", "url", "canonical_url", "source", "title", "published", "fetched", "language", "text", "response_types", "scores",
        "actor", "actor_type", "date", "binding", "stance", "lifecycle", "targets", "legal_acts", "confidence", "status", "model_version",
        "duplicate_of", "duplicates",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Dictionary<string, object?> ToRecord(StoredItem i)
    {
        // The facts of the response as stored at ingest, those left NULL (older rows) read from the text, with a reviewer's
        // corrections applied; the date is the act's, read against the page's date (not the page's date itself).
        var facts = PredictedFacts.Complete(i.Facts, i.ReviewedFacts, i.Title, i.Text,
            DateOnly.FromDateTime((i.Published ?? i.Fetched).UtcDateTime), i.ResponseTypes.FirstOrDefault());
        return Record(i, facts);
    }

    private static Dictionary<string, object?> Record(StoredItem i, ResponseFacts facts) => new()
    {
        ["id"] = i.Id,
        ["url"] = i.Url,
        ["canonical_url"] = i.CanonicalUrl,
        ["source"] = i.SourceId,
        ["title"] = i.Title,
        ["published"] = i.Published?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["fetched"] = i.Fetched.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["language"] = i.Language,
        ["text"] = i.Text,
        ["response_types"] = i.ResponseTypes,
        ["scores"] = i.Scores.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
        ["actor"] = i.Actor,
        ["actor_type"] = i.ActorType,
        ["date"] = facts.ActDate,
        ["binding"] = facts.Binding,
        ["stance"] = facts.Stance,
        ["lifecycle"] = facts.Lifecycle,
        ["targets"] = facts.Targets.Select(t => t.Name).ToList(),
        // The legal instruments the text names (regulation and decision numbers, UN symbols…), read from the stored text,
        // or as a reviewer listed them.
        ["legal_acts"] = facts.LegalActs ?? [],
        ["confidence"] = Math.Round(i.Confidence, 4),
        ["status"] = i.Status,
        ["model_version"] = i.ModelVersion,
        ["duplicate_of"] = i.DuplicateOf,
        ["duplicates"] = i.DuplicateUrls,
    };

    public static async Task<int> WriteAsync(IAsyncEnumerable<StoredItem> items, string format, TextWriter output, CancellationToken ct)
    {
        if (format == "csv") return await WriteCsvAsync(items, output, ct);
        int n = 0;
        await foreach (var item in items.WithCancellation(ct))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(ToRecord(item), Json));
            n++;
        }
        return n;
    }

    private static async Task<int> WriteCsvAsync(IAsyncEnumerable<StoredItem> items, TextWriter output, CancellationToken ct)
    {
        int n = 0;
        await using var csv = Csv.Create(output);
        csv.WriteHeader(Columns);
        await foreach (var item in items.WithCancellation(ct))
        {
            var record = ToRecord(item);
            await csv.WriteRecordAsync(Columns.Select(c => CsvText(record[c])).ToArray(), ct);
            n++;
        }
        return n;
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable<string> list => string.Join("; ", list),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IConvertible c => c.ToString(CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, Json),
    };
}
