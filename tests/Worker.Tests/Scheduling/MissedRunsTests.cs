using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker.Tests.Scheduling;

public class MissedRunsTests
{
    private const string Nightly = "0 15 2 * * ?";
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Missed_LastCheckBeforeTonightsRun_IsTrue() =>
        Assert.True(MissedRuns.Missed(Nightly, TimeZoneInfo.Utc, Morning.AddDays(-1), Morning, TimeSpan.FromDays(2)));

    [Fact]
    public void Missed_CheckedAfterTonightsRun_IsFalse() =>
        Assert.False(MissedRuns.Missed(Nightly, TimeZoneInfo.Utc, new DateTimeOffset(2026, 11, 25, 2, 16, 0, TimeSpan.Zero), Morning, TimeSpan.FromDays(2)));

    [Fact]
    public void Missed_NeverChecked_IsTrue() =>
        Assert.True(MissedRuns.Missed(Nightly, TimeZoneInfo.Utc, null, Morning, TimeSpan.FromDays(2)));

    [Fact]
    public void Missed_WeeklyScheduleOutsideLookBack_IsFalse() =>
        Assert.False(MissedRuns.Missed("0 0 3 ? * MON", TimeZoneInfo.Utc, null, Morning /* a Wednesday */, TimeSpan.FromDays(1)));
}
