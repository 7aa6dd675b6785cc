using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Classify;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Models;

/// <summary>
/// Several workers, one database: loading never activates a version, a worker lacking the active version's files
/// fetches them (from the folder it was registered with, or from PostgreSQL), and only one worker makes the first model.
/// Runs on SQLite and, with PIPELINE_TEST_POSTGRES, on PostgreSQL (where the files come from the database).
/// </summary>
public class SharedModelTests
{
    private static ClassifierProvider Provider(TestPipeline p, string modelDirectory) =>
        new(new ClassifyOptions { ModelDirectory = modelDirectory, Companion = false }, new ModelVersionStore(p.Database), p.Items,
            NullLogger<ClassifierProvider>.Instance);

    /// <summary>A copy of a saved version under another version name: what a worker's own earlier model looks like.</summary>
    private static void CopyAs(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(to, "manifest.json")))!;
        manifest["Version"] = Path.GetFileName(to);
        manifest["Created"] = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O");
        File.WriteAllText(Path.Combine(to, "manifest.json"), manifest.ToJsonString());
    }

    [Fact]
    public async Task WorkerWithoutTheActiveFiles_FetchesThemAndNeverActivatesItsOwn()
    {
        await TestPipeline.EnsureModelAsync();
        using var p = new TestPipeline();
        await p.Database.MigrateAsync();
        var first = await Provider(p, TestPipeline.ModelDirectory).GetAsync(); // worker A: adopts the shared test model
        var versions = new ModelVersionStore(p.Database);
        Assert.Equal(first.Version, (await versions.ActiveAsync())!.Version);
        if (TestPipeline.OnPostgres) // another machine: the folder A registered is not readable there, the database is
            await p.ScalarAsync("UPDATE model_versions SET path = '/nonexistent/' || version");

        // Worker B has its own folder, holding an earlier model of the same corpus (which it used to re-activate).
        var own = Path.Combine(p.Directory, "worker-b-models");
        CopyAs(Path.Combine(TestPipeline.ModelDirectory, first.Version), Path.Combine(own, "v20990101-000000-b0b0b0"));
        var b = Provider(p, own);

        var loaded = await b.GetAsync();

        Assert.Equal(first.Version, loaded.Version);
        Assert.Equal(first.Version, (await versions.ActiveAsync())!.Version);
        Assert.True(File.Exists(Path.Combine(own, first.Version, "response.zip")), "the active version's files were fetched into B's folder");
        Assert.Single(await versions.ListAsync());
    }

    [Fact]
    public async Task FirstStart_WhileAnotherWorkerMakesTheModel_Waits()
    {
        await TestPipeline.EnsureModelAsync();
        using var p = new TestPipeline();
        await p.Database.MigrateAsync();
        var versions = new ModelVersionStore(p.Database);
        Assert.True(await versions.TryLeaseAsync("first-model", "worker-a", TimeSpan.FromMinutes(5)));
        var empty = Path.Combine(p.Directory, "worker-b-models");
        var b = Provider(p, empty);

        var waiting = b.GetAsync();
        for (int i = 0; i < 300 && !b.Status.Message.StartsWith("waiting for another worker"); i++) await Task.Delay(100);
        Assert.StartsWith("waiting for another worker", b.Status.Message);
        Assert.False(waiting.IsCompleted);
        Assert.Empty(await versions.ListAsync()); // B neither trained nor adopted anything

        // Worker A finishes: its model (the shared test model) is registered and active, then it lets the lease go.
        var made = Directory.EnumerateDirectories(TestPipeline.ModelDirectory)
            .Where(d => File.Exists(Path.Combine(d, "manifest.json")))
            .Select(d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, "manifest.json")))!)
            .Where(m => (string?)m["FeatureVersion"] == Pipeline.Classify.Training.ModelTrainer.FeatureVersion)
            .MaxBy(m => (DateTimeOffset)m["Created"]!)!;
        var version = (string)made["Version"]!;
        var folder = Path.Combine(TestPipeline.ModelDirectory, version);
        if (versions.KeepsFiles) await versions.SaveFilesAsync(version, folder);
        await versions.RegisterAsync(new ModelVersionRow(version, DateTimeOffset.UtcNow, folder, null, null, Active: true,
            FeatureVersion: Pipeline.Classify.Training.ModelTrainer.FeatureVersion));
        await versions.ReleaseLeaseAsync("first-model", "worker-a");

        var loaded = await waiting.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(version, loaded.Version);
        Assert.Single(await versions.ListAsync());
    }
}
