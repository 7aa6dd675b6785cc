using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Review.Auth;
using Pipeline.Worker.Review.Demo;

namespace Pipeline.Worker.Cli;

/// <summary>The <c>reviewers</c> and <c>demo</c> commands.</summary>
public static class ReviewCommands
{
    public const string ReviewersUsage = "reviewers add NAME [--role reviewer|maintainer] | reviewers reset NAME | reviewers disable NAME | reviewers enable NAME | reviewers list";
    public const string DemoReviewer = "demo";

    /// <summary>
    /// <c>reviewers add NAME [--role reviewer|maintainer]</c> prints a generated password once (only its salted hash is
    /// stored); <c>reviewers reset NAME</c> replaces it (signing the account out everywhere); <c>reviewers disable NAME</c>
    /// ends its sessions and refuses its sign-ins until <c>reviewers enable NAME</c>; <c>reviewers list</c>.
    /// </summary>
    public static async Task<int> ReviewersAsync(string verb, string? name, string role, IConfiguration configuration,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // The parser checks the verb, the NAME and the role; a caller in code gets the same checks.
        if (verb is not ("add" or "reset" or "disable" or "enable" or "list")) throw new UsageException($"unknown 'reviewers {verb}'; usage: {ReviewersUsage}");
        if (verb != "list" && !Accounts.IsValidName(name)) throw new UsageException($"'{name}' is not a valid name");
        if (!Accounts.IsRole(role)) throw new UsageException($"--role must be {Accounts.Reviewer} or {Accounts.Maintainer}, not '{role}'");

        await using var services = Commands.BuildServices(configuration);
        var db = services.GetRequiredService<Database>();
        await db.MigrateAsync(ct);
        var users = new UserStore(db);
        switch (verb)
        {
            case "add":
            {
                var password = await Accounts.CreateAsync(users, name!, role, DateTimeOffset.UtcNow, ct);
                if (password is null)
                {
                    await stderr.WriteLineAsync($"error: reviewer '{name}' already exists (use 'reviewers reset {name}' for a new password)");
                    return 2;
                }
                await stdout.WriteLineAsync($"added {role} {name} to {db.DataSource}");
                await stdout.WriteLineAsync($"password: {password}");
                await stdout.WriteLineAsync("The password is shown only now and stored only as a salted hash: hand it over by a safe channel.");
                return 0;
            }
            case "reset":
            {
                var password = await Accounts.ResetAsync(users, name!, ct);
                if (password is null)
                {
                    await stderr.WriteLineAsync($"error: no reviewer '{name}'");
                    return 2;
                }
                await stdout.WriteLineAsync($"new password for {name} (their open sessions are signed out)");
                await stdout.WriteLineAsync($"password: {password}");
                return 0;
            }
            case "disable" or "enable":
            {
                if (!await users.SetDisabledAsync(name!, verb == "disable", ct))
                {
                    await stderr.WriteLineAsync($"error: no reviewer '{name}'");
                    return 2;
                }
                await stdout.WriteLineAsync(verb == "disable"
                    ? $"disabled {name}: their open sessions are signed out and they cannot sign in (reviewers enable {name} undoes it)"
                    : $"enabled {name}: they can sign in again");
                return 0;
            }
            default:
            {
                var list = await users.ListAsync(ct);
                await stdout.WriteLineAsync($"{"name",-24} {"role",-11} {"created",-20} state");
                foreach (var u in list)
                    await stdout.WriteLineAsync($"{u.Name,-24} {u.Role,-11} {u.Created:yyyy-MM-dd HH:mm}     {(u.Disabled ? "disabled" : "active")}");
                await stdout.WriteLineAsync($"{list.Count} account(s)");
                return 0;
            }
        }
    }

    /// <summary>
    /// <c>demo [--dir DIR]</c>: serves the bundled sample web (<c>samples/</c>) on loopback, runs the real ingest pass
    /// over it into a fresh store (a settings layer with the sample sources and <c>Fetch:AllowPrivateNetworks</c>),
    /// creates a demo maintainer and starts the host, printing the URL and the credentials. Without <c>--dir</c> the
    /// store lives in a temporary folder that is deleted when the demo stops.
    /// </summary>
    public static async Task<int> DemoAsync(string? keep, IReadOnlyList<string> userSettings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var dir = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), "pipeline-demo-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(dir);
        try
        {
            await using var site = await SampleSite.StartAsync(SampleSite.Locate(), ct);
            await stdout.WriteLineAsync($"sample web: {site.BaseUrl} ({site.Sources.Count} publishers from {site.Directory})");
            var layer = site.WriteSettingsLayer(dir);
            string[] settings = [.. userSettings, layer];
            string[] settingsArgs = [.. settings.SelectMany(s => new[] { "--settings", s })];

            // The real ingest pass, as `ingest` runs it: fetch, parse, extract, relevance, classify, deduplicate, store.
            var ingest = await Commands.RunAsync(["ingest", .. settingsArgs], stdout, stderr, ct);
            if (ingest != 0) return ingest;

            var configuration = PipelineConfiguration.Build(settings);
            var options = PipelineConfiguration.Bind(configuration);
            PipelineConfiguration.Validate(configuration);
            var users = new UserStore(new Database(options.Storage.Provider, options.Storage.ConnectionString));
            var password = await Accounts.CreateAsync(users, DemoReviewer, Accounts.Maintainer, DateTimeOffset.UtcNow, ct)
                           ?? await Accounts.ResetAsync(users, DemoReviewer, ct);
            // A few approvals, so the statistics and the published dataset show something before the first review.
            var reviews = new ReviewStore(new Database(options.Storage.Provider, options.Storage.ConnectionString));
            var seeded = await DemoDecisions.SeedAsync(reviews, DemoReviewer, DateTimeOffset.UtcNow, ct);
            if (seeded.Count > 0)
                await stdout.WriteLineAsync($"demo decisions: approved {seeded.Count} candidates as predicted ({string.Join(", ", seeded.Select(id => $"#{id}"))}; " +
                                            $"\"{DemoDecisions.Decision}\" in their audit trail, undo them with u) so the statistics and the dataset are not empty");

            await using var app = PipelineHost.Build(configuration, options, []);
            await app.Services.GetRequiredService<Database>().MigrateAsync(ct);
            await app.Services.GetRequiredService<ClassifierProvider>().GetAsync(ct);
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"error: cannot listen on {options.Review.Urls}: {e.Message} " +
                                            "(is the host already running? choose another address with Pipeline__Review__Urls=http://127.0.0.1:5081)");
                return 1;
            }
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync($"review queue: {url}");
            await stdout.WriteLineAsync($"user: {DemoReviewer}");
            await stdout.WriteLineAsync($"password: {password}");
            await stdout.WriteLineAsync($"dataset: {url}responses.json  statistics: {url}stats");
            await stdout.WriteLineAsync(keep is null
                ? $"store: {dir} (temporary: deleted when the demo stops; use --dir DIR to keep it)"
                : $"store: {dir}");
            await stdout.WriteLineAsync("Press Ctrl+C to stop.");
            await stdout.FlushAsync(ct);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
