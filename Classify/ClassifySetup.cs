using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pipeline.Classify;

/// <summary>What Classify registers: its options (the classifier itself is loaded by the host's <c>ClassifierProvider</c>).</summary>
public static class ClassifySetup
{
    /// <summary>
    /// <see cref="ClassifyOptions"/> bound from <c>Pipeline:Classify</c> and checked when the host starts
    /// (<see cref="ClassifyOptionsValidator"/>); injected as the bound value.
    /// </summary>
    public static IServiceCollection AddClassify(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassifyOptions>().Bind(configuration.GetSection(ClassifyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClassifyOptions>, ClassifyOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClassifyOptions>>().Value);
        return services;
    }
}
