using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Worker.Tests.Infrastructure;

/// <summary>One request as the publisher saw it.</summary>
public sealed record SeenRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent);

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 that plays publishers: feeds, article pages and misbehaviour.
/// Routes are plain delegates so each test states exactly what the publisher does.
/// </summary>
public sealed class LoopbackPublisher : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();
    public Uri BaseUrl { get; }

    private LoopbackPublisher(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackPublisher> StartAsync(string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:0");
        var app = builder.Build();
        LoopbackPublisher? self = null;
        app.Run(async context =>
        {
            var path = context.Request.Path + context.Request.QueryString;
            self!.Requests.Enqueue(new SeenRequest(path, context.Request.Headers.IfNoneMatch.FirstOrDefault(),
                context.Request.Headers.IfModifiedSince.FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault()));
            if (self._routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler)) await handler(context);
            else context.Response.StatusCode = 404;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackPublisher(app, new Uri(address.Replace("[::]", host).Replace("0.0.0.0", host) + "/"));
        return self;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Serves fixed content with an ETag and honours If-None-Match (as a well-behaved publisher does).</summary>
    public void MapContent(string path, string contentType, byte[] body, string? etag = "\"v1\"", bool honourConditional = true) =>
        Map(path, async ctx =>
        {
            if (etag is not null)
            {
                if (honourConditional && ctx.Request.Headers.IfNoneMatch == etag)
                {
                    ctx.Response.StatusCode = 304;
                    return;
                }
                ctx.Response.Headers.ETag = etag;
                ctx.Response.Headers.LastModified = "Tue, 24 Nov 2026 10:00:00 GMT";
            }
            ctx.Response.ContentType = contentType;
            await ctx.Response.Body.WriteAsync(body);
        });

    public void MapText(string path, string contentType, string body, string? etag = "\"v1\"", bool honourConditional = true) =>
        MapContent(path, contentType, System.Text.Encoding.UTF8.GetBytes(body), etag, honourConditional);

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
