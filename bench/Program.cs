using System.Diagnostics;
using System.Globalization;
using Pipeline.Bench.Benchmarks;
using Pipeline.Bench.Infrastructure;

// Benchmarks of the pipeline (issue 6): `dotnet run -c Release --project bench -- all [--quick]`. See BENCHMARKS.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var command = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "help";
bool quick = args.Contains("--quick");
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

switch (command)
{
    case "child-train":
        return ClassifierBench.ChildTrain(int.Parse(Option("--size")!, CultureInfo.InvariantCulture), Option("--out")!);
    case "child-predict":
        return ClassifierBench.ChildPredict(Option("--models")!, Option("--version")!, quick);
    case "help" or "--help" or "-h":
        Console.WriteLine("""
            usage: dotnet run -c Release --project bench -- COMMAND [--quick] [--work DIR] [--worker Pipeline.Worker.dll] [--sizes 4x50,10x100] [--postgres CS]

              all         every measurement below (--quick: smaller sizes, under 3 minutes)
              ingest      end-to-end ingest of 1k/5k/20k generated items from loopback (quick: 1k), the limit
                          (parse + extraction in memory), the ratio, the per-stage breakdown, re-polls, GC modes
              repoll      re-poll of an unchanged web (1k items): requests, bytes, seconds
              rss         peak RSS of the worker during the largest pass (20k; quick: 1k)
              extract     extraction F1/P/R and pages/s on ../shared/benchmarks/article-extraction
              classifier  training time and memory (1k/5k/20k examples), load time, predictions per second
              review      review API latency with 100k stored candidates
              coldstart   the 1k pass with other JIT settings and published ReadyToRun (not part of all)
              hostile     the pages of issue 12 built to stall a parser (nested divs, 6 MB of '<', comment and doctype
                          bombs, a 4 MB word): time and outcome per stage (not part of all)
              faults      a pass over 14 publishers (127.0.0.10–23) of which 5 misbehave, against all healthy: wall
                          times, the waits the faults impose, the overhead, items stored (3 runs each; quick: 1; not part of all)
              profile-classify  the classify stage step by step (also part of classifier)
              curve       learning curve of reviewed items: one corpus voice held out, 0/40/80/160 of its items added to
                          training at weight 1 and 3, scored on the rest of it (--groups voice-legal; not part of all)
              variants    response-model variants out of style: TF, TF-IDF, the raw baseline and their averages, each
                          voice half held out (--groups "voice-a,voice-b;long-" names others; --parallel: two at once)
              actors      the actor decision alone out of style: each voice half held out, the actor model trained on
                          the rest and scored given the true type, errors binned and written to actor-errors.tsv
                          (--groups as for variants; --inflected FILE lists the mentions found only as inflected
                          forms; seconds; not part of all)
              cluster     one worker host vs two on one clustered Quartz schedule (PostgreSQL), 16 sources × 50 items
                          behind 30–80 ms of publisher latency, 3 runs each (quick: 8 × 40, 1 run); not part of all.
                          Needs a PostgreSQL server it may create databases on: --postgres CS (default
                          $PIPELINE_BENCH_POSTGRES, else Host=127.0.0.1;Port=55432;Username=postgres)

            Work files (databases, models, results/*.json and *.md) go to --work DIR (default $TMPDIR/pipeline-bench).
            """);
        return 0;
}

if (Option("--sizes") is { } sizes) IngestBench.Override = IngestBench.ParseSizes(sizes);
var work = Option("--work") ?? Path.Combine(Path.GetTempPath(), "pipeline-bench");
Directory.CreateDirectory(work);
var bench = new BenchRun { Quick = quick, WorkDir = Path.GetFullPath(work), WorkerOverride = Option("--worker") };
Console.WriteLine($"Pipeline benchmarks — {command}{(quick ? " --quick" : "")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"machine: {Machine.Describe()}");
Console.WriteLine(BenchRun.Inv($"load average at start: {Cpu.LoadAverage():0.00} (other work on this machine)"));
Console.WriteLine($"work folder: {bench.WorkDir}");
var clock = Stopwatch.StartNew();
try
{
    switch (command)
    {
        case "all":
            await IngestBench.RunAsync(bench, "all");
            ExtractBench.Run(bench);
            await ClassifierBench.RunAsync(bench);
            if (!quick) await ClassifyProfile.RunAsync(bench);
            await ReviewBench.RunAsync(bench);
            break;
        case "ingest" or "repoll" or "rss":
            await IngestBench.RunAsync(bench, command);
            break;
        case "extract":
            ExtractBench.Run(bench);
            break;
        case "classifier":
            await ClassifierBench.RunAsync(bench);
            await ClassifyProfile.RunAsync(bench);
            break;
        case "coldstart":
            await ColdStartBench.RunAsync(bench);
            break;
        case "faults":
            await FaultBench.RunAsync(bench);
            break;
        case "hostile":
            HostileBench.Run(bench);
            break;
        case "profile-classify":
            await ClassifyProfile.RunAsync(bench);
            break;
        case "review":
            await ReviewBench.RunAsync(bench);
            break;
        case "curve":
            await LearningCurveBench.RunAsync(bench, (Option("--groups") ?? "voice-legal").Split(',', StringSplitOptions.RemoveEmptyEntries));
            break;
        case "actors":
            await ActorBench.RunAsync(bench, Option("--groups")?.Split(';', StringSplitOptions.RemoveEmptyEntries), Option("--inflected"));
            break;
        case "variants":
            await VariantsBench.RunAsync(bench, Option("--groups")?.Split(';', StringSplitOptions.RemoveEmptyEntries), args.Contains("--parallel"));
            break;
        case "cluster":
            await ClusterBench.RunAsync(bench, Option("--postgres") ?? Environment.GetEnvironmentVariable("PIPELINE_BENCH_POSTGRES") ?? ClusterBench.DefaultPostgres);
            break;
        default:
            Console.Error.WriteLine($"unknown command '{command}' (try: dotnet run -c Release --project bench -- help)");
            return 2;
    }
}
finally
{
    Console.WriteLine();
    Console.WriteLine("== Headline figures ==");
    foreach (var f in bench.Figures.Where(f => f.Headline))
        Console.WriteLine($"  {f.Name}: {f.Value}{(f.Goal is null ? "" : $"  (goal {f.Goal}: {(f.Met == true ? "met" : "MISSED")})")}");
    var missed = bench.Figures.Where(f => f.Met == false).ToList();
    Console.WriteLine(missed.Count == 0 ? "  goals: all measured goals met" : $"  goals missed: {string.Join("; ", missed.Select(f => f.Name))}");
    var saved = bench.Save(command);
    Console.WriteLine(BenchRun.Inv($"done in {clock.Elapsed.TotalMinutes:0.0} min; load average now {Cpu.LoadAverage():0.00}; figures saved to {saved}"));
}
return 0;
