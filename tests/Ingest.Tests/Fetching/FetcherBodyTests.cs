using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Tests.Fetching;

/// <summary>
/// The body as the server sent it, byte for byte, whether it declares its length or comes in chunks, and refused over the
/// limit either way. A raw socket server on loopback writes the responses, so the headers are exactly these. The fetcher
/// runs with MaxRetries 0, which the options allow (it threw Polly's validation error on every fetch before).
/// </summary>
public sealed class FetcherBodyTests
{
    private static async Task<FetchResult> FetchAsync(Func<byte[], byte[]> respond, byte[] body, long maxBodyBytes = 10 * 1024 * 1024)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            var request = new byte[8192];
            int got = 0;
            while (!Encoding.ASCII.GetString(request, 0, got).Contains("\r\n\r\n"))
                got += await stream.ReadAsync(request.AsMemory(got));
            await stream.WriteAsync(respond(body));
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new FetchOptions
        {
            MaxRetries = 0, TimeoutSeconds = 5, TotalTimeoutSeconds = 20, AllowPrivateNetworks = true, RespectRobotsTxt = false,
            MaxBodyBytes = maxBodyBytes,
        });
        services.AddFetcher();
        await using var provider = services.BuildServiceProvider();
        var result = await provider.GetRequiredService<Fetcher>().FetchAsync(new Uri($"http://127.0.0.1:{port}/page"), trusted: true);
        await serve.WaitAsync(TimeSpan.FromSeconds(10));
        return result;
    }

    private static byte[] Page(int size) => Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray();

    private static byte[] WithLength(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), .. body];

    private static byte[] Chunked(byte[] body)
    {
        var response = new List<byte>(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
        foreach (var chunk in body.Chunk(7000))
        {
            response.AddRange(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            response.AddRange(chunk);
            response.AddRange("\r\n"u8.ToArray());
        }
        response.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. response];
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(65_536, false)]
    [InlineData(300_001, false)]
    [InlineData(10, true)]
    [InlineData(65_536, true)]
    [InlineData(300_001, true)]
    public async Task Body_IsReadWhole_WithItsLengthDeclaredOrInChunks(int size, bool chunked)
    {
        var body = Page(size);
        var result = await FetchAsync(chunked ? Chunked : WithLength, body);
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(body, result.Body);
    }

    [Fact]
    public async Task Body_OverTheLimit_IsRefused_DeclaredOrNot()
    {
        var body = Page(50_000);
        var declared = await FetchAsync(WithLength, body, maxBodyBytes: 40_000);
        var chunked = await FetchAsync(Chunked, body, maxBodyBytes: 40_000);
        Assert.Equal((FetchOutcome.Failed, FetchErrorKind.TooLarge), (declared.Outcome, declared.ErrorKind));
        Assert.Equal((FetchOutcome.Failed, FetchErrorKind.TooLarge), (chunked.Outcome, chunked.ErrorKind));
    }
}
