namespace Pipeline.Store;

/// <summary>The facts of stored responses (migration 7): as predicted, and a reviewer's corrections of them.</summary>
public sealed record StoredFacts(ResponseFacts Predicted, string? Reviewed)
{
    /// <summary>The facts with the reviewer's corrections applied.</summary>
    public ResponseFacts Effective => Predicted.Effective(Reviewed);
}

/// <summary>
/// Reads the facts of candidates by item id, for readers whose query does not carry them (the published dataset reads
/// its page of approved responses first, then their facts in one statement per chunk).
/// </summary>
public sealed class FactsStore(Database db)
{
    /// <summary>The facts of the given items' candidates; items without a candidate are absent.</summary>
    public async Task<Dictionary<long, StoredFacts>> ReadAsync(IReadOnlyCollection<long> itemIds, CancellationToken ct = default)
    {
        var found = new Dictionary<long, StoredFacts>();
        if (itemIds.Count == 0) return found;
        await using var c = await db.OpenAsync(ct);
        foreach (var chunk in itemIds.Distinct().Chunk(400))
        {
            var names = chunk.Select((_, i) => $"@i{i}").ToArray();
            await using var cmd = Sql.Command(c, null, $"""
                SELECT c.item_id, c.binding, c.stance, c.lifecycle, c.targets, c.act_date, c.reviewed_facts
                FROM candidates c WHERE c.item_id IN ({string.Join(",", names)})
                """, chunk.Select((id, i) => (names[i], (object?)id)).ToArray());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                found[r.GetInt64(0)] = new StoredFacts(ItemStore.ReadFacts(r, 1), Sql.ReadString(r, 6));
        }
        return found;
    }
}
