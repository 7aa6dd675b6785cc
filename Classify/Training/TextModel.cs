using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Pipeline.Classify.Schema;

namespace Pipeline.Classify.Training;

/// <summary>Which ML.NET multi-class trainer to use; both are compared by measurement in <see cref="ModelTrainer"/>.</summary>
public enum TrainerKind { SdcaMaximumEntropy, LbfgsMaximumEntropy }

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

    public static TextModel Train(MLContext ml, IEnumerable<TextRow> rows, TrainerKind kind)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        // Step 2 — featurize: word uni/bigrams and character 2–5-grams of the lower-cased, diacritic-free text
        // generalise across languages and inflections better than words alone.
        var featurize = ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(TextRow.Text)));
        // Step 3 — train.
        IEstimator<ITransformer> trainer = kind switch
        {
            TrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", maximumNumberOfIterations: 60),
            TrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features", l2Regularization: 0.3f),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
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
