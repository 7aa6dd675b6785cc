using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Classify;

namespace Pipeline.Worker.Review.Explore;

/// <summary>
/// One view of the public explorer as its query string says it (<c>?actor=…&amp;type=…&amp;from=2021-01&amp;to=…
/// &amp;binding=true&amp;lifecycle=adopted&amp;target=Belavia&amp;page=2</c>): parsed and bounded by <see cref="Parse"/>,
/// written back by <see cref="Url"/>, so every view is a link that can be shared. Months are kept as given
/// (<c>yyyy-MM</c> or <c>yyyy-MM-dd</c>); <see cref="FromDay"/> and <see cref="ToDay"/> are the days they bound.
/// </summary>
public sealed record ExploreQuery(
    string? Actor = null, string? ActorType = null, string? Type = null, string? Lifecycle = null, bool? Binding = null,
    string? Target = null, string? From = null, string? To = null, int Page = 1)
{
    /// <summary>The longest actor or target name accepted: longer values are no name of anything stored.</summary>
    public const int MaxText = 120;

    /// <summary>The last page reachable: together with the page size, the bound on what one request lists.</summary>
    public const int MaxPage = 200;

    /// <summary>The earliest and latest years a date filter may name (the crisis began in 2020; older data may exist).</summary>
    public const int MinYear = 1990, MaxYear = 2100;

    private static readonly string[] Keys = ["actor", "actor_type", "type", "lifecycle", "binding", "target", "from", "to", "page"];

    public DateOnly? FromDay => From is null ? null : Day(From, end: false);
    public DateOnly? ToDay => To is null ? null : Day(To, end: true);

    /// <summary>True when any filter is set (the page number is no filter).</summary>
    public bool Filtered => this with { Page = 1 } != new ExploreQuery();

    /// <summary>
    /// The view a request asks for, or why it is not one. Empty values are no filter; unknown keys are ignored (tracking
    /// tags and the like); a key given twice, a label outside the taxonomy, an over-long name, an impossible month or a
    /// page beyond <see cref="MaxPage"/> is refused.
    /// </summary>
    public static (ExploreQuery? Query, string? Error) Parse(IQueryCollection query, string? actorFromPath = null)
    {
        foreach (var key in Keys)
            if (query[key].Count > 1) return (null, $"give {key} once");
        string? Value(string key) => query[key].ToString().Trim() is { Length: > 0 } v ? v : null;

        var q = new ExploreQuery();
        var actor = actorFromPath ?? Value("actor");
        if (actor is { Length: > MaxText }) return (null, $"actor is a name of at most {MaxText} characters");
        var target = Value("target");
        if (target is { Length: > MaxText }) return (null, $"target is a name of at most {MaxText} characters");
        q = q with { Actor = actor, Target = target };

        if (Value("actor_type") is { } actorType)
        {
            if (!Taxonomy.IsActorType(actorType)) return (null, $"actor_type is one of {string.Join(", ", Taxonomy.ActorTypes)}");
            q = q with { ActorType = actorType };
        }
        if (Value("type") is { } type)
        {
            if (!Taxonomy.IsResponse(type)) return (null, $"type is one of {string.Join(", ", Taxonomy.ResponseTypes)}");
            q = q with { Type = type };
        }
        if (Value("lifecycle") is { } lifecycle)
        {
            if (Array.IndexOf(Taxonomy.Lifecycles, lifecycle) < 0)
                return (null, $"lifecycle is one of {string.Join(", ", Taxonomy.Lifecycles)}");
            q = q with { Lifecycle = lifecycle };
        }
        if (Value("binding") is { } binding)
        {
            if (binding is not ("true" or "false")) return (null, "binding is true or false");
            q = q with { Binding = binding == "true" };
        }
        foreach (var (key, end) in new[] { ("from", false), ("to", true) })
        {
            if (Value(key) is not { } text) continue;
            if (text.Length > 10 || Day(text, end) is null)
                return (null, $"{key} is a month (2021-01) or a day (2021-01-31) from {MinYear} to {MaxYear}");
            q = key == "from" ? q with { From = text } : q with { To = text };
        }
        if (q.FromDay > q.ToDay) return (null, "from is after to");
        if (Value("page") is { } page)
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxPage)
                return (null, $"page is a number from 1 to {MaxPage}");
            q = q with { Page = n };
        }
        return (q, null);
    }

    private static DateOnly? Day(string text, bool end)
    {
        var styles = DateTimeStyles.None;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day))
            return day.Year is >= MinYear and <= MaxYear ? day : null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month)) return null;
        if (month.Year is < MinYear or > MaxYear) return null;
        return end ? month.AddMonths(1).AddDays(-1) : month;
    }

    /// <summary>The link to this view: <c>/explore</c> and the set values in a fixed order (page only beyond the first).</summary>
    public string Url()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (value is not null) parts.Add(key + "=" + Uri.EscapeDataString(value));
        }
        Add("actor", Actor);
        Add("actor_type", ActorType);
        Add("type", Type);
        Add("lifecycle", Lifecycle);
        Add("binding", Binding is null ? null : Binding.Value ? "true" : "false");
        Add("target", Target);
        Add("from", From);
        Add("to", To);
        if (Page > 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/explore" : "/explore?" + string.Join('&', parts);
    }

    /// <summary>The link to an actor's page, which is this explorer with the actor set.</summary>
    public static string ActorUrl(string actor) => "/explore/actor/" + Uri.EscapeDataString(actor);

    /// <summary>The filters in words, with the key each one clears (for the "remove this filter" links).</summary>
    public IEnumerable<(string Label, ExploreQuery Without)> Described()
    {
        var first = this with { Page = 1 };
        if (Actor is not null) yield return ($"actor: {Actor}", first with { Actor = null });
        if (ActorType is not null) yield return ($"actor type: {ActorType}", first with { ActorType = null });
        if (Type is not null) yield return ($"type: {Words(Type)}", first with { Type = null });
        if (Lifecycle is not null) yield return ($"lifecycle: {Words(Lifecycle)}", first with { Lifecycle = null });
        if (Binding is not null) yield return (Binding.Value ? "binding" : "not binding", first with { Binding = null });
        if (Target is not null) yield return ($"target: {Target}", first with { Target = null });
        if (From is not null) yield return ($"from {From}", first with { From = null });
        if (To is not null) yield return ($"to {To}", first with { To = null });
    }

    private static string Words(string id) => new StringBuilder(id).Replace('_', ' ').ToString();
}
