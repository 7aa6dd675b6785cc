using Pipeline.Classify;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Review;
using Pipeline.Worker.Scheduling;

namespace Pipeline.Worker;

/// <summary>
/// Everything under the <c>Pipeline</c> configuration section: the source catalogue and one options class per concern,
/// each living in the project that owns it (<see cref="FetchOptions"/> in Ingest, <see cref="StorageOptions"/> in Store,
/// <see cref="ClassifyOptions"/> in Classify, <see cref="ScheduleOptions"/> and <see cref="ReviewOptions"/> here).
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public List<SourceDefinition> Sources { get; set; } = [];
    public ScheduleOptions Schedule { get; set; } = new();
    public FetchOptions Fetch { get; set; } = new();
    public StorageOptions Storage { get; set; } = new();
    public ClassifyOptions Classify { get; set; } = new();
    public ReviewOptions Review { get; set; } = new();
}
