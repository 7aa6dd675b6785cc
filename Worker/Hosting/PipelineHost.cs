using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Review;
using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker.Hosting;

/// <summary>The long-running host: Quartz schedule of every enabled source, and the HTTP endpoints.</summary>
public static class PipelineHost
{
    public static WebApplication Build(IConfiguration configuration, PipelineOptions options, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(options.Review.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.Services.AddPipeline(options);
        builder.Services.AddSourceSchedule(options);
        builder.Services.AddReview(options);
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        app.MapGet("/health", async (SourceStore sources, CancellationToken ct) =>
        {
            var list = await sources.ListAsync(ct);
            return Results.Json(new { status = "ok", sources = list.Count, failing = list.Count(s => s.ConsecutiveFailures > 0) });
        });
        app.MapReview();
        return app;
    }

    public static async Task<int> RunAsync(IConfiguration configuration, PipelineOptions options, string[] args, CancellationToken ct)
    {
        var app = Build(configuration, options, args);
        await app.Services.GetRequiredService<Database>().MigrateAsync(ct);
        // Load (or on first start, train) the model before the first poll fires.
        await app.Services.GetRequiredService<ClassifierProvider>().GetAsync(ct);
        await app.RunAsync(ct);
        return 0;
    }
}
