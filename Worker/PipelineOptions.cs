using Microsoft.Extensions.Options;
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

/// <summary>
/// Checks the source catalogue when the host starts (and before any command): what Ingest can tell
/// (<see cref="SourceCatalogue"/>), then the Quartz crons outside <c>Pipeline:Schedule</c>, which the host's scheduler
/// reads: each source's <c>Schedule</c> and <c>Pipeline:Classify:RetrainSchedule</c>. One message per problem, naming its
/// source or key; each section's own values are checked by its validator (<see cref="FetchOptionsValidator"/>…).
/// </summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions o)
    {
        var errors = SourceCatalogue.Validate(o.Sources);
        for (int i = 0; i < o.Sources.Count; i++)
            if (o.Sources[i].Schedule is { } schedule && !ScheduleOptionsValidator.IsCron(schedule))
                errors.Add($"{SourceCatalogue.Name(o.Sources[i], i)}: Schedule '{schedule}' is not a valid Quartz cron expression " +
                           "(seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 3 * * ?\")");
        if (!string.IsNullOrWhiteSpace(o.Classify.RetrainSchedule) && !ScheduleOptionsValidator.IsCron(o.Classify.RetrainSchedule))
            errors.Add($"Pipeline:Classify:RetrainSchedule '{o.Classify.RetrainSchedule}' is not a valid Quartz cron expression");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
