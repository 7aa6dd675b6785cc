using System.Collections.Concurrent;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Classify.Actors;

/// <summary>One candidate actor of one text, as the actor model sees it.</summary>
public sealed class ActorCandidateRow
{
    public bool Label { get; set; }
    /// <summary>Position, count and role features (see <see cref="ActorModel.Describe"/>).</summary>
    [VectorType(ActorModel.NumericFeatures)] public float[] Numeric { get; set; } = new float[ActorModel.NumericFeatures];
    /// <summary>Marker words: the words around each mention (left/right, folded, transliterated), the candidate's
    /// type crossed with the response type, and the candidate's name.</summary>
    public string Context { get; set; } = "";
}

public sealed class ActorCandidateScore
{
    [ColumnName("Probability")] public float Probability { get; set; }
}

/// <summary>
/// The actor as a learned decision: every actor the vocabulary finds in a text is a candidate, described by where it
/// is named (title, lead, rank, count), the words around its mentions in any language ("said", "urged", "against",
/// "on behalf of", "at the … meeting", "presidency"), its type crossed with the response type (a business acts in
/// economic measures, rarely in targeted sanctions), and the source's actor hint. Boosted trees trained on
/// the corpus's actor labels score each candidate; the best one acts. Canonical names and aliases stay in
/// <c>actors.json</c>; "the EU" and "the UN" are then specialised to the body that acts for them
/// (<see cref="ActorResolver.Specialise"/>). Thread-safe.
/// </summary>
public sealed class ActorModel
{
    public const int NumericFeatures = 16;

    // Boosted trees, not a logistic regression: which candidate acts depends on combinations (a body named in the
    // title whose own organ is named in the lead; a family whose parts act more often than the whole), which a linear
    // score of independent features cannot express. Measured with `bench -- actors` on the held-out voice halves
    // (BENCHMARKS.md): logistic regression 0.885 / 0.868, trees 0.897 / 0.884.
    internal const int Trees = 300, Leaves = 32;
    internal const double LearningRate = 0.2;
    private const int Window = 4;

    private readonly MLContext _ml;
    private readonly ConcurrentBag<PredictionEngine<ActorCandidateRow, ActorCandidateScore>> _engines = new();

    public ITransformer Transformer { get; }
    public DataViewSchema InputSchema { get; }

    public ActorModel(MLContext ml, ITransformer transformer, DataViewSchema schema)
    {
        _ml = ml;
        Transformer = transformer;
        InputSchema = schema;
    }

    /// <summary>Trains on the responses whose actor is known: one row per candidate, true for the one that acts.</summary>
    public static ActorModel? Train(MLContext ml, IEnumerable<LabelledExample> examples, ActorVocabulary vocabulary)
    {
        var rows = new List<ActorCandidateRow>();
        foreach (var e in examples)
        {
            if (!Taxonomy.IsResponse(e.Primary) || string.IsNullOrWhiteSpace(e.Actor) || e.Actor is "unknown" or "none") continue;
            var (source, mentions) = ActorResolver.Candidates(vocabulary, e.Title, e.Text);
            if (mentions.Count == 0) continue;
            foreach (var (actor, row) in Describe(vocabulary, source, mentions, e.Title, e.Primary, null))
            {
                var acting = ActorResolver.Specialise(actor, mentions, e.Primary, vocabulary);
                row.Label = string.Equals(acting.Name, e.Actor, StringComparison.OrdinalIgnoreCase);
                rows.Add(row);
            }
        }
        if (rows.Count(r => r.Label) < 10 || rows.All(r => r.Label)) return null;
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Text.FeaturizeText("ContextFeatures", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                CaseMode = Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.None,
                KeepPunctuations = false,
                KeepNumbers = false,
                WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 1 },
                CharFeatureExtractor = null,
                Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ActorCandidateRow.Context))
            .Append(ml.Transforms.Concatenate("Features", nameof(ActorCandidateRow.Numeric), "ContextFeatures"))
            .Append(ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = nameof(ActorCandidateRow.Label), FeatureColumnName = "Features",
                NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = 10, LearningRate = LearningRate, NumberOfThreads = 1,
            }));
        return new ActorModel(ml, pipeline.Fit(data), data.Schema);
    }

    /// <summary>The acting actor: the best-scored candidate, specialised; the hint or <c>unknown</c> when the text names none.</summary>
    /// <param name="found">The vocabulary's mentions in <see cref="FeatureText.Source"/>, when the caller has them.</param>
    public ResolvedActor Resolve(ActorVocabulary vocabulary, string? title, string text, string? actorHint, string primary,
        IReadOnlyList<ActorMention>? found = null)
    {
        var (source, mentions) = ActorResolver.Candidates(vocabulary, title, text, found);
        if (mentions.Count == 0) return ActorResolver.Resolve(vocabulary, title, text, actorHint, primary, found);
        var hint = vocabulary.Resolve(actorHint)?.Name;
        ActorEntry? best = null;
        double bestScore = double.MinValue;
        foreach (var (actor, row) in Describe(vocabulary, source, mentions, title, primary, hint))
        {
            var p = Score(row);
            if (p > bestScore) { bestScore = p; best = actor; }
        }
        var chosen = mentions.First(m => m.Actor == best);
        var acting = ActorResolver.Specialise(best!, mentions, primary, vocabulary);
        return new ResolvedActor(acting.Name, acting.Type, ActorResolver.CoActors(source, mentions, chosen, acting), true);
    }

    private double Score(ActorCandidateRow row)
    {
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<ActorCandidateRow, ActorCandidateScore>(Transformer, InputSchema);
        try { return engine.Predict(row).Probability; }
        finally { _engines.Add(engine); }
    }

    /// <summary>One row per distinct candidate actor (in order of first mention).</summary>
    internal static IEnumerable<(ActorEntry Actor, ActorCandidateRow Row)> Describe(ActorVocabulary vocabulary, string source,
        List<ActorMention> mentions, string? title, string primary, string? hint)
    {
        int lead = ActorResolver.LeadEnd(source);
        int titleEnd = string.IsNullOrWhiteSpace(title) ? 0 : Math.Min(source.Length, title.Trim().Length + 1);
        var groups = mentions.GroupBy(m => m.Actor).ToList();
        for (int rank = 0; rank < groups.Count; rank++)
        {
            var actor = groups[rank].Key;
            var ms = groups[rank].ToList();
            var first = ms[0];
            int objects = ms.Count(m => ActorResolver.ObjectMarkers.Contains(ActorResolver.PreviousWord(source, m.Start)));
            int places = ms.Count(m => ActorResolver.PlacePrepositions.Contains(ActorResolver.PreviousWord(source, m.Start)));
            var numeric = new float[NumericFeatures];
            numeric[0] = source.Length == 0 ? 0 : (float)first.Start / source.Length;
            numeric[1] = first.Start < titleEnd ? 1 : 0;
            numeric[2] = first.Start < lead ? 1 : 0;
            numeric[3] = (float)Math.Log(1 + ms.Count);
            numeric[4] = Math.Min(rank, 5) / 5f;
            numeric[5] = rank == 0 ? 1 : 0;
            numeric[6] = (float)objects / ms.Count;
            numeric[7] = (float)places / ms.Count;
            numeric[8] = ActorResolver.Background.Contains(actor.Name) ? 1 : 0;
            numeric[9] = hint is not null && string.Equals(hint, actor.Name, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            numeric[10] = actor.Name is "European Union" or "United Nations" ? 1 : 0;
            numeric[11] = ms.Count(m => m.Start < lead) > 0 && groups.Count == 1 ? 1 : 0; // the only actor named
            numeric[12] = (float)ms.Count / mentions.Count;                                  // share of all mentions
            numeric[13] = mentions.Any(m => m.Actor != actor && m.Start < first.Start && m.Start < lead) ? 1 : 0; // another actor named before it in the lead
            // The body and the larger one it is part of or based in, both named: PACE and the Council of Europe, the
            // Nobel Committee and Norway, a city and its state.
            numeric[14] = groups.Any(g => g.Key != actor && vocabulary.IsWithin(actor, g.Key)) ? 1 : 0;   // the more specific
            numeric[15] = groups.Any(g => g.Key != actor && vocabulary.IsWithin(g.Key, actor)) ? 1 : 0;   // the larger one

            var sb = new StringBuilder();
            sb.Append("zzat").Append(actor.Type).Append(" zzx").Append(actor.Type).Append('_').Append(primary)
              .Append(" zzname").Append(Token(actor.Name));
            if (numeric[14] > 0) sb.Append(" zzspecific").Append(actor.Type).Append(" zzspecific_").Append(primary);
            if (numeric[15] > 0) sb.Append(" zzgeneral").Append(actor.Type).Append(" zzgeneral_").Append(primary);
            // Which family: whether a body or the larger one acts differs by family (the Council of Europe's organs act
            // in its name far more often than it does; a US department less often than "the United States").
            foreach (var g in groups)
            {
                if (g.Key == actor) continue;
                if (vocabulary.IsWithin(actor, g.Key))
                {
                    sb.Append(" zzpartof").Append(Token(g.Key.Name));
                    if (g.First().Start < titleEnd) sb.Append(" zzwholeintitle");
                    if (g.First().Start < first.Start) sb.Append(" zzwholefirst");
                }
                else if (vocabulary.IsWithin(g.Key, actor))
                {
                    sb.Append(" zzwhole").Append(Token(actor.Name));
                    if (g.First().Start < lead) sb.Append(" zzpartinlead");
                }
            }
            foreach (var m in ms.Take(3)) AppendWindow(sb, source, m);
            yield return (actor, new ActorCandidateRow { Numeric = numeric, Context = sb.ToString() });
        }
    }

    /// <summary>The words before and after a mention, as "l…"/"r…" marker words, the adjacent ones also as "lp…"/"rn…".</summary>
    private static void AppendWindow(StringBuilder sb, string source, ActorMention m)
    {
        var left = Words(TextFold.Slice(source, m.Start - 80, m.Start));
        var right = Words(TextFold.Slice(source, m.Start + m.Length, m.Start + m.Length + 80));
        var l = left.TakeLast(Window).ToList();
        var r = right.Take(Window).ToList();
        for (int i = 0; i < l.Count; i++) sb.Append(" l").Append(l[i]);
        for (int i = 0; i < r.Count; i++) sb.Append(" r").Append(r[i]);
        if (l.Count > 0) sb.Append(" lp").Append(l[^1]);
        if (r.Count > 0) sb.Append(" rn").Append(r[0]);
        // A sentence boundary right before the mention: the actor opens the sentence (a subject).
        var before = source[Math.Max(0, m.Start - 3)..m.Start];
        if (m.Start == 0 || before.Contains('\n') || before.TrimEnd().EndsWith('.')) sb.Append(" zzsentencestart");
    }

    private static List<string> Words(string s)
    {
        var folded = TextFold.Transliterate(TextFold.Fold(s));
        var words = new List<string>();
        var w = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { w.Append(c); continue; }
            if (w.Length > 0) { words.Add(w.ToString()); w.Clear(); }
            if (c is '.' or ';' or ':' or '\n') words.Add("zzpunct");
        }
        if (w.Length > 0) words.Add(w.ToString());
        return words;
    }

    private static string Token(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    public void Save(string path) => _ml.Model.Save(Transformer, InputSchema, path);

    public static ActorModel Load(MLContext ml, string path)
    {
        // A process that has not trained yet has not loaded the trees' assembly, and the model loader only knows loaded ones.
        ml.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters).Assembly);
        using var stream = File.OpenRead(path);
        var transformer = ml.Model.Load(stream, out var schema);
        return new ActorModel(ml, transformer, schema);
    }
}
