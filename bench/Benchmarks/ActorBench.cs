using System.Diagnostics;
using Microsoft.ML;
using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Lexicon;
using Pipeline.Classify.Training;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// The actor decision alone, out of style (issue 11): for each held-out group (by default the two halves of the voice
/// files) the actor model is trained on the rest of the corpus and scored on the group's responses, given their true
/// response type, so that type errors do not blur it. Every error is put in one of three bins — the text names no
/// known actor; the acting actor is not among the candidates; it is, and another one was chosen — and written to a
/// file for reading. Seconds, not minutes: no response model is trained.
/// </summary>
public static class ActorBench
{
    public static Task RunAsync(BenchRun bench, IReadOnlyList<string>? named, string? inflectedPath = null)
    {
        bench.Section("The actor decision out of style (issue 11)");
        var corpus = ClassifierProvider.ShippedCorpus();
        var vocabulary = ActorVocabulary.Load();
        var groups = named is { Count: > 0 } ? named.Select(OutOfStyle.Named).ToList() : OutOfStyle.DefaultGroups(corpus.Examples).Take(2).ToList();
        var rows = new List<IReadOnlyList<string>>();
        var errorsPath = Path.Combine(bench.WorkDir, "actor-errors.tsv");
        Directory.CreateDirectory(bench.WorkDir);
        using var errors = new StreamWriter(errorsPath);
        errors.WriteLine("group\tfile\tlang\tprimary\ttruth\tpredicted\tbin\tcandidates\ttitle");
        foreach (var (name, member) in groups)
        {
            var train = corpus.Examples.Where(e => !member(e)).ToList();
            var heldOut = corpus.Examples.Where(e => member(e) && Taxonomy.IsResponse(e.Primary)).ToList();
            var clock = Stopwatch.StartNew();
            var model = ActorModel.Train(new MLContext(ModelTrainer.Seed), train, vocabulary)!;
            var trainSeconds = clock.Elapsed.TotalSeconds;
            int ok = 0, okRules = 0, noMention = 0, notCandidate = 0, wrongChoice = 0, typeOk = 0;
            foreach (var e in heldOut)
            {
                var resolved = model.Resolve(vocabulary, e.Title, e.Text, null, e.Primary);
                var rules = ActorResolver.Resolve(vocabulary, e.Title, e.Text, null, e.Primary);
                bool right = Same(resolved.Actor, e.Actor);
                if (right) ok++;
                if (Same(rules.Actor, e.Actor)) okRules++;
                if (string.Equals(resolved.ActorType, e.ActorType, StringComparison.OrdinalIgnoreCase)) typeOk++;
                if (right) continue;
                var (_, mentions) = ActorResolver.Candidates(vocabulary, e.Title, e.Text);
                var candidates = mentions.Select(m => ActorResolver.Specialise(m.Actor, mentions, e.Primary, vocabulary).Name).Distinct().ToList();
                string bin = mentions.Count == 0 ? "no-mention" : candidates.Any(c => Same(c, e.Actor)) ? "wrong-choice" : "not-candidate";
                if (bin == "no-mention") noMention++; else if (bin == "wrong-choice") wrongChoice++; else notCandidate++;
                errors.WriteLine(string.Join('\t', name, OutOfStyle.FileOf(e), e.Language, e.Primary, e.Actor, resolved.Actor, bin,
                    string.Join(" | ", candidates), Clean(e.Title ?? TextFold.Head(e.Text, 120))));
            }
            double n = heldOut.Count;
            rows.Add([name, heldOut.Count.ToString(), BenchRun.Inv($"{ok / n:0.000}"), BenchRun.Inv($"{okRules / n:0.000}"), BenchRun.Inv($"{typeOk / n:0.000}"),
                BenchRun.Inv($"{noMention / n:0.000}"), BenchRun.Inv($"{notCandidate / n:0.000}"), BenchRun.Inv($"{wrongChoice / n:0.000}"),
                BenchRun.Inv($"{trainSeconds:0.0}")]);
            Console.WriteLine(BenchRun.Inv($"{name}: actor {ok / n:0.000} (rules {okRules / n:0.000}); errors: no mention {noMention}, not a candidate {notCandidate}, wrong choice {wrongChoice}"));
        }
        if (inflectedPath is { } diag) // every mention found only as an inflected form, for reading
        {
            var exact = new ActorVocabulary(vocabulary.Actors) { MatchInflected = false };
            using var w = new StreamWriter(diag);
            foreach (var e in corpus.Examples)
            {
                var text = (e.Title is null ? "" : e.Title + ".\n") + e.Text;
                var a = exact.FindMentions(text).Select(m => (m.Start, m.Actor.Name)).ToHashSet();
                foreach (var m in vocabulary.FindMentions(text).Where(m => !a.Contains((m.Start, m.Actor.Name))))
                    w.WriteLine($"{e.Language}\t{m.Actor.Name}\t{text.Substring(m.Start, m.Length)}\t{Clean(TextFold.Slice(text, m.Start - 30, m.Start + m.Length + 30))}");
            }
        }
        // What finding the inflected forms costs: the scan of every corpus text, as written only and with inflection.
        var texts = corpus.Examples.Select(e => e.Text).ToList();
        var asWritten = new ActorVocabulary(vocabulary.Actors) { MatchInflected = false };
        var scan = new List<IReadOnlyList<string>>();
        foreach (var (label, v) in new[] { ("as written", asWritten), ("with inflected forms", vocabulary) })
        {
            int mentions = 0;
            foreach (var t in texts) mentions += v.FindMentions(t).Count; // warm-up
            var watch = Stopwatch.StartNew();
            for (int pass = 0; pass < 3; pass++) foreach (var t in texts) v.FindMentions(t);
            scan.Add([label, BenchRun.Inv($"{watch.Elapsed.TotalMilliseconds / (3.0 * texts.Count):0.000}"), mentions.ToString()]);
        }
        bench.Table($"Actor scan of the {texts.Count} corpus texts ({texts.Sum(t => t.Length) / texts.Count} characters on average), 3 passes",
            ["aliases", "ms per text", "mentions"], scan);
        bench.Table($"Actor accuracy on held-out responses, true type given ({bench.Command("actors")}); errors in {errorsPath}",
            ["held out", "responses", "learned", "rules", "actor type", "error: no known actor named", "error: actor not a candidate", "error: wrong candidate chosen", "training s"], rows);
        return Task.CompletedTask;
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ');
}
