using System.Globalization;
using System.Text.Json;

namespace Pipeline.Store;

/// <summary>
/// What the database filters for the public explorer: the effective actor (compared without case), actor type and
/// response type of approved responses. The other filters (lifecycle, binding, target, date) depend on facts that a
/// reviewer's corrections override key by key, or on a date read from the text, so the page applies them in memory.
/// </summary>
public sealed record ExploreFilter(string? Actor = null, string? ActorType = null, string? ResponseType = null);

/// <summary>
/// An approved response as the explorer reads it: its labels (reviewed, else predicted), its stored facts with the
/// reviewer's corrections (<see cref="Facts"/>), and the start of its text only when no date of the act is stored
/// (the reader may then look for one in it); <see cref="Lead"/> is empty otherwise.
/// </summary>
public sealed record ExploredResponse(
    long Id, string Url, string Title, DateTimeOffset? Published, DateTimeOffset Fetched, IReadOnlyList<string> ResponseTypes,
    string? Actor, string? ActorType, ResponseFacts Facts, bool DateReviewed, string Lead);

/// <summary>
/// Read-only queries of the public explorer (<c>/explore</c>): approved responses, a duplicate cluster once (its
/// primary), as the published dataset counts them. Both providers run the same SQL; the JSON type test is the
/// <see cref="Database"/> helper's.
/// </summary>
public sealed class ExploreStore(Database db)
{
    /// <summary>Characters of a text read when no date of the act is stored: what the date finder looks at.</summary>
    public const int LeadLength = 1_200;

    /// <summary>
    /// Approved responses matching <paramref name="filter"/>, newest page first, at most <paramref name="limit"/> of them:
    /// the caller's bound on what one request reads. <c>Truncated</c> says that more rows matched.
    /// </summary>
    public async Task<(List<ExploredResponse> Rows, bool Truncated)> ApprovedAsync(ExploreFilter filter, int limit,
        CancellationToken ct = default)
    {
        const string types = "COALESCE(c.reviewed_types, c.response_types)";
        var where = new List<string> { "c.status = 'approved'", "i.duplicate_of IS NULL" };
        var args = new List<(string, object?)> { ("@lead", LeadLength), ("@limit", limit + 1) };
        if (filter.Actor is { } actor)
        {
            where.Add("LOWER(COALESCE(c.reviewed_actor, c.actor)) = LOWER(@actor)");
            args.Add(("@actor", actor));
        }
        if (filter.ActorType is { } actorType)
        {
            where.Add("COALESCE(c.reviewed_actor_type, c.actor_type) = @actor_type");
            args.Add(("@actor_type", actorType));
        }
        if (filter.ResponseType is { } type)
        {
            where.Add(db.JsonArrayContains(types, "@type"));
            args.Add(("@type", type));
        }
        await using var c = await db.OpenAsync(ct);
        // The text is read only where the candidate stores no date of the act: the reader then looks for one in its lead.
        await using var cmd = Sql.Command(c, null, $"""
            SELECT i.id, i.url, i.title, i.published, i.fetched, {types}, COALESCE(c.reviewed_actor, c.actor),
                   COALESCE(c.reviewed_actor_type, c.actor_type), c.binding, c.stance, c.lifecycle, c.targets, c.act_date,
                   c.reviewed_facts, CASE WHEN c.act_date IS NULL THEN SUBSTR(i.text, 1, @lead) ELSE '' END
            FROM items i JOIN candidates c ON c.item_id = i.id
            WHERE {string.Join(" AND ", where)}
            ORDER BY COALESCE(i.published, i.fetched) DESC, i.id DESC
            LIMIT @limit
            """, [.. args]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<ExploredResponse>();
        while (await r.ReadAsync(ct))
        {
            if (rows.Count == limit) return (rows, true);
            var reviewed = Sql.ReadString(r, 13);
            var binding = r.IsDBNull(8) ? (bool?)null : Convert.ToInt64(r.GetValue(8), CultureInfo.InvariantCulture) != 0;
            var stored = new ResponseFacts(binding, Sql.ReadString(r, 9), Sql.ReadString(r, 10),
                ResponseFacts.TargetsFromJson(Sql.ReadString(r, 11)), Sql.ReadString(r, 12));
            rows.Add(new ExploredResponse(r.GetInt64(0), r.GetString(1), r.GetString(2), Sql.ReadTime(r, 3), Sql.ReadTime(r, 4)!.Value,
                Strings(r.GetString(5)), Sql.ReadString(r, 6), Sql.ReadString(r, 7), stored.Effective(reviewed), ReviewsDate(reviewed),
                Sql.ReadString(r, 14) ?? ""));
        }
        return (rows, false);
    }

    /// <summary>The effective actors of approved responses, by name, at most <paramref name="limit"/>: the form's suggestions.</summary>
    public async Task<List<string>> ActorsAsync(int limit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, """
            SELECT DISTINCT COALESCE(c.reviewed_actor, c.actor)
            FROM items i JOIN candidates c ON c.item_id = i.id
            WHERE c.status = 'approved' AND i.duplicate_of IS NULL AND COALESCE(c.reviewed_actor, c.actor) IS NOT NULL
            ORDER BY 1
            LIMIT @limit
            """, ("@limit", limit));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    private static List<string> Strings(string json)
    {
        try { return JsonSerializer.Deserialize<List<string>>(json) ?? []; }
        catch (JsonException) { return []; }
    }

    /// <summary>True when the reviewer's corrections set the date (to a day, or to null: "the text does not say").</summary>
    private static bool ReviewsDate(string? reviewedJson)
    {
        if (string.IsNullOrWhiteSpace(reviewedJson)) return false;
        try { return System.Text.Json.Nodes.JsonNode.Parse(reviewedJson) is System.Text.Json.Nodes.JsonObject o && o.ContainsKey("date"); }
        catch (JsonException) { return false; }
    }
}
