using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Classify;
using Pipeline.Ingest;
using Pipeline.Store;

namespace Pipeline.Worker;

/// <summary>The composition root shared by the host and every command: one <c>Add…</c> per project.</summary>
public static class Composition
{
    /// <summary>
    /// Every options class is bound from its section of <paramref name="configuration"/> and checked when the host starts
    /// (<c>ValidateOnStart</c>); commands run the same validators first (<c>PipelineConfiguration.Validate</c>).
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration) => services
        .AddIngest(configuration)
        .AddStore(configuration)
        .AddClassify(configuration)
        .AddWorker(configuration);
}
