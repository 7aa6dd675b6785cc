using System.Collections.Concurrent;

namespace Pipeline.Worker.Review.Auth;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> wrong passwords in a row for one name, that name
/// is locked for <see cref="LockSeconds"/> seconds (answered 429). Kept in memory: a restart forgets it, which is
/// acceptable for a handful of reviewers on one host. Only names that could exist are counted (the sign-in refuses the
/// others before any work), failures are forgotten after a quiet <see cref="Memory"/>, and at most
/// <see cref="MaxNames"/> names are kept, so a loop of junk sign-ins cannot grow memory; the rate limit per client
/// address bounds how fast names arrive at all.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const int LockSeconds = 60;
    public const int MaxNames = 10_000;
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    private readonly record struct State(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);

    private readonly ConcurrentDictionary<string, State> _names = new(StringComparer.OrdinalIgnoreCase);

    internal int Count => _names.Count;

    public bool IsLocked(string name) => _names.TryGetValue(name, out var s) && s.LockedUntil > clock.GetUtcNow();

    public void Failed(string name)
    {
        var now = clock.GetUtcNow();
        if (_names.Count >= MaxNames) Prune(now);
        _names.AddOrUpdate(name, _ => new State(1, now, DateTimeOffset.MinValue), (_, s) =>
        {
            if (s.LockedUntil > now) return s;
            var failures = s.LastFailure + Memory > now ? s.Failures + 1 : 1;
            // Locking resets the count: after the lock the name gets MaxFailures new tries.
            return failures >= MaxFailures ? new State(0, now, now.AddSeconds(LockSeconds)) : new State(failures, now, DateTimeOffset.MinValue);
        });
    }

    public void Succeeded(string name) => _names.TryRemove(name, out _);

    /// <summary>
    /// Forgets the quiet names; if a flood of fresh names still fills the table, the unlocked half that failed longest
    /// ago goes too (a locked name stays locked).
    /// </summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var entry in _names)
            if (entry.Value.LockedUntil <= now && entry.Value.LastFailure + Memory <= now) _names.TryRemove(entry);
        if (_names.Count < MaxNames) return;
        foreach (var entry in _names.Where(e => e.Value.LockedUntil <= now).OrderBy(e => e.Value.LastFailure).Take(_names.Count - MaxNames / 2).ToList())
            _names.TryRemove(entry);
    }
}
