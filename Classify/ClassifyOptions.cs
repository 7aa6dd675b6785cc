using Microsoft.Extensions.Options;

namespace Pipeline.Classify;

/// <summary>The classifier's model folder, thresholds and training: <c>Pipeline:Classify</c>.</summary>
public sealed class ClassifyOptions
{
    public const string Section = "Pipeline:Classify";

    /// <summary>Folder of model versions (default <c>data/models</c>).</summary>
    public string ModelDirectory { get; set; } = "data/models";
    /// <summary>Extra secondary response types are kept above this probability (default 0.25).</summary>
    public double SecondaryThreshold { get; set; } = 0.25;
    /// <summary>Queue threshold on P(any response type); null (the default) uses the one chosen on validation when the
    /// model was trained (see README, "The queue threshold").</summary>
    public double? QueueThreshold { get; set; }
    /// <summary>How much an approved or corrected review, or an example of a <c>train --data</c> file, weighs in training
    /// against one team-written example (default 3: see README, "Reviews teach", and the learning curve in BENCHMARKS.md).</summary>
    public double ReviewWeight { get; set; } = 3;
    /// <summary>Average the feature-text response model with a raw-text TF-IDF one (default true: better out of style, see
    /// BENCHMARKS.md; false trains in about half the time).</summary>
    public bool Companion { get; set; } = true;
    /// <summary>Quartz cron of the retraining job (<c>train --promote</c>); null or empty = off (the default).</summary>
    public string? RetrainSchedule { get; set; }

    /// <summary>The labelled corpus the classifier is trained on (JSONL files); empty = the corpus shipped with the program.</summary>
    public string? CorpusDirectory { get; set; }
}

/// <summary>Checks <see cref="ClassifyOptions"/> when the host starts (and before any command): one message per problem,
/// starting with its key. <see cref="ClassifyOptions.RetrainSchedule"/> is a Quartz cron, checked by the host's scheduler
/// (Worker's <c>PipelineOptionsValidator</c>).</summary>
public sealed class ClassifyOptionsValidator : IValidateOptions<ClassifyOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassifyOptions o)
    {
        var errors = new List<string>();
        if (o.SecondaryThreshold is <= 0 or >= 1) errors.Add("Pipeline:Classify:SecondaryThreshold must be between 0 and 1");
        if (o.ReviewWeight is <= 0 or > 100) errors.Add("Pipeline:Classify:ReviewWeight must be above 0 and at most 100");
        if (o.QueueThreshold is <= 0 or > 1)
            errors.Add("Pipeline:Classify:QueueThreshold must be above 0 and at most 1 (or absent: the model's own)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
