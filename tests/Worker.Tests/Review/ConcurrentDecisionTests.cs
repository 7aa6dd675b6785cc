using System.Net;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>Reviewers deciding the same candidate at the same moment: one decision wins, the others are told so.</summary>
[Collection(ReviewCollection.Name)]
public class ConcurrentDecisionTests
{
    [Fact]
    public async Task Review_SameVersionDecidedConcurrently_OneWinsTheRestGet409()
    {
        // On PostgreSQL the second UPDATE … WHERE version = N waited for the first, found no row and surfaced as a 500.
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var bob = await ReviewerAsync(factory, Bob);
        var targets = (await world.PendingAsync()).Take(3).ToList();

        foreach (var target in targets)
        {
            var racing = Enumerable.Range(0, 8).Select(i => ReviewAsync(i % 2 == 0 ? alice : bob, target.Id,
                new { decision = i % 2 == 0 ? "approve" : "reject", response_types = i % 2 == 0 ? null : new[] { "irrelevant" }, version = target.Version }));
            var statuses = (await Task.WhenAll(racing)).Select(r => r.StatusCode).ToList();

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
            Assert.Single(await world.Reviews.AuditAsync(target.Id));
        }
    }
}
