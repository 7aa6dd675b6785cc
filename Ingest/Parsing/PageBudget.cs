namespace Pipeline.Ingest.Parsing;

/// <summary>
/// The time one fetched page may take to parse and extract. A pass deadline cannot interrupt CPU-bound work, so the
/// work itself checks the budget (at every element parsed, every node walked, and between stages) and gives the page
/// up as too complex once it is spent.
/// </summary>
public sealed class PageBudget(TimeSpan limit) : IDisposable
{
    /// <summary>Wall-clock time, as no CPU time per thread is portable; the largest of 181 benchmark pages takes under a
    /// third of a second, so a busy machine still has ample room.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _timer = new(limit);

    /// <summary>Cancelled when the time is spent, for library calls that take a token.</summary>
    public CancellationToken Token => _timer.Token;

    public void Check()
    {
        if (_timer.IsCancellationRequested)
            throw new PageTooComplexException($"it could not be read within {limit.TotalSeconds:0.#} s");
    }

    public void Dispose() => _timer.Dispose();
}
