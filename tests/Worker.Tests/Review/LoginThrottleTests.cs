using Pipeline.Worker.Review.Auth;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The per-name lock after wrong passwords: it forgets quiet names and never grows without bound.</summary>
public class LoginThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Failures_AreForgottenAfterAQuietHour()
    {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MaxFailures - 1; i++) throttle.Failed("alice");

        clock.Now += TimeSpan.FromHours(1);
        throttle.Failed("alice");

        Assert.False(throttle.IsLocked("alice")); // one typo today does not add to last week's
        Assert.Equal(1, throttle.Count);
    }

    [Fact]
    public void ManyNames_AreBoundedAndLockedNamesStayLocked()
    {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MaxFailures; i++) throttle.Failed("alice");

        for (int i = 0; i < 30_000; i++) throttle.Failed("junk" + i);

        Assert.InRange(throttle.Count, 1, 10_000);
        Assert.True(throttle.IsLocked("alice"));
        clock.Now += TimeSpan.FromSeconds(LoginThrottle.LockSeconds);
        Assert.False(throttle.IsLocked("alice"));
    }
}
