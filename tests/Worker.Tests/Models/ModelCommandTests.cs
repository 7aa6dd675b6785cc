using Pipeline.Classify;
using System.Text.Json;
using Pipeline.Worker.Cli;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Models;

/// <summary>evaluate, classify, train and models through the real command line.</summary>
public class ModelCommandTests
{
    private static string Line(string id, string text, string primary, string actor = "none", string actorType = "none", string language = "en") =>
        JsonSerializer.Serialize(new
        {
            id, text, language, response_types = new[] { primary }, actor, actor_type = actorType, co_actors = Array.Empty<string>(),
            binding = (bool?)null, stance = (string?)null,
        });

    [Fact]
    public async Task Evaluate_LabelledFile_PrintsMetricsAndWritesExactlyTheContractKeys()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var data = Path.Combine(p.Directory, "eval.jsonl");
        File.WriteAllLines(data,
        [
            // The first item also carries a lifecycle and a (empty) list of targets.
            Line("a", "The Council of the EU today imposed an asset freeze and a travel ban on 25 Belarusian officials responsible for repression.",
                "targeted_sanctions", "Council of the EU", "igo")[..^1] + ""","lifecycle":"adopted","targets":[]}""",
            Line("b", "Lithuania expelled two Belarusian diplomats and closed two border crossings with Belarus.", "diplomatic_measures", "Lithuania", "state"),
            Line("c", "The EU adopted its 16th sanctions package against Russia, targeting the shadow fleet.", "irrelevant"),
            Line("d", "Суд у Мінску асудзіў журналіста да васьмі гадоў калоніі.", "not_a_response", language: "be"),
            """{"id":"e","text":"Something about Belarus","response_types":["sanctions_maybe"]}""",
            "this line is not JSON",
        ]);
        var json = Path.Combine(p.Directory, "metrics.json");

        var run = await p.RunAsync("evaluate", "--data", data, "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("unknown response type(s): sanctions_maybe", run.Stdout);
        Assert.Contains("not valid JSON", run.Stdout);
        Assert.Contains("confusion matrix", run.Stdout);
        Assert.Contains("response_macro_f1", run.Stdout);
        Assert.Contains("accuracy per language", run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        // The model the first start trains has no plain baseline (train trains one): no "baseline" key.
        Assert.Equal(["response_macro_f1", "accuracy", "relevance_f1", "actor_accuracy", "actor_type_accuracy", "queue_recall", "queue_precision",
                "queue_threshold", "per_class", "per_language", "n", "facts"],
            doc.RootElement.EnumerateObject().Select(o => o.Name));
        // The facts, each on the items that carry it: one item has a lifecycle and a (empty) list of targets.
        Assert.Contains("lifecycle_accuracy  1.0000   (1 of 4 items annotated)", run.Stdout);
        Assert.Contains("targets_recall", run.Stdout);
        var facts = doc.RootElement.GetProperty("facts");
        Assert.Equal(1, facts.GetProperty("lifecycle").GetProperty("n").GetInt32());
        Assert.Equal(1, facts.GetProperty("lifecycle_per_class").GetProperty("adopted").GetProperty("correct").GetInt32());
        Assert.Equal(1, facts.GetProperty("targets").GetProperty("n").GetInt32());
        // Two responses, both queued; two non-responses, neither (the Russia package is not about Belarus).
        Assert.Equal(1.0, doc.RootElement.GetProperty("queue_recall").GetDouble());
        Assert.Contains("queue_recall", run.Stdout);
        Assert.Contains("no plain baseline was trained", run.Stdout);
        Assert.Equal(4, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(9, doc.RootElement.GetProperty("per_class").EnumerateObject().Count());
        Assert.Equal(2, doc.RootElement.GetProperty("per_language").EnumerateObject().Count());
        // The irrelevant text names no Belarus term: the relevance rule inside the prediction makes it irrelevant.
        Assert.Equal(1.0, doc.RootElement.GetProperty("per_class").GetProperty("irrelevant").GetProperty("recall").GetDouble());
    }

    [Fact]
    public async Task Evaluate_Validation_UsesTheFixedSplitOfTheShippedCorpus_AndNeedsDataOrValidation()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var json = Path.Combine(p.Directory, "validation.json");

        var run = await p.RunAsync("evaluate", "--validation", "--json", json);

        Assert.Equal(0, run.ExitCode);
        var shipped = Pipeline.Worker.Classification.ClassifierProvider.ShippedCorpus().Examples;
        int expected = shipped.Count(Pipeline.Classify.Corpus.CorpusSplit.IsValidation);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(expected, doc.RootElement.GetProperty("n").GetInt32());
        Assert.InRange(expected, shipped.Count / 6, shipped.Count / 4); // about a fifth of the corpus
        Assert.Contains("fixed validation split", run.Stdout);

        var neither = await p.RunAsync("evaluate");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--validation", neither.Stderr);
    }

    [Fact]
    public async Task Evaluate_UnknownModelVersion_Exits2()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var data = Path.Combine(p.Directory, "e.jsonl");
        File.WriteAllLines(data, [Line("a", "Lithuania expelled two Belarusian diplomats.", "diplomatic_measures", "Lithuania", "state")]);
        var run = await p.RunAsync("evaluate", "--data", data, "--model", "v-does-not-exist");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("v-does-not-exist", run.Stderr);
    }

    [Fact]
    public async Task EvaluateFactsOnly_ScoresTheActsDateWithoutAModel_PerLanguage_WithTheErrorsInJson()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var data = Path.Combine(p.Directory, "dates.jsonl");
        File.WriteAllLines(data,
        [
            // Labelled with the act's date, labelled null, not annotated, and a date after its page (refused).
            Line("a", "Lithuania expelled two Belarusian diplomats yesterday.", "diplomatic_measures")[..^1] +
                ""","published":"2021-12-03","date":"2021-12-02"}""",
            Line("b", "Der Rat hat am Montag Sanktionen beschlossen.", "targeted_sanctions", language: "de")[..^1] +
                ""","published":"2021-12-03","date":null}""",
            Line("c", "The Council adopted new listings.", "targeted_sanctions"),
            """{"id":"d","text":"x","response_types":["statement"],"published":"2021-12-03","date":"2021-12-09"}""",
        ]);
        var json = Path.Combine(p.Directory, "dates.json");

        var run = await p.RunAsync("evaluate", "--facts-only", "--data", data, "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped dates.jsonl:4: date 2021-12-09 is after published 2021-12-03", run.Stdout);
        Assert.Contains("date_exact_accuracy 1.0000   (1 of 1 items labelled with a date; 2 of 3 items annotated)", run.Stdout);
        Assert.Contains("wrong guess 1 of 1 labelled null", run.Stdout);
        Assert.DoesNotContain("response_macro_f1", run.Stdout); // no model was loaded
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["n", "date", "date_per_language", "date_errors"], doc.RootElement.EnumerateObject().Select(o => o.Name));
        Assert.Equal(1.0, doc.RootElement.GetProperty("date").GetProperty("exact_accuracy").GetDouble());
        Assert.Equal(1, doc.RootElement.GetProperty("date_per_language").GetProperty("de").GetProperty("wrong_guess").GetInt32());
        var error = Assert.Single(doc.RootElement.GetProperty("date_errors").EnumerateArray());
        Assert.Equal(("b", "2021-11-29", "Montag"),
            (error.GetProperty("id").GetString(), error.GetProperty("found").GetString(), error.GetProperty("evidence").GetString()));

        var shipped = await p.RunAsync("evaluate", "--facts-only");
        Assert.Equal(0, shipped.ExitCode);
        Assert.Contains("facts without a model on the shipped corpus", shipped.Stdout);
        var mixed = await p.RunAsync("evaluate", "--facts-only", "--model", "v1");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("uses no model", mixed.Stderr + mixed.Stdout);
    }

    [Fact]
    public async Task EvaluateOutOfStyle_RefusesMixedModesAndGroupsWithoutExamples()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var mixed = await p.RunAsync("evaluate", "--out-of-style", "--validation");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("trains its own models", mixed.Stderr + mixed.Stdout);
        var empty = await p.RunAsync("evaluate", "--out-of-style", "--hold-out", "no-such-file-prefix", "--no-baseline");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no held-out group has examples", empty.Stderr + empty.Stdout);
    }

    [Fact]
    public async Task Classify_JsonlInAndOut_PredictsEveryLine()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var input = Path.Combine(p.Directory, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id":"1","title":"Sanctions","published":"2021-12-03T10:00:00Z","text":"Canada announced sanctions on 15 Belarusian officials over human rights violations on Monday under SOR/2020-214."}""",
            """{"id":"2","text":"Weather in Paris will be sunny tomorrow."}""",
            """{"id":"3","text":"The Council added Belaruskali and Grodno Azot to the sanctions list."}""",
        ]);
        var output = Path.Combine(p.Directory, "out.jsonl");

        var run = await p.RunAsync("classify", "--in", input, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("1", lines[0].GetProperty("id").GetString());
        Assert.Equal(9, lines[0].GetProperty("scores").EnumerateObject().Count());
        // The targets with where they are written.
        var targets = lines[2].GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Belaruskali", "Grodno Azot"], targets.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(18, targets[0].GetProperty("start").GetInt32());
        Assert.Equal(11, targets[0].GetProperty("length").GetInt32());
        Assert.Equal("entity", targets[0].GetProperty("kind").GetString());
        Assert.Equal("Canada", lines[0].GetProperty("actor").GetString());
        Assert.Equal("irrelevant", lines[1].GetProperty("response_types")[0].GetString());
        Assert.False(lines[1].GetProperty("relevant").GetBoolean());
        // The queue decision (what ingest would do) and the probability it rests on; stance and binding of a response.
        Assert.True(lines[0].GetProperty("queue").GetBoolean());
        Assert.False(lines[1].GetProperty("queue").GetBoolean());
        var pResponse = lines[0].GetProperty("p_response").GetDouble();
        var sum = lines[0].GetProperty("scores").EnumerateObject().Where(s => Taxonomy.IsResponse(s.Name)).Sum(s => s.Value.GetDouble());
        Assert.Equal(sum, pResponse, 2);
        Assert.True(lines[1].GetProperty("p_response").GetDouble() < 0.5);
        Assert.Equal("critical", lines[0].GetProperty("stance").GetString());
        Assert.Equal(JsonValueKind.True, lines[0].GetProperty("binding").ValueKind);
        // The legal instruments the text names, normalised, with the link the reference gives.
        var act = Assert.Single(lines[0].GetProperty("legal_acts").EnumerateArray());
        Assert.Equal("SOR/2020-214", act.GetProperty("id").GetString());
        Assert.Equal("ca_sor", act.GetProperty("kind").GetString());
        Assert.Equal("https://laws-lois.justice.gc.ca/eng/regulations/SOR-2020-214/", act.GetProperty("url").GetString());
        Assert.Empty(lines[1].GetProperty("legal_acts").EnumerateArray());
        // The date of the act, read against the page's date ("on Monday" before Friday 3 December 2021); none in a weather note.
        Assert.Equal("2021-11-29", lines[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("date").ValueKind);
        // The lifecycle with the sentence it was read from ("announced sanctions" is an act done); none for the weather.
        Assert.Equal("adopted", lines[0].GetProperty("lifecycle").GetString());
        var evidence = lines[0].GetProperty("lifecycle_evidence");
        Assert.False(evidence.GetProperty("in_title").GetBoolean());
        Assert.Equal(0, evidence.GetProperty("start").GetInt32());
        Assert.StartsWith("Canada announced sanctions", evidence.GetProperty("sentence").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("lifecycle").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("lifecycle_evidence").ValueKind);
        Assert.Empty(lines[1].GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task Classify_ToStandardOutput_InTheRealProcess_WritesOnlyPredictions_LogLinesGoToStandardError()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        await TestPipeline.EnsureModelAsync();
        var input = Path.Combine(p.Directory, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id":"1","text":"Canada announced sanctions on 15 Belarusian officials over human rights violations."}""",
            """{"id":"2","text":"Weather in Paris will be sunny tomorrow."}""",
        ]);
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet",
            ["exec", typeof(Commands).Assembly.Location, "classify", "--in", input, "--out", "-", "--settings", p.SettingsPath])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = p.Directory, UseShellExecute = false,
        };
        // Information logging on, as in the shipped appsettings.json: the "loaded classifier" line must not reach stdout.
        psi.Environment["Logging__LogLevel__Default"] = "Information";
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);

        Assert.Equal(0, process.ExitCode);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["1", "2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Contains("info:", await stderr);
    }

    [Fact]
    public async Task FileSystemAndDataErrors_AreOneLineAndExit2_BeforeAnyWork_WithoutTheUsageText()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var input = Path.Combine(p.Directory, "in.jsonl");
        File.WriteAllLines(input, ["""{"id":"1","text":"Canada announced sanctions on 15 Belarusian officials."}"""]);
        var blocker = Path.Combine(p.Directory, "a-file");
        File.WriteAllText(blocker, "");

        var intoFolder = await p.RunAsync("classify", "--in", input, "--out", p.Directory);
        var underAFile = await p.RunAsync("classify", "--in", input, "--out", Path.Combine(blocker, "out.jsonl"));
        var evaluate = await p.RunAsync("evaluate", "--validation", "--json", Path.Combine(blocker, "m.json"));
        var empty = Path.Combine(p.Directory, "empty.jsonl");
        File.WriteAllText(empty, "not json\n");
        var noItems = await p.RunAsync("evaluate", "--data", empty);
        var export = await p.RunAsync("export", "--format", "csv", "--out", p.Directory);
        var noModel = await p.RunAsync("models", "promote", "v-none");
        var noInput = await p.RunAsync("classify", "--in", Path.Combine(p.Directory, "missing.jsonl"));

        foreach (var run in new[] { intoFolder, underAFile, evaluate, noItems, export, noModel, noInput })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: ", run.Stderr);
            Assert.Single(run.Stderr.Trim().Split('\n'));           // one line: no stack trace, no usage text
        }
        Assert.Contains("names a folder, not a file", intoFolder.Stderr);
        Assert.Contains("cannot create the folder for --out", underAFile.Stderr);
        Assert.Contains("cannot create the folder for --json", evaluate.Stderr);
        Assert.DoesNotContain("response_macro_f1", evaluate.Stdout); // refused before the work, not after printing it
        Assert.Contains("has no usable labelled items", noItems.Stderr);
        Assert.Contains("names a folder, not a file", export.Stderr);
        Assert.Contains("is not registered", noModel.Stderr);
        Assert.Contains("input file not found", noInput.Stderr);
        // A missing folder is created, as export always did.
        var nested = Path.Combine(p.Directory, "new", "folder", "out.jsonl");
        Assert.Equal(0, (await p.RunAsync("classify", "--in", input, "--out", nested)).ExitCode);
        Assert.Single(File.ReadAllLines(nested));
        // A usage error is one line too, pointing at the command's help.
        var usage = await p.RunAsync("classify", "--inn", input);
        Assert.Equal(2, usage.ExitCode);
        Assert.Single(usage.Stderr.Trim().Split('\n'));
        Assert.Contains("'--inn'", usage.Stderr);
        Assert.EndsWith("classify --help", usage.Stderr.Trim());
    }

    [Fact]
    public async Task Train_PromoteRefusesAWorseModel_ModelsPromoteAndRollbackSwitchVersions()
    {
        using var p = new TestPipeline();
        // The first start and train read a fifth of the shipped corpus (Classify:CorpusDirectory): what is tested is the
        // promote rule and the version switches, and a training of the whole corpus took 6–8 minutes of CI.
        var slice = Path.Combine(p.Directory, "corpus");
        Directory.CreateDirectory(slice);
        foreach (var file in Directory.EnumerateFiles(Pipeline.Classify.Corpus.CorpusLoader.DefaultCorpusDirectory, "*.jsonl"))
            File.WriteAllLines(Path.Combine(slice, Path.GetFileName(file)), File.ReadLines(file).Where((_, i) => i % 5 == 0));
        p.Configure([], o => o["Classify"]!["CorpusDirectory"] = slice);
        Assert.Contains("no model versions", (await p.RunAsync("models", "list")).Stdout);
        await p.RunAsync("ingest"); // the first start trains on the fifth
        var initial = await p.RunAsync("models", "list");
        var active = initial.Stdout.Split('\n').Single(l => l.StartsWith('*')).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        // Poisoned extra data: for every response type, texts in that type's own vocabulary labelled as the next type.
        var poison = Path.Combine(p.Directory, "poison.jsonl");
        var vocabulary = new (string Label, string Text)[]
        {
            ("statement", "condemns the repression in Belarus and calls on the authorities to release political prisoners"),
            ("targeted_sanctions", "imposes an asset freeze and a travel ban on Belarusian officials and judges"),
            ("economic_measures", "bans imports of Belarusian potash and petroleum products and closes its airspace to Belavia"),
            ("diplomatic_measures", "expels Belarusian diplomats and recalls its ambassador from Minsk"),
            ("support", "funds independent Belarusian media and grants humanitarian visas to exiles"),
            ("resolution", "adopts a resolution on Belarus by a large majority in the plenary"),
            ("investigation", "opens an investigation into crimes against humanity in Belarus under universal jurisdiction"),
        };
        File.WriteAllLines(poison, Enumerable.Range(0, 700).Select(i =>
        {
            var (label, text) = vocabulary[i % vocabulary.Length];
            var wrong = vocabulary[(i + 1) % vocabulary.Length].Label;
            return Line($"poison-{i}", $"Report {i}: the government {text}. Statement number {i % 13} of week {i % 7}.", wrong, "Lithuania", "state");
        }));

        var train = await p.RunAsync("train", "--data", poison, "--promote", "--no-baseline");

        Assert.True(train.ExitCode == 0, $"train exited {train.ExitCode}:\n{train.Stderr}\n{train.Stdout}");
        Assert.True(train.Stdout.Contains("not promoted"), train.Stdout);
        Assert.Contains("active " + active, train.Stdout);
        var list = await p.RunAsync("models", "list");
        Assert.StartsWith("* " + active, list.Stdout.Split('\n').Single(l => l.StartsWith('*')));
        var poisoned = list.Stdout.Split('\n').Where(l => l.StartsWith("  v") && !l.StartsWith("  version")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Single();

        var promote = await p.RunAsync("models", "promote", poisoned);
        Assert.Equal(0, promote.ExitCode);
        Assert.Contains("* " + poisoned, (await p.RunAsync("models", "list")).Stdout);

        var rollback = await p.RunAsync("models", "rollback");
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("* " + active, (await p.RunAsync("models", "list")).Stdout);

        var bad = await p.RunAsync("models", "promote", "v-nope");
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public async Task CorrectedReview_ChangesTheNextModelsTrainingData()
    {
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapText("/feed.xml", "application/rss+xml", SampleWeb.Rss(web.BaseUrl, [(SampleWeb.Expulsion, "e")]));
        web.MapText("/e", "text/html", SampleWeb.Page(SampleWeb.Expulsion));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("mfa", web.Url("feed.xml"))]);
        await p.RunAsync("ingest");
        var provider = new Pipeline.Worker.Classification.ClassifierProvider(new Pipeline.Classify.ClassifyOptions { ModelDirectory = TestPipeline.ModelDirectory },
            new Pipeline.Store.ModelVersionStore(p.Database), p.Items, Microsoft.Extensions.Logging.Abstractions.NullLogger<Pipeline.Worker.Classification.ClassifierProvider>.Instance);
        var before = await provider.TrainingDataAsync([], default);

        // A reviewer corrects the candidate: it was a statement by the EEAS, say.
        await using (var c = await p.Database.OpenAsync())
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = """UPDATE candidates SET status = 'approved', reviewed_types = '["statement"]', reviewed_actor = 'EEAS', reviewed_actor_type = 'igo'""";
            await cmd.ExecuteNonQueryAsync();
        }
        var after = await provider.TrainingDataAsync([], default);

        Assert.Equal(before.Examples.Count + 1, after.Examples.Count);
        Assert.NotEqual(before.Fingerprint(), after.Fingerprint());
        var reviewed = after.Examples.Single(e => e.Id!.StartsWith("review-"));
        Assert.Equal(["statement"], reviewed.ResponseTypes);
        Assert.Equal("EEAS", reviewed.Actor);
        Assert.Contains("persona non grata", reviewed.Text);
        // Reviews teach: a reviewed item weighs Classify:ReviewWeight (default 3), a team-written example 1, and so do
        // examples of train --data files (training-only).
        Assert.Equal(3f, reviewed.Weight);
        Assert.All(after.Examples.Where(e => !e.Id!.StartsWith("review-")), e => Assert.Equal(1f, e.Weight));
        var extra = Path.Combine(p.Directory, "reviewed.jsonl");
        File.WriteAllLines(extra, ["""{"id":"r1","text":"Norway grants humanitarian visas to Belarusian journalists.","response_types":["support"],"actor":"Norway","actor_type":"state"}"""]);
        var heavier = new Pipeline.Worker.Classification.ClassifierProvider(
            new Pipeline.Classify.ClassifyOptions { ModelDirectory = TestPipeline.ModelDirectory, ReviewWeight = 5 },
            new Pipeline.Store.ModelVersionStore(p.Database), p.Items, Microsoft.Extensions.Logging.Abstractions.NullLogger<Pipeline.Worker.Classification.ClassifierProvider>.Instance);
        var withFile = await heavier.TrainingDataAsync([extra], default);
        Assert.Equal(5f, withFile.Examples.Single(e => e.Id == "r1").Weight);
        Assert.True(withFile.Examples.Single(e => e.Id == "r1").TrainOnly);
        Assert.Equal(5f, withFile.Examples.Single(e => e.Id!.StartsWith("review-")).Weight);
    }
}
