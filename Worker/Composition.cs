using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Ingestion;

namespace Pipeline.Worker;

/// <summary>The composition root shared by the host and every command.</summary>
public static class Composition
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, PipelineOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Fetch);
        services.AddSingleton(options.Classify);
        services.AddSingleton(options.Storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new Database(options.Storage.Provider, options.Storage.ConnectionString));
        services.AddSingleton<SourceStore>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<FactsStore>();
        services.AddSingleton<FetchLogStore>();
        services.AddSingleton<ModelVersionStore>();
        services.AddFetcher(options.Fetch);
        services.AddSingleton<ClassifierProvider>();
        services.AddSingleton<SourceRefresh>();
        services.AddSingleton<IngestPass>();
        return services;
    }
}
