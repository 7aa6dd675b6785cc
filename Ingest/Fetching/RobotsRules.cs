namespace Pipeline.Ingest.Fetching;

/// <summary>
/// robots.txt rules for one host (RFC 9309): the group for our product token, else the <c>*</c> group;
/// the longest matching Allow/Disallow path prefix wins, Allow on a tie; <c>*</c> and <c>$</c> patterns
/// supported. Pure.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsRules(List<(bool, string)> rules) => _rules = rules;

    public static readonly RobotsRules AllowAll = new([]);
    public static readonly RobotsRules DisallowAll = new([(false, "/")]);

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        List<string>? agents = null;
        List<(bool, string)>? rules = null;
        bool lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || agents is null)
                {
                    agents = [];
                    rules = [];
                    groups.Add((agents, rules));
                }
                agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else if (key is "allow" or "disallow" && rules is not null)
            {
                lastWasAgent = false;
                if (key == "disallow" && value.Length == 0) continue; // "Disallow:" allows everything
                rules.Add((key == "allow", value));
            }
            else lastWasAgent = false;
        }
        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a))).SelectMany(g => g.Rules).ToList();
        if (mine.Count == 0 && !groups.Any(g => g.Agents.Any(a => a != "*" && token.Contains(a))))
            mine = groups.Where(g => g.Agents.Contains("*")).SelectMany(g => g.Rules).ToList();
        return new RobotsRules(mine);
    }

    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt") return true;
        int bestLength = -1;
        bool allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (pattern.Length > bestLength || (pattern.Length == bestLength && allow))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var parts = pattern.Split('*');
        int pos = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                if (!path.StartsWith(part, StringComparison.Ordinal)) return false;
                pos = part.Length;
                continue;
            }
            var found = path.IndexOf(part, pos, StringComparison.Ordinal);
            if (found < 0) return false;
            pos = found + part.Length;
        }
        return !anchored || pos == path.Length || (parts.Length > 1 && parts[^1].Length == 0) || path.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
