using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Store;
using Pipeline.Worker.Review.Auth;
using Pipeline.Worker.Review.Dataset;
using Pipeline.Worker.Review.Explore;
using Pipeline.Worker.Review.Assets;
using Pipeline.Worker.Review.Pages;
using Pipeline.Worker.Review.Queue;

namespace Pipeline.Worker.Review;

/// <summary>
/// The review web: every route of the review page, its API, the published dataset and the statistics page, in
/// one table (cf. Miniflux <c>ui.go</c>, eShop <c>CatalogApi</c>); the handlers are small static methods in the
/// files beside this one. Everything except <c>/health</c>, <c>/login</c>, the static assets, the dataset, the
/// statistics page and the explorer needs a signed-in reviewer; every POST of a signed-in user carries the session's CSRF token.
/// </summary>
public static class ReviewRoutes
{
    public static IServiceCollection AddReview(this IServiceCollection services, PipelineOptions options)
    {
        services.AddSingleton<LoginThrottle>();
        services.AddLoginRateLimit(options.Review);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
        });

        // Session cookies are encrypted with keys kept next to the database, so a restart does not sign everyone out.
        var dataProtection = services.AddDataProtection().SetApplicationName("Pipeline.Review");
        // With PostgreSQL there is no database file: the keys go to data/review-keys (share that folder between review hosts).
        var keys = options.Storage.IsPostgres ? Path.GetFullPath(Path.Combine("data", "review-keys"))
            : options.Storage.DatabaseFolder is { } folder ? Path.Combine(folder, "review-keys") : null;
        if (keys is not null) dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));

        // The keys are plain files beside the database (which holds everything they protect); the framework's
        // warning about unencrypted keys at every start would only alarm a newcomer.
        services.AddLogging(b => b.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));

        // The public dataset for anonymous readers: one database read a minute at most, and none between decisions.
        services.AddOutputCache(o => o.AddPolicy(DatasetHandlers.CachePolicy, b => b
            .Expire(TimeSpan.FromMinutes(1)).SetVaryByQuery("limit", "offset").Tag(DatasetHandlers.CacheTag)));
        // The explorer's views are keyed by their whole URL (path and query string) and evicted by a decision like the dataset.
        services.AddOutputCache(o => o.AddPolicy(ExplorePage.CachePolicy, b => b
            .Expire(TimeSpan.FromMinutes(1)).Tag(DatasetHandlers.CacheTag)));
        services.AddTransport(options.Review);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => SessionCookie.Configure(o, options.Review));
        services.AddAuthorization(o => o.AddPolicy(Accounts.Maintainer, p => p.RequireRole(Accounts.Maintainer)));
        return services;
    }

    public static WebApplication MapReview(this WebApplication app)
    {
        app.UseTransport();
        app.Use(SecurityHeaders);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: a signed-in reader is never served from (nor stored in) the cache
        app.Use(CsrfCheck.Middleware);

        // Public: sign-in, assets, the published dataset, its statistics and the explorer.
        app.MapGet("/login", AuthHandlers.LoginPage);
        app.MapPost("/login", AuthHandlers.Login).RequireRateLimiting(LoginRateLimit.Policy);
        app.MapGet("/review/{file}", StaticAssets.Serve);
        app.MapGet("/responses.json", DatasetHandlers.Json).CacheOutput(DatasetHandlers.CachePolicy);
        app.MapGet("/responses.csv", DatasetHandlers.Csv).CacheOutput(DatasetHandlers.CachePolicy);
        app.MapGet("/responses.atom", DatasetHandlers.Atom).CacheOutput(DatasetHandlers.CachePolicy);
        app.MapGet("/stats", StatisticsPage.Render).CacheOutput(DatasetHandlers.CachePolicy);
        app.MapGet("/explore", ExplorePage.Render).CacheOutput(ExplorePage.CachePolicy);
        app.MapGet("/explore/actor/{name}", ExplorePage.Actor).CacheOutput(ExplorePage.CachePolicy);

        // Signed-in reviewers only; POSTs also need the X-CSRF-Token of the session.
        var signedIn = app.MapGroup("").RequireAuthorization().WithMetadata(new CsrfCheck.Required());
        signedIn.MapGet("/", QueuePage.Render);
        signedIn.MapPost("/logout", AuthHandlers.Logout);
        signedIn.MapGet("/api/session", AuthHandlers.Session);
        signedIn.MapGet("/api/taxonomy", CandidateHandlers.Taxonomy);
        signedIn.MapGet("/api/facets", CandidateHandlers.Facets);
        signedIn.MapGet("/api/actors", CandidateHandlers.Actors);
        signedIn.MapGet("/api/candidates", CandidateHandlers.List);
        signedIn.MapGet("/api/candidates/{id:long}", CandidateHandlers.Detail);
        signedIn.MapPost("/api/candidates/{id:long}/review", CandidateHandlers.Review);
        signedIn.MapPost("/api/candidates/{id:long}/undo", CandidateHandlers.Undo);
        signedIn.MapGet("/api/candidates/{id:long}/audit", CandidateHandlers.Audit);
        // Maintainers only (403 for reviewers, before the handler runs): source health, as `sources status` prints it.
        var maintainers = signedIn.MapGroup("").RequireAuthorization(Accounts.Maintainer);
        maintainers.MapGet("/sources", SourcesPage.Render);
        maintainers.MapGet("/api/sources", SourcesPage.Json);
        return app;
    }

    /// <summary>
    /// Scraped text is untrusted: besides rendering it only as text, the browser is told to run no script but our
    /// own files, load nothing from elsewhere, and never be framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
