using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Review;
using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker.Hosting;

/// <summary>The long-running host: Quartz schedule of every enabled source (from when the classifier is ready), and the HTTP endpoints.</summary>
public static class PipelineHost
{
    public static WebApplication Build(IConfiguration configuration, PipelineOptions options, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(options.Review.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.Services.AddPipeline(configuration);
        builder.Services.AddSourceSchedule(options);
        builder.Services.AddReview(options);
        builder.Services.AddPipelineHealth();
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        // Healthy and degraded answer 200, unhealthy 503 (the framework's mapping); the body says why.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = PipelineHealth.WriteAsync });
        app.MapReview();
        return app;
    }

    public static async Task<int> RunAsync(IConfiguration configuration, PipelineOptions options, string[] args, CancellationToken ct)
    {
        var app = Build(configuration, options, args);
        await app.Services.GetRequiredService<Database>().MigrateAsync(ct);
        // The host listens at once; the model loads (or on the first start, trains) in the background and the
        // schedule starts when it is ready (PollingStart). /health and the review page say where it is meanwhile.
        await app.RunAsync(ct);
        return 0;
    }
}
