using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Worker.Cli;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Cli;

/// <summary>
/// The command line as a new user meets it: --help on every command, one-line errors with exit 2, the exit-code table
/// that --help and README share, and clean data on standard output.
/// </summary>
public class CommandLineTests
{
    /// <summary>Every command and subcommand with the options and arguments its help must name.</summary>
    public static readonly TheoryData<string, string[]> Help = new()
    {
        { "", ["--settings", "run", "ingest", "export", "evaluate", "classify", "train", "models", "sources", "reviewers", "demo"] },
        { "run", ["--settings"] },
        { "ingest", ["--source"] },
        { "export", ["--format", "--out", "--status", "jsonl|csv"] },
        { "evaluate", ["--data", "--validation", "--json", "--model", "--out-of-style", "--hold-out", "--no-baseline", "--facts-only"] },
        { "classify", ["--in", "--out", "--model"] },
        { "train", ["--data", "--promote", "--no-baseline"] },
        { "models", ["list", "promote", "rollback"] },
        { "models list", [] },
        { "models promote", ["VERSION"] },
        { "models rollback", [] },
        { "sources", ["status", "check"] },
        { "sources status", [] },
        { "sources check", ["--source"] },
        { "reviewers", ["add", "reset", "disable", "enable", "list"] },
        { "reviewers add", ["NAME", "--role", "reviewer|maintainer"] },
        { "reviewers reset", ["NAME"] },
        { "reviewers disable", ["NAME"] },
        { "reviewers enable", ["NAME"] },
        { "reviewers list", [] },
        { "demo", ["--dir"] },
    };

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Commands.RunAsync(args, stdout, stderr, stdin: new StringReader(""));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] AllOptions = Help.SelectMany(row => (string[])row[1]).Where(o => o.StartsWith("--")).Distinct().ToArray();

    [Theory]
    [MemberData(nameof(Help))]
    public async Task Help_OnEveryCommand_Exits0_NamesItsOwnOptionsOnly_AndTheExitCodes(string command, string[] names)
    {
        string[] path = command.Length == 0 ? [] : command.Split(' ');
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (code, stdout, stderr) = await RunAsync([.. path, flag]);

            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            foreach (var name in names.Append("--settings").Append("--help")) Assert.Contains(name, stdout);
            // Its own help, not one text for all: another command's option is not named.
            if (path.Length > 0)
                foreach (var other in AllOptions.Except(names).Where(o => o is not ("--settings" or "--help")))
                    Assert.DoesNotMatch($@"{Regex.Escape(other)}(?![\w-])", stdout);
            Assert.Contains("Exit codes:", stdout);
        }
    }

    [Fact]
    public void Help_TableAbove_ListsEveryCommandAndSubcommandOfTheTree()
    {
        var declared = new List<string>();
        void Walk(System.CommandLine.Command c, string prefix)
        {
            foreach (var sub in c.Subcommands.Where(s => !s.Hidden))
            {
                declared.Add((prefix + " " + sub.Name).Trim());
                Walk(sub, prefix + " " + sub.Name);
            }
        }
        Walk(new Pipeline.Worker.Cli.CommandLine(new Session(TextWriter.Null, TextWriter.Null, TextReader.Null)).Root, "");
        Assert.Equal(declared.Order(), Help.Select(row => (string)row[0]).Where(c => c.Length > 0).Order());
    }

    [Fact]
    public async Task HelpCommand_ShowsTheNamedCommandsHelp()
    {
        var (code, stdout, _) = await RunAsync("help", "classify");
        Assert.Equal(0, code);
        Assert.Contains("--in", stdout);
        Assert.DoesNotContain("--promote", stdout);
    }

    [Theory]
    [InlineData("'--inn'", "classify", "--inn", "x")]
    [InlineData("'frobnicate'", "frobnicate")]
    [InlineData("'--bogus'", "models", "list", "--bogus")]
    [InlineData("'--sorce'", "ingest", "--sorce", "x")]
    [InlineData("'promote'", "reviewers", "promote", "olga")]
    [InlineData("'promote'", "models", "promote")]
    [InlineData("--settings", "models", "list", "--settings")]
    [InlineData("--format must be jsonl or csv, not 'xml'", "export", "--format", "xml", "--out", "-")]
    [InlineData("--format", "export", "--out", "-")]
    [InlineData("--status must be one of pending, approved, rejected, filtered, duplicate or all, not 'new'", "export", "--format", "csv", "--out", "-", "--status", "new")]
    [InlineData("--role must be reviewer or maintainer, not 'admin'", "reviewers", "add", "olga", "--role", "admin")]
    [InlineData("'bad name!' is not a valid name", "reviewers", "add", "bad name!")]
    [InlineData("'maybe'", "evaluate", "--validation=maybe")]
    public async Task UsageErrors_AreOneLineOnStandardError_WithTheWayToHelp_Exit2(string expected, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.EndsWith("--help", stderr.TrimEnd());
    }

    [Fact]
    public async Task UsageErrorsFoundAfterParsing_AreOneLineWithTheWayToHelp_Exit2()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        foreach (var (args, expected) in new (string[], string)[]
                 {
                     (["ingest", "--source", "nope"], "unknown source id(s): nope"),
                     (["evaluate"], "evaluate needs --data FILE.jsonl, or --validation"),
                     (["evaluate", "--validation", "--hold-out", "voice-wire"], "--hold-out and --no-baseline are for evaluate --out-of-style"),
                 })
        {
            var run = await p.RunAsync(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.TrimEnd().Split('\n'));
            Assert.Contains(expected, run.Stderr);
            Assert.EndsWith($"{args[0]} --help", run.Stderr.TrimEnd());
        }
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("[1, 2]", "its root must be a JSON object")]
    [InlineData(null, "settings file not found")]
    [InlineData("folder", "settings file not found")]
    public async Task SettingsErrors_AreOneLine_Exit2(string? content, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;
        try
        {
            var file = Path.Combine(dir, "s.json");
            if (content == "folder") Directory.CreateDirectory(file);
            else if (content is not null) File.WriteAllText(file, content);

            foreach (var args in new string[][] { ["models", "list", "--settings", file], [$"--settings={file}", "sources", "status"] })
            {
                var (code, stdout, stderr) = await RunAsync(args);
                Assert.Equal(2, code);
                Assert.Equal("", stdout);
                Assert.Single(stderr.TrimEnd().Split('\n'));
                Assert.StartsWith("error: ", stderr);
                Assert.Contains(expected, stderr);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task FileSystemErrors_AreOneLineNamingThePath_Exit2_BeforeAnyWork()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var folder = Path.Combine(p.Directory, "a-folder");
        Directory.CreateDirectory(folder);
        var cases = new (string[] Args, string Expected)[]
        {
            (["classify", "--in", folder], $"input file names a folder, not a file: {folder}"),
            (["evaluate", "--data", folder], $"data file names a folder, not a file: {folder}"),
            (["train", "--data", Path.Combine(p.Directory, "missing.jsonl")], "data file not found"),
            (["export", "--format", "jsonl", "--out", "/proc/no-such-folder/out.jsonl"], "cannot create the folder for --out"),
            (["classify", "--out", "/proc/no-such-folder/out.jsonl"], "cannot create the folder for --out"),
            (["evaluate", "--validation", "--json", "/proc/no-such-folder/m.json"], "cannot create the folder for --json"),
        };
        foreach (var (args, expected) in cases)
        {
            var run = await p.RunAsync(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.TrimEnd().Split('\n'));
            Assert.Contains(expected, run.Stderr);
            Assert.Equal("", run.Stdout);
        }
    }

    [Fact]
    public async Task Classify_ToStandardOutput_SkippedLinesGoToStandardError_StandardOutputIsOnlyJsonl()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var input = Path.Combine(p.Directory, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id":"1","text":"Canada announced sanctions on 15 Belarusian officials."}""",
            "not json",
            """{"id":"3","text":"Weather in Paris will be sunny tomorrow."}""",
        ]);

        var run = await p.RunAsync("classify", "--in", input, "--out", "-");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["1", "3"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Contains("skipped in.jsonl:2", run.Stderr);
    }

    [Fact]
    public async Task ExitCodes_HelpAndReadmeShowTheSameTable()
    {
        var (_, help, _) = await RunAsync("--help");
        var helpCodes = Regex.Matches(help[help.IndexOf("Exit codes:", StringComparison.Ordinal)..], @"(?m)^\s+(\d+)\s{2,}").Select(m => m.Groups[1].Value);
        var readme = File.ReadAllText(Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "README.md"));
        var table = readme[readme.IndexOf("| exit code |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var readmeCodes = Regex.Matches(table, @"(?m)^\| `?(\d+)`? \|").Select(m => m.Groups[1].Value);

        Assert.Equal(["0", "1", "2", "130"], helpCodes);
        Assert.Equal(helpCodes, readmeCodes);
        Assert.Equal([ExitCodes.Ok, ExitCodes.Failed, ExitCodes.Usage, ExitCodes.Interrupted], helpCodes.Select(int.Parse));
    }

    [Fact]
    public async Task TheRealProcess_HelpExits0_ABadSettingsFileIsOneLineAndExit2()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;
        try
        {
            var array = Path.Combine(dir, "array.json");
            File.WriteAllText(array, "[1, 2]");
            var help = await ProcessAsync(dir, "classify", "--help");
            Assert.Equal(0, help.Code);
            Assert.Contains("--in", help.Stdout);
            Assert.Contains("Exit codes:", help.Stdout);

            var bad = await ProcessAsync(dir, "models", "list", "--settings", array);
            Assert.Equal(2, bad.Code);
            Assert.Equal("", bad.Stdout);
            Assert.Single(bad.Stderr.TrimEnd().Split('\n'));
            Assert.Contains("its root must be a JSON object", bad.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> ProcessAsync(string workingDirectory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", typeof(Commands).Assembly.Location, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory, UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
