using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using Pipeline.Store;
using Pipeline.Worker.Review.Auth;

namespace Pipeline.Worker.Cli;

/// <summary>
/// The worker's command line, declared with System.CommandLine: every command, subcommand, option and argument with its
/// type and description. <c>--help</c> (<c>-h</c>) on each prints its help and the exit codes. What each command does
/// is in <see cref="Commands"/>, <see cref="ModelCommands"/>, <see cref="ReviewCommands"/> and <see cref="SourceCommands"/>;
/// errors become exit codes in <see cref="Commands.RunAsync"/>.
/// </summary>
public sealed class CommandLine
{
    public const string Invocation = "dotnet run --project Worker --";
    public const string SettingsName = "--settings";

    /// <summary>Every command takes it, anywhere on the line.</summary>
    public Option<string[]> Settings { get; } = new(SettingsName)
    {
        Description = "a JSON settings file (same schema) layered over appsettings.json; repeatable, later files win",
        HelpName = "FILE", Recursive = true,
    };

    public RootCommand Root { get; }

    /// <summary><c>@FILE</c> words are not expanded as response files: a path such as <c>@input.jsonl</c> stays a path.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private readonly Session s;

    public CommandLine(Session session)
    {
        s = session;
        Root = new RootCommand(
            "Pipeline — collects and classifies international responses to the crisis in Belarus.\n" +
            $"Run as: {Invocation} [command] [options]. With no command: the host (scheduled polling of every enabled " +
            "source, /health and the review queue on Pipeline:Review:Urls).");
        Root.Options.Add(Settings);
        // The ASP.NET Core test host (WebApplicationFactory) starts the program with its host settings as --key=value.
        foreach (var name in new[] { "--environment", "--applicationName", "--contentRoot" })
            Root.Options.Add(new Option<string>(name) { Hidden = true });
        OnSettings(Root, (_, cfg, o, ct) => Commands.HostAsync(cfg, o, s, ct));
        var help = Root.Options.OfType<HelpOption>().Single();
        var inner = (HelpAction)help.Action!;
        inner.MaxWidth = 120; // the same lines on a terminal and in a file
        help.Action = new HelpWithExitCodes(inner);

        var run = new Command("run", "The host (the same as no command): scheduled polls, /health, the review queue.");
        OnSettings(run, (_, cfg, o, ct) => Commands.HostAsync(cfg, o, s, ct));
        Command[] commands = [run, Ingest(), Export(), Evaluate(), Classify(), Train(), Models(), Sources(), Reviewers(), Demo(), Help()];
        foreach (var command in commands) Root.Subcommands.Add(command);
    }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Parsing);

    /// <summary>The words that name the parsed command (<c>models promote</c>), without the program's name.</summary>
    public static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c && c.Command is not RootCommand; r = r.Parent)
            names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>The command runs after the settings are loaded and validated.</summary>
    private void OnSettings(Command command, Func<ParseResult, IConfigurationRoot, PipelineOptions, CancellationToken, Task<int>> body) =>
        command.SetAction((r, ct) => s.WithSettingsAsync(r, (cfg, o) => body(r, cfg, o, ct)));

    /// <summary>The command runs with the services of a one-shot command over a migrated store.</summary>
    private void OnStore(Command command, Func<ParseResult, IServiceProvider, PipelineOptions, CancellationToken, Task<int>> body) =>
        OnSettings(command, (r, cfg, o, ct) => s.WithStoreAsync(cfg, services => body(r, services, o, ct), ct));

    private Command Ingest()
    {
        var source = SourceOption("every enabled source. A named source is polled even while it backs off");
        var command = new Command("ingest",
            "One pass now over all enabled (or the named) sources. Prints a line per source as it finishes and a summary " +
            "table: new items, duplicates, filtered, queued, errors. Exit 0 when the pass completed, even if sources " +
            "failed (their errors are recorded on the source).") { source };
        OnSettings(command, (r, cfg, o, ct) => Commands.IngestAsync(r.GetValue(source) ?? [], cfg, o, s.Stdout, ct));
        return command;
    }

    private Command Export()
    {
        var format = new Option<string>("--format")
        {
            Description = "the file format: JSON lines, or CSV (RFC 4180)", HelpName = "jsonl|csv", Required = true,
        };
        format.Validators.Add(OneOf("--format", ["jsonl", "csv"], "jsonl or csv"));
        var output = new Option<string>("--out")
        {
            Description = "the file to write (its folder is created when missing); - for standard output", HelpName = "FILE|-",
            Required = true,
        };
        string[] statuses = [.. ItemStore.Statuses, "all"];
        var status = new Option<string>("--status")
        {
            Description = "only the items with this status", HelpName = string.Join('|', statuses), DefaultValueFactory = _ => "all",
        };
        status.Validators.Add(OneOf("--status", statuses, $"one of {string.Join(", ", ItemStore.Statuses)} or all"));
        var command = new Command("export",
            "One record per stored item (id, url, canonical_url, source, title, published, fetched, language, text, " +
            "response_types, scores, actor, actor_type, confidence, status, model_version, duplicate_of, duplicates).")
        {
            format, output, status,
        };
        OnSettings(command, (r, cfg, _, ct) =>
            Commands.ExportAsync(r.GetValue(format)!, r.GetValue(output)!, r.GetValue(status)!, cfg, s.Stdout, ct));
        return command;
    }

    private Command Evaluate()
    {
        var data = new Option<string>("--data")
        {
            Description = "labelled taxonomy JSONL to score (only text is used to predict)", HelpName = "FILE.jsonl",
        };
        var validation = new Option<bool>("--validation") { Description = "score the shipped corpus's fixed validation split instead" };
        var json = new Option<string>("--json") { Description = "also write the metrics as JSON to this file", HelpName = "OUT" };
        var model = new Option<string>("--model")
        {
            Description = "the registered version to score (default: the active one)", HelpName = "VERSION",
        };
        var outOfStyle = new Option<bool>("--out-of-style")
        {
            Description = "hold out whole groups of the shipped corpus, train on the rest, score each group (10–30 min per group)",
        };
        var holdOut = new Option<string[]>("--hold-out")
        {
            Description = "with --out-of-style: a group to hold out (repeatable): a file-name prefix (voice-wire), several " +
                          "joined by commas, or lang:xx",
            HelpName = "NAME",
        };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "with --out-of-style: no plain baseline beside each model" };
        var factsOnly = new Option<bool>("--facts-only")
        {
            Description = "only the facts read without a model — the act's date (exact day, missed, wrong guesses, per " +
                          "language) — on the shipped corpus's annotated examples (or --validation, or --data); no model " +
                          "is loaded or trained: seconds",
        };
        var command = new Command("evaluate",
            "Metrics of the active (or named) model on labelled JSONL (--data) or on the fixed validation split " +
            "(--validation): per-class precision/recall/F1, confusion matrix, response_macro_f1, accuracy, queue recall and " +
            "precision, actor accuracy, per language, beside the plain baseline trained with that version. Or --out-of-style, " +
            "or --facts-only.")
        {
            data, validation, json, model, outOfStyle, holdOut, noBaseline, factsOnly,
        };
        OnStore(command, (r, services, _, ct) => ModelCommands.EvaluateAsync(new ModelCommands.EvaluateArgs(
            r.GetValue(data), r.GetValue(validation), r.GetValue(json), r.GetValue(model), r.GetValue(outOfStyle),
            r.GetValue(holdOut) ?? [], r.GetValue(noBaseline), r.GetValue(factsOnly)), services, s.Stdout, ct));
        return command;
    }

    private Command Classify()
    {
        var input = new Option<string>("--in")
        {
            Description = "JSONL with text (and optional id, title); - for standard input (the default)", HelpName = "FILE|-",
        };
        var output = new Option<string>("--out")
        {
            Description = "one prediction per line to this file (its folder is created when missing); - for standard output " +
                          "(the default)",
            HelpName = "FILE|-",
        };
        var model = new Option<string>("--model")
        {
            Description = "the registered version to use (default: the active one)", HelpName = "VERSION",
        };
        var command = new Command("classify",
            "One prediction per input line: response_types (primary first), scores, actor, actor_type, co_actors, " +
            "confidence, stance, binding, relevant, p_response, queue, model_version.") { input, output, model };
        OnStore(command, (r, services, _, ct) =>
            ModelCommands.ClassifyAsync(r.GetValue(input), r.GetValue(output), r.GetValue(model), services, s.Stdin, s.Stdout, s.Stderr,
                ct));
        return command;
    }

    private Command Train()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "a further labelled JSONL file to train on (repeatable; weighted Classify:ReviewWeight, training only)",
            HelpName = "FILE",
        };
        var promote = new Option<bool>("--promote")
        {
            Description = "activate the new version if its validation response_macro_f1 is not worse",
        };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "do not train the plain baseline beside it" };
        var command = new Command("train",
            "Train on the shipped corpus + every approved or corrected review + the given files, print the new and the " +
            "active model's validation metrics side by side, register the version.") { data, promote, noBaseline };
        OnStore(command, (r, services, _, ct) =>
            ModelCommands.TrainAsync(r.GetValue(data) ?? [], r.GetValue(promote), r.GetValue(noBaseline), services, s.Stdout, ct));
        return command;
    }

    private Command Models()
    {
        var list = new Command("list", "Registered versions with their validation metrics (* = active). The default.");
        var version = new Argument<string>("VERSION") { Description = "a version from models list" };
        var promote = new Command("promote", "Activate a registered version; running hosts pick it up on their next poll.") { version };
        var rollback = new Command("rollback", "Return to the previously active version.");
        var command = new Command("models", "Registered model versions: list, promote VERSION, rollback.") { list, promote, rollback };
        OnStore(command, (_, services, _, ct) => ModelCommands.ModelsAsync("list", null, services, s.Stdout, ct));
        OnStore(list, (_, services, _, ct) => ModelCommands.ModelsAsync("list", null, services, s.Stdout, ct));
        OnStore(promote, (r, services, _, ct) => ModelCommands.ModelsAsync("promote", r.GetValue(version), services, s.Stdout, ct));
        OnStore(rollback, (_, services, _, ct) => ModelCommands.ModelsAsync("rollback", null, services, s.Stdout, ct));
        return command;
    }

    private Command Sources()
    {
        var status = new Command("status",
            "Health of every source: condition (ok, failing, backing-off, gone, suspect, new, disabled), consecutive " +
            "failures, last success, next check, items last/usual, the last problem. The default.");
        var source = SourceOption("every source");
        var check = new Command("check",
            "Fetch each (or the named) source once now and report HTTP status, content type, size, redirects and the parse " +
            "result; stores nothing.") { source };
        var command = new Command("sources", "The source catalogue's health: status, check.") { status, check };
        OnStore(command, (_, services, o, ct) => SourceCommands.StatusAsync(o, services, s.Stdout, ct));
        OnStore(status, (_, services, o, ct) => SourceCommands.StatusAsync(o, services, s.Stdout, ct));
        OnStore(check, (r, services, o, ct) => SourceCommands.CheckAsync(r.GetValue(source) ?? [], o, services, s.Stdout, ct));
        return command;
    }

    private Command Reviewers()
    {
        var command = new Command("reviewers", "Review accounts, created on the server (there is no sign-up page).");
        var role = new Option<string>("--role")
        {
            Description = "decide candidates (reviewer), or also change decided ones and undo anyone's (maintainer)",
            HelpName = $"{Accounts.Reviewer}|{Accounts.Maintainer}", DefaultValueFactory = _ => Accounts.Reviewer,
        };
        role.Validators.Add(OneOf("--role", [Accounts.Reviewer, Accounts.Maintainer], $"{Accounts.Reviewer} or {Accounts.Maintainer}"));
        foreach (var (verb, description) in new[]
                 {
                     ("add", "Create an account; prints its generated password once (only a salted hash is stored)."),
                     ("reset", "A new password; signs the account out everywhere."),
                     ("disable", "Sign the account out everywhere and refuse its sign-ins."),
                     ("enable", "Allow a disabled account to sign in again."),
                 })
        {
            const string rule = "letters, digits, '.', '_', '@', '-' (at most 64, starting with a letter or digit)";
            var name = new Argument<string>("NAME") { Description = rule };
            name.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<string>();
                if (!Accounts.IsValidName(value)) r.AddError($"'{value}' is not a valid name: {rule}");
            });
            var sub = new Command(verb, description) { name };
            if (verb == "add") sub.Options.Add(role);
            OnSettings(sub, (r, cfg, _, ct) => ReviewCommands.ReviewersAsync(verb, r.GetValue(name),
                verb == "add" ? r.GetValue(role)! : Accounts.Reviewer, cfg, s.Stdout, s.Stderr, ct));
            command.Subcommands.Add(sub);
        }
        var list = new Command("list", "Every account with its role, creation time and state.");
        OnSettings(list, (_, cfg, _, ct) => ReviewCommands.ReviewersAsync("list", null, Accounts.Reviewer, cfg, s.Stdout, s.Stderr, ct));
        command.Subcommands.Add(list);
        return command;
    }

    private Command Demo()
    {
        var dir = new Option<string>("--dir")
        {
            Description = "keep the demo's store in this folder (default: a temporary folder deleted when it stops)", HelpName = "DIR",
        };
        var command = new Command("demo",
            "Serve the bundled sample web (samples/) on loopback, ingest it into a fresh store, approve a few candidates, " +
            "start the review host and print its URL, user \"demo\" and a password. Ctrl+C stops it.") { dir };
        OnSettings(command, (r, _, _, ct) => ReviewCommands.DemoAsync(r.GetValue(dir), r.GetValue(Settings) ?? [], s.Stdout, s.Stderr, ct));
        return command;
    }

    /// <summary><c>help [COMMAND]...</c>: the same as <c>[COMMAND]... --help</c>.</summary>
    private Command Help()
    {
        var words = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "The help of a command (the same as COMMAND --help).") { Hidden = true };
        command.Arguments.Add(words);
        command.SetAction((r, ct) => Parse([.. r.GetValue(words) ?? [], "--help"]).InvokeAsync(r.InvocationConfiguration, ct));
        return command;
    }

    private static Option<string[]> SourceOption(string byDefault) => new("--source")
    {
        Description = $"a source id from Pipeline:Sources (repeatable); default: {byDefault}", HelpName = "ID",
    };

    /// <summary>A value from a fixed list, refused with one line naming the option, the choices and the value.</summary>
    private static Action<OptionResult> OneOf(string option, string[] allowed, string choices) => result =>
    {
        var value = result.GetValueOrDefault<string>();
        if (!allowed.Contains(value, StringComparer.Ordinal)) result.AddError($"{option} must be {choices}, not '{value}'");
    };

    /// <summary>The framework's help, then the settings note and the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Table);
            return ExitCodes.Ok;
        }
    }
}
