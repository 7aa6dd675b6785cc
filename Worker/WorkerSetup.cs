using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Ingestion;
using Pipeline.Worker.Review;
using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker;

/// <summary>What the Worker itself registers for the host and every command.</summary>
public static class WorkerSetup
{
    /// <summary>
    /// <see cref="PipelineOptions"/> (the source catalogue, injected as the bound value), <see cref="ScheduleOptions"/>
    /// and <see cref="ReviewOptions"/>, each bound from its section and checked when the host starts; the clock, the
    /// classifier's provider and the ingest orchestration. The host adds its schedule, the review app and
    /// <c>/health</c> (<c>PipelineHost</c>).
    /// </summary>
    public static IServiceCollection AddWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClassifierProvider>();
        services.AddSingleton<SourceRefresh>();
        services.AddSingleton<IngestPass>();
        return services;
    }
}
