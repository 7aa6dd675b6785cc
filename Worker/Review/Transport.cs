using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Worker.Review;

/// <summary>
/// How the review host knows it is served over TLS, and what follows. TLS ends at the host itself (an https address in
/// <c>Review:Urls</c>) or at a reverse proxy in front of it, whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from <c>Review:KnownProxies</c>/<c>KnownNetworks</c> (by default the loopback addresses: a proxy on the
/// same machine). A request known to be HTTPS is answered with HSTS. The session cookie is Secure unless the host listens
/// on loopback addresses only (a reviewer's own machine, the demo, a proxy beside it) or <c>Review:AllowPlainHttp</c> is set.
/// </summary>
public static class Transport
{
    public static IServiceCollection AddTransport(this IServiceCollection services, ReviewOptions options) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (options.KnownProxies.Count + options.KnownNetworks.Count == 0) return; // the framework's default: loopback
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in options.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

    /// <summary>Forwarded headers first, so that everything after (HSTS, cookies, the rate limit per address) sees the client.</summary>
    public static WebApplication UseTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        return app;
    }

    /// <summary>True when sign-in must happen over HTTPS: the host listens on some address other than loopback and plain HTTP is not allowed.</summary>
    public static bool RequiresHttps(ReviewOptions options) =>
        !options.AllowPlainHttp && !options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);

    private static bool IsLoopback(string url)
    {
        var host = BindingAddress.Parse(url).Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
