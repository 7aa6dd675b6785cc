using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Store;
using Pipeline.Worker.Classification;

namespace Pipeline.Worker.Hosting;

/// <summary>
/// The host's health checks (ASP.NET Core health checks: <c>/health</c> answers 200 when healthy or degraded, 503
/// when unhealthy). <c>store</c>: the database answers a query, else unhealthy. <c>sources</c>: degraded while
/// any enabled source is failing, with the counts. <c>classifier</c>: degraded while the first model loads or
/// trains (nothing is polled yet), unhealthy if it could not be made.
/// </summary>
public static class PipelineHealth
{
    public static IServiceCollection AddPipelineHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store")
            .AddCheck<SourcesCheck>("sources")
            .AddCheck<ClassifierCheck>("classifier");
        return services;
    }

    public sealed class StoreCheck(Database db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var c = await db.OpenAsync(ct);
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT COUNT(*) FROM sources";
                await cmd.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("the store answers");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"the store is unreachable: {e.Message}");
            }
        }
    }

    public sealed class SourcesCheck(SourceStore sources, PipelineOptions options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            List<SourceState> rows;
            try
            {
                rows = await sources.ListAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"source health could not be read: {e.Message}");
            }
            var enabled = options.Sources.Where(s => s.Enabled).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var watched = rows.Where(r => enabled.Contains(r.Id)).ToList();
            var failing = watched.Count(r => r.ConsecutiveFailures > 0);
            var data = new Dictionary<string, object> { ["sources"] = enabled.Count, ["failing"] = failing };
            return failing == 0
                ? HealthCheckResult.Healthy($"{enabled.Count} sources, none failing", data)
                : HealthCheckResult.Degraded($"{failing} of {enabled.Count} sources failing (see /sources or `sources status`)", data: data);
        }
    }

    public sealed class ClassifierCheck(ClassifierProvider classifiers) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var s = classifiers.Status;
            var data = new Dictionary<string, object> { ["step"] = s.Step, ["steps"] = s.Steps };
            return Task.FromResult(s.Ready ? HealthCheckResult.Healthy(s.Message)
                : s.Failed ? HealthCheckResult.Unhealthy(s.Message)
                : HealthCheckResult.Degraded(s.Message + "; polling starts when it is ready", data: data));
        }
    }

    /// <summary>
    /// <c>{"status":"degraded","sources":44,"failing":35,"classifier":"ready (model …)","checks":{"store":{"status":"healthy","description":"…"},…}}</c>
    /// (statuses in lower case; <c>sources</c> and <c>failing</c> at the top, as before the health checks).
    /// </summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var sources = report.Entries.GetValueOrDefault("sources").Data;
        var body = new Dictionary<string, object?>
        {
            ["status"] = Word(report.Status),
            ["sources"] = sources?.GetValueOrDefault("sources"),
            ["failing"] = sources?.GetValueOrDefault("failing"),
            ["classifier"] = report.Entries.GetValueOrDefault("classifier").Description,
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, object?>
            {
                ["status"] = Word(e.Value.Status), ["description"] = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
