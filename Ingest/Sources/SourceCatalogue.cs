using System.Text.RegularExpressions;
using Pipeline.Ingest.Parsing;

namespace Pipeline.Ingest.Sources;

/// <summary>
/// Checks the source catalogue (<c>Pipeline:Sources</c>) for what Ingest can tell: ids, addresses, kinds, selectors and
/// expectations. Every problem is one message naming its source; the host's validator adds the schedules (Quartz crons).
/// </summary>
public static partial class SourceCatalogue
{
    public static List<string> Validate(IReadOnlyList<SourceDefinition> sources)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            var name = Name(s, i);
            if (string.IsNullOrWhiteSpace(s.Id)) errors.Add($"{name}: missing Id");
            else if (!IdPattern().IsMatch(s.Id)) errors.Add($"{name}: Id may contain only letters, digits, '-', '_' and '.'");
            else if (seen.TryGetValue(s.Id, out var first)) errors.Add($"{name}: duplicate Id (also Pipeline:Sources:{first})");
            else seen[s.Id] = i;
            if (string.IsNullOrWhiteSpace(s.Url)) errors.Add($"{name}: missing Url");
            else if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                errors.Add($"{name}: Url '{s.Url}' is not an absolute http(s) address");
            if (s.Kind == SourceKind.Html && string.IsNullOrWhiteSpace(s.ItemSelector))
                errors.Add($"{name}: Kind is Html but ItemSelector is missing");
            foreach (var (key, selector) in new[]
                     {
                         ("ItemSelector", s.ItemSelector), ("LinkSelector", s.LinkSelector), ("TitleSelector", s.TitleSelector),
                         ("DateSelector", s.DateSelector), ("ContentSelector", s.ContentSelector),
                     })
                if (!string.IsNullOrWhiteSpace(selector) && !HtmlListingParser.IsValidSelector(selector))
                    errors.Add($"{name}: {key} '{selector}' is not valid CSS");
            if (s.ExpectMinItems is < 0) errors.Add($"{name}: ExpectMinItems must not be negative");
        }
        return errors;
    }

    /// <summary>How a problem names its source: by id, or by position when the id is missing.</summary>
    public static string Name(SourceDefinition source, int index) =>
        string.IsNullOrWhiteSpace(source.Id) ? $"source #{index} (Pipeline:Sources:{index})" : $"source '{source.Id}'";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
