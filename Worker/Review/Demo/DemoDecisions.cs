using Pipeline.Store;

namespace Pipeline.Worker.Review.Demo;

/// <summary>
/// A few decisions the <c>demo</c> command takes itself, so that a newcomer sees the published side too (the
/// statistics, <c>/responses.json</c>, the Atom feed) before reviewing anything: the most confident pending
/// candidate of each predicted type is approved as predicted, up to <see cref="Count"/>. Each is an ordinary
/// audited decision by the demo account, its kind marked <c>demo-approve</c> in the audit trail, and can be undone
/// like any other. The rest of the queue is left to the newcomer.
/// </summary>
public static class DemoDecisions
{
    public const int Count = 4;
    public const string Decision = "demo-approve";

    public static async Task<List<long>> SeedAsync(ReviewStore store, string reviewer, DateTimeOffset at, CancellationToken ct = default)
    {
        var (_, pending) = await store.QueueAsync(new QueueQuery(Status: "pending", Sort: "newest", Limit: 200), ct);
        var picks = pending.Where(e => e.ResponseTypes.Count > 0)
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.Id)
            .DistinctBy(e => e.ResponseTypes[0])
            .Take(Count)
            .ToList();
        var approved = new List<long>();
        foreach (var entry in picks)
        {
            if (await store.GetAsync(entry.Id, ct) is not { } c) continue;
            var r = await store.DecideAsync(c.Id, c.Version, reviewer, Decision,
                new ReviewState("approved", c.PredictedTypes, c.PredictedActor, c.PredictedActorType), at, ct);
            if (r.Outcome == ChangeOutcome.Changed) approved.Add(c.Id);
        }
        return approved;
    }
}
