using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest;

/// <summary>What Ingest registers: its options and the fetcher (the only class here that does HTTP).</summary>
public static class IngestSetup
{
    /// <summary>
    /// <see cref="FetchOptions"/> bound from <c>Pipeline:Fetch</c> and checked when the host starts
    /// (<see cref="FetchOptionsValidator"/>; injected as the bound value), and the <see cref="Fetcher"/> with its named
    /// client. The parsers and extractors are pure functions and need no registration.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FetchOptions>>().Value);
        services.AddFetcher();
        return services;
    }
}
