using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pipeline.Store;

/// <summary>What Store registers: its options, the database and the stores of the ingest pass and the models.</summary>
public static class StoreSetup
{
    /// <summary>
    /// <see cref="StorageOptions"/> bound from <c>Pipeline:Storage</c> and checked when the host starts
    /// (<see cref="StorageOptionsValidator"/>; injected as the bound value), the <see cref="Database"/> they name, and
    /// and every store: the ingest pass's and the models' (<see cref="SourceStore"/>, <see cref="ItemStore"/>,
    /// <see cref="FetchLogStore"/>, <see cref="ModelVersionStore"/>, <see cref="FactsStore"/>) and the review app's
    /// (<see cref="UserStore"/>, <see cref="ReviewStore"/>, <see cref="ExploreStore"/>).
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            return new Database(storage.Provider, storage.ConnectionString);
        });
        services.AddSingleton<SourceStore>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<FetchLogStore>();
        services.AddSingleton<ModelVersionStore>();
        services.AddSingleton<FactsStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<ExploreStore>();
        return services;
    }
}
