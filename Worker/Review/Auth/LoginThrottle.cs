using System.Collections.Concurrent;

namespace Pipeline.Worker.Review.Auth;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> wrong passwords in a row for one name, that name
/// is locked for <see cref="LockSeconds"/> seconds (answered 429). Kept in memory: a restart forgets it, which is
/// acceptable for a handful of reviewers on one host.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const int LockSeconds = 60;
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _names = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string name) => _names.TryGetValue(name, out var s) && s.LockedUntil > clock.GetUtcNow();

    public void Failed(string name) => _names.AddOrUpdate(name, _ => (1, DateTimeOffset.MinValue), (_, s) =>
    {
        var now = clock.GetUtcNow();
        if (s.LockedUntil > now) return s;
        // Locking resets the count: after the lock the name gets MaxFailures new tries.
        return s.Failures + 1 >= MaxFailures ? (0, now.AddSeconds(LockSeconds)) : (s.Failures + 1, DateTimeOffset.MinValue);
    });

    public void Succeeded(string name) => _names.TryRemove(name, out _);
}
