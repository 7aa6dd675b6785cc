using System.Net;
using System.Net.Sockets;

namespace Pipeline.Ingest.Fetching;

/// <summary>
/// SSRF guard: links found in feeds are untrusted, so they may only reach public addresses unless
/// <c>Pipeline:Fetch:AllowPrivateNetworks</c> is set. Checked after DNS resolution, on every connection
/// (so on every redirect hop and against DNS rebinding).
/// </summary>
public static class AddressGuard
{
    public static bool IsPublic(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        if (IPAddress.IsLoopback(a)) return false;
        if (a.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = a.GetAddressBytes();
            // A translation gateway connects to the IPv4 address written inside: that address is the one to judge.
            if (EmbeddedIPv4(v6) is { } v4) return IsPublic(v4);
            if (v6 is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..]) return false; // 64:ff9b:1::/48, NAT64 for local use (RFC 8215)
            return !(a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6Multicast || a.Equals(IPAddress.IPv6Any)
                     || (v6[0] & 0xFE) == 0xFC); // fc00::/7 unique local
        }
        var b = a.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)      // carrier-grade NAT
                 || (b[0] == 169 && b[1] == 254)                      // link-local
                 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                 || b[0] >= 224);                                     // multicast and reserved
    }

    /// <summary>The IPv4 address inside a NAT64 (64:ff9b::/96, RFC 6052: the last 32 bits) or 6to4 (2002::/16, RFC 3056: bits 16–47) address.</summary>
    private static IPAddress? EmbeddedIPv4(byte[] v6) => v6 switch
    {
        [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] => new IPAddress(v6.AsSpan(12, 4)),
        [0x20, 0x02, ..] => new IPAddress(v6.AsSpan(2, 4)),
        _ => null,
    };

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that refuses non-public addresses. The configured
    /// <paramref name="proxy"/> may be private (it is the operator's own); what it connects to was checked by the
    /// fetcher, as this host resolves it, before the request.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivate, Uri? proxy = null) =>
        async (ctx, ct) =>
        {
            var host = ctx.DnsEndPoint.Host;
            IPAddress[] addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            // Per request: a source's configured address may be private, links found in feeds may not.
            bool requestAllows = ctx.InitialRequestMessage.Options.TryGetValue(new HttpRequestOptionsKey<bool>("pipeline.allow-private"), out var allows) && allows;
            bool toProxy = proxy is not null && string.Equals(host, proxy.IdnHost, StringComparison.OrdinalIgnoreCase) && ctx.DnsEndPoint.Port == proxy.Port;
            if (!allowPrivate && !requestAllows && !toProxy) addresses = addresses.Where(IsPublic).ToArray();
            if (addresses.Length == 0)
                throw new BlockedAddressException($"{host} resolves only to private, loopback or link-local addresses");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, ctx.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

public sealed class BlockedAddressException(string message) : Exception(message);
