namespace Pipeline.Ingest.Deduplication;

/// <summary>
/// The canonical form used as an item's identity: scheme and host lower-cased, default port and fragment
/// dropped, tracking parameters removed, remaining query parameters sorted. Path case is kept (servers
/// are case-sensitive). Pure.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src", "ref_url",
        "cmpid", "ocid", "wt.mc_id", "at_medium", "at_campaign", "xtor", "s_cid", "sr_share", "spm", "__twitter_impression",
    };

    public static string Canonicalize(Uri url)
    {
        var query = url.Query.TrimStart('?');
        var kept = query.Length == 0
            ? []
            : query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !IsTracking(p.Split('=')[0]))
                .Order(StringComparer.Ordinal)
                .ToList();
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant(),
            Fragment = "",
            Query = kept.Count == 0 ? "" : string.Join("&", kept),
        };
        if (url.IsDefaultPort) builder.Port = -1;
        var path = builder.Path.Length == 0 ? "/" : builder.Path;
        builder.Path = path;
        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTracking(string name)
    {
        name = Uri.UnescapeDataString(name);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
