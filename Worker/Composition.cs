using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Classify;
using Pipeline.Ingest.Fetching;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Ingestion;
using Pipeline.Worker.Review;
using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker;

/// <summary>The composition root shared by the host and every command.</summary>
public static class Composition
{
    /// <summary>
    /// Every options class is bound from its section of <paramref name="configuration"/> and validated when the host
    /// starts (<c>ValidateOnStart</c>; commands run the same validators first, see <c>PipelineConfiguration.Validate</c>).
    /// The classes that take an options class directly get the bound value.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FetchOptions>>().Value);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddOptions<ClassifyOptions>().Bind(configuration.GetSection(ClassifyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClassifyOptions>, ClassifyOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClassifyOptions>>().Value);
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            return new Database(storage.Provider, storage.ConnectionString);
        });
        services.AddSingleton<SourceStore>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<FetchLogStore>();
        services.AddSingleton<ModelVersionStore>();
        services.AddFetcher();
        services.AddSingleton<ClassifierProvider>();
        services.AddSingleton<SourceRefresh>();
        services.AddSingleton<IngestPass>();
        return services;
    }
}
