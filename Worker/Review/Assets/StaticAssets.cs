using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Worker.Review.Assets;

/// <summary>
/// The page's own script, style sheet and icon, embedded in the assembly (no CDN, works offline) and served
/// from <c>/review/{file}</c> with an ETag, so the Content-Security-Policy can say <c>script-src 'self'</c>.
/// </summary>
public static class StaticAssets
{
    private sealed record Asset(byte[] Body, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Files = Load();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var (file, type) in new[] { ("app.js", "text/javascript; charset=utf-8"), ("signout.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8"),
                     ("explore.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml") })
        {
            using var stream = assembly.GetManifestResourceStream($"Pipeline.Worker.Review.Assets.{file}")
                ?? throw new InvalidOperationException($"embedded asset {file} is missing from the build");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            files[file] = new Asset(body, type, $"\"{Convert.ToHexString(SHA256.HashData(body))[..16]}\"");
        }
        return files.ToFrozenDictionary();
    }

    public static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out var asset)) return Results.NotFound();
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Body, asset.ContentType);
    }
}
