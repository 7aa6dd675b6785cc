using System.Text.RegularExpressions;
using Pipeline.Ingest.Sources;
using Quartz;

namespace Pipeline.Worker.Configuration;

/// <summary>
/// Validates the whole configuration before anything runs, so a bad value stops the program at start and
/// not at 3 a.m. Every problem is listed, each naming its source.
/// </summary>
public static partial class ConfigValidator
{
    public static List<string> Validate(PipelineOptions o)
    {
        var errors = new List<string>();
        if (!IsCron(o.Schedule.Default))
            errors.Add($"Pipeline:Schedule:Default '{o.Schedule.Default}' is not a valid Quartz cron expression (e.g. \"0 15 2 * * ?\" = 02:15 every night)");
        try { TimeZoneInfo.FindSystemTimeZoneById(o.Schedule.TimeZone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"Pipeline:Schedule:TimeZone '{o.Schedule.TimeZone}' is not a known time zone");
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < o.Sources.Count; i++)
        {
            var s = o.Sources[i];
            var name = string.IsNullOrWhiteSpace(s.Id) ? $"source #{i} (Pipeline:Sources:{i})" : $"source '{s.Id}'";
            if (string.IsNullOrWhiteSpace(s.Id)) errors.Add($"{name}: missing Id");
            else if (!IdPattern().IsMatch(s.Id)) errors.Add($"{name}: Id may contain only letters, digits, '-', '_' and '.'");
            else if (seen.TryGetValue(s.Id, out var first)) errors.Add($"{name}: duplicate Id (also Pipeline:Sources:{first})");
            else seen[s.Id] = i;
            if (string.IsNullOrWhiteSpace(s.Url)) errors.Add($"{name}: missing Url");
            else if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                errors.Add($"{name}: Url '{s.Url}' is not an absolute http(s) address");
            if (s.Schedule is not null && !IsCron(s.Schedule))
                errors.Add($"{name}: Schedule '{s.Schedule}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 3 * * ?\")");
            if (s.Kind == SourceKind.Html && string.IsNullOrWhiteSpace(s.ItemSelector))
                errors.Add($"{name}: Kind is Html but ItemSelector is missing");
            foreach (var (key, selector) in new[] { ("ItemSelector", s.ItemSelector), ("LinkSelector", s.LinkSelector), ("TitleSelector", s.TitleSelector),
                         ("DateSelector", s.DateSelector), ("ContentSelector", s.ContentSelector) })
                if (!string.IsNullOrWhiteSpace(selector) && !Pipeline.Ingest.Parsing.HtmlListingParser.IsValidSelector(selector))
                    errors.Add($"{name}: {key} '{selector}' is not valid CSS");
            if (s.ExpectMinItems is < 0) errors.Add($"{name}: ExpectMinItems must not be negative");
        }

        var f = o.Fetch;
        if (f.TimeoutSeconds <= 0) errors.Add("Pipeline:Fetch:TimeoutSeconds must be positive");
        if (f.TotalTimeoutSeconds < f.TimeoutSeconds) errors.Add("Pipeline:Fetch:TotalTimeoutSeconds must be at least TimeoutSeconds");
        if (f.ListingTimeoutSeconds < f.TimeoutSeconds) errors.Add("Pipeline:Fetch:ListingTimeoutSeconds must be at least TimeoutSeconds");
        if (f.MaxRetries is < 0 or > 10) errors.Add("Pipeline:Fetch:MaxRetries must be between 0 and 10");
        if (f.MaxConcurrencyPerHost < 1) errors.Add("Pipeline:Fetch:MaxConcurrencyPerHost must be at least 1");
        if (f.MaxParallelSources < 1) errors.Add("Pipeline:Fetch:MaxParallelSources must be at least 1");
        if (f.MaxBodyBytes < 1024) errors.Add("Pipeline:Fetch:MaxBodyBytes must be at least 1024");
        if (string.IsNullOrWhiteSpace(f.UserAgent) || !f.UserAgent.Contains("http", StringComparison.OrdinalIgnoreCase))
            errors.Add("Pipeline:Fetch:UserAgent must name the program and a contact URL (publishers need to reach the operator)");
        if (f.Proxy is { Length: > 0 } proxy && (!Uri.TryCreate(proxy, UriKind.Absolute, out var pu) || pu.Scheme is not ("http" or "https")))
            errors.Add($"Pipeline:Fetch:Proxy '{proxy}' is not an absolute http(s) address (e.g. http://proxy.internal:3128)");
        if (!o.Storage.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !o.Storage.IsPostgres)
            errors.Add($"Pipeline:Storage:Provider '{o.Storage.Provider}' is not supported (use Sqlite or Postgres)");
        if (string.IsNullOrWhiteSpace(o.Storage.ConnectionString)) errors.Add("Pipeline:Storage:ConnectionString is empty");
        if (!string.IsNullOrWhiteSpace(o.Classify.RetrainSchedule) && !IsCron(o.Classify.RetrainSchedule))
            errors.Add($"Pipeline:Classify:RetrainSchedule '{o.Classify.RetrainSchedule}' is not a valid Quartz cron expression");
        if (o.Classify.SecondaryThreshold is <= 0 or >= 1) errors.Add("Pipeline:Classify:SecondaryThreshold must be between 0 and 1");
        if (o.Classify.ReviewWeight is <= 0 or > 100) errors.Add("Pipeline:Classify:ReviewWeight must be above 0 and at most 100");
        if (o.Classify.QueueThreshold is <= 0 or > 1) errors.Add("Pipeline:Classify:QueueThreshold must be above 0 and at most 1 (or absent: the model's own)");
        if (o.Review.LoginAttemptsPerMinute < 1) errors.Add("Pipeline:Review:LoginAttemptsPerMinute must be at least 1");
        foreach (var address in o.Review.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            errors.Add($"Pipeline:Review:KnownProxies: '{address}' is not an IP address");
        foreach (var network in o.Review.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            errors.Add($"Pipeline:Review:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)");
        return errors;
    }

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return false;
        try { return CronExpression.TryParse(expression, out _); }
        catch (FormatException) { return false; }
    }

    public static void ThrowIfInvalid(PipelineOptions o)
    {
        var errors = Validate(o);
        if (errors.Count > 0)
            throw new ConfigurationException("invalid configuration:\n  - " + string.Join("\n  - ", errors));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
