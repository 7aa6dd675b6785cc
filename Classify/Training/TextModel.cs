using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Pipeline.Classify.Schema;

namespace Pipeline.Classify.Training;

/// <summary>Which ML.NET multi-class trainer to use; both are compared by measurement in <see cref="ModelTrainer"/>.</summary>
public enum TrainerKind { SdcaMaximumEntropy, LbfgsMaximumEntropy, OneVersusAllLinearSvm, OneVersusAllAveragedPerceptron, OneVersusAllLogisticRegression }

/// <summary>Featurizer and trainer settings of a <see cref="TextModel"/>; <see cref="For"/> gives the measured defaults.</summary>
public sealed record TextModelOptions
{
    public TrainerKind Trainer { get; init; } = TrainerKind.SdcaMaximumEntropy;
    public int WordNgram { get; init; } = 2;
    public int CharNgram { get; init; } = 4;
    public bool CharAllLengths { get; init; }
    public bool KeepNumbers { get; init; } = true;
    public NgramExtractingEstimator.WeightingCriteria Weighting { get; init; } = NgramExtractingEstimator.WeightingCriteria.Tf;
    public float? L2 { get; init; }
    public float? L1 { get; init; }
    public int? Iterations { get; init; }
    /// <summary>Most n-grams kept per featurizer (word, char): the most frequent ones (default 150,000; null = ML.NET's 10
    /// million, which made L-BFGS take minutes and the model hundreds of MB).</summary>
    public int? MaxNgrams { get; init; } = 150_000;
    /// <summary>Threads of the trainer; null lets ML.NET use every core.</summary>
    public int? Threads { get; init; } = 1;

    public static TextModelOptions For(TrainerKind kind) => kind switch
    {
        TrainerKind.SdcaMaximumEntropy => new() { Trainer = kind, Iterations = 60 },
        TrainerKind.LbfgsMaximumEntropy => new() { Trainer = kind, L2 = 0.3f },
        _ => new() { Trainer = kind },
    };
}

/// <summary>
/// A trained multi-class text model (featurizer + trainer) with its label order. Thread-safe: prediction
/// engines are pooled, never shared between threads.
/// </summary>
public sealed class TextModel
{
    private readonly MLContext _ml;
    private readonly ConcurrentBag<PredictionEngine<TextRow, ScoredRow>> _engines = new();

    public ITransformer Transformer { get; }
    public DataViewSchema InputSchema { get; }
    public string[] Labels { get; }

    public TextModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        Transformer = transformer;
        InputSchema = inputSchema;
        var output = transformer.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output["Score"].GetSlotNames(ref names);
        Labels = names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>Label → probability.</summary>
    public Dictionary<string, double> Score(string featureText)
    {
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<TextRow, ScoredRow>(Transformer, InputSchema);
        try
        {
            var scores = engine.Predict(new TextRow { Text = featureText }).Score;
            return Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (double)scores[x.i]);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Scores many texts in one pass (faster than one engine call per text).</summary>
    public List<Dictionary<string, double>> ScoreBatch(IReadOnlyList<string> featureTexts)
    {
        var data = _ml.Data.LoadFromEnumerable(featureTexts.Select(t => new TextRow { Text = t }));
        var scored = Transformer.Transform(data);
        return _ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false)
            .Select(r => Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (double)r.Score[x.i]))
            .ToList();
    }

    public static TextModel Train(MLContext ml, IEnumerable<TextRow> rows, TrainerKind kind) =>
        Train(ml, rows, TextModelOptions.For(kind));

    public static TextModel Train(MLContext ml, IEnumerable<TextRow> rows, TextModelOptions o)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        // Step 2 — featurize: word uni/bigrams and character n-grams of the folded, transliterated text (see
        // FeatureText) generalise across languages and inflections better than words alone.
        var featurize = ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = o.KeepNumbers,
                WordFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = o.WordNgram, UseAllLengths = true, Weighting = o.Weighting,
                    MaximumNgramsCount = o.MaxNgrams is { } w ? [w] : null,
                },
                CharFeatureExtractor = o.CharNgram <= 0 ? null : new WordBagEstimator.Options
                {
                    NgramLength = o.CharNgram, UseAllLengths = o.CharAllLengths, Weighting = o.Weighting,
                    MaximumNgramsCount = o.MaxNgrams is { } c ? [c] : null,
                },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(TextRow.Text)));
        // Step 3 — train.
        IEstimator<ITransformer> trainer = o.Trainer switch
        {
            TrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", MaximumNumberOfIterations = o.Iterations, L2Regularization = o.L2, L1Regularization = o.L1,
                NumberOfThreads = 1, ExampleWeightColumnName = nameof(TextRow.Weight),
            }),
            TrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", L2Regularization = o.L2 ?? 0.01f, L1Regularization = o.L1 ?? 0f,
                MaximumNumberOfIterations = o.Iterations ?? 200, NumberOfThreads = o.Threads, ExampleWeightColumnName = nameof(TextRow.Weight),
            }),
            TrainerKind.OneVersusAllLinearSvm => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.LinearSvm("Label", "Features", numberOfIterations: o.Iterations ?? 30), useProbabilities: true),
            TrainerKind.OneVersusAllAveragedPerceptron => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.AveragedPerceptron("Label", "Features", numberOfIterations: o.Iterations ?? 20), useProbabilities: true),
            TrainerKind.OneVersusAllLogisticRegression => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = "Label", FeatureColumnName = "Features", L2Regularization = o.L2 ?? 0.01f, L1Regularization = o.L1 ?? 0f, NumberOfThreads = 1,
                })),
            _ => throw new ArgumentOutOfRangeException(nameof(o)),
        };
        var pipeline = featurize.Append(trainer).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));
        var model = pipeline.Fit(data);
        return new TextModel(ml, model, data.Schema);
    }

    public void Save(string path) => _ml.Model.Save(Transformer, InputSchema, path);

    public static TextModel Load(MLContext ml, string path)
    {
        using var stream = File.OpenRead(path);
        var transformer = ml.Model.Load(stream, out var schema);
        return new TextModel(ml, transformer, schema);
    }
}
