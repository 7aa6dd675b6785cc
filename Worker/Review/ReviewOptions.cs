using System.Net;
using Microsoft.Extensions.Options;

namespace Pipeline.Worker.Review;

/// <summary>The review app's addresses and sign-in: <c>Pipeline:Review</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Pipeline:Review";

    /// <summary>Where the host listens, separated by ';' (default <c>http://127.0.0.1:5080</c>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Sign-in attempts (POST /login) one client address may make per minute; more are answered 429 (default 10).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
    /// <summary>Sign in over plain HTTP on addresses other than loopback (a demo on a trusted network); off by default:
    /// there the session cookie is Secure and sign-in needs HTTPS, directly or through a TLS proxy.</summary>
    public bool AllowPlainHttp { get; set; }
    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed (IP addresses); with <see cref="KnownNetworks"/> empty
    /// too, the loopback addresses (a proxy on the same machine).</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of such proxies, in CIDR notation (10.0.0.0/8).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Checks <see cref="ReviewOptions"/> when the host starts (and before any command): one message per problem,
/// starting with its key.</summary>
public sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions o)
    {
        var errors = new List<string>();
        if (o.LoginAttemptsPerMinute < 1) errors.Add("Pipeline:Review:LoginAttemptsPerMinute must be at least 1");
        foreach (var address in o.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            errors.Add($"Pipeline:Review:KnownProxies: '{address}' is not an IP address");
        foreach (var network in o.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            errors.Add($"Pipeline:Review:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
