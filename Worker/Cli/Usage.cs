namespace Pipeline.Worker.Cli;

public static class Usage
{
    public const string Text = """
        Pipeline — collects and classifies international responses to the crisis in Belarus.

        usage: dotnet run --project Worker -- [command] [options]

          (no command)                      run the host: scheduled polling of every enabled source
          ingest [--source ID]...           one pass now over all (or the named) sources
          export --format jsonl|csv --out FILE [--status pending|approved|rejected|filtered|duplicate|all]
          evaluate --data FILE.jsonl | --validation [--json OUT] [--model VERSION]
          evaluate --out-of-style [--hold-out NAME]... [--no-baseline] [--json OUT]
                                            metrics of the active (or named) model on labelled JSONL
          classify [--in FILE|-] [--out FILE|-] [--model VERSION]
                                            JSONL with text (and optional id, title) in, predictions out
          train [--data FILE]... [--promote] [--no-baseline]
                                    train on the corpus + reviews + files; register; promote if not worse
          models list | promote VERSION | rollback
          reviewers add NAME [--role reviewer|maintainer]
                                            create a review account; prints its generated password once
          reviewers reset NAME | reviewers disable NAME | reviewers enable NAME | reviewers list
          demo [--dir DIR]                  serve the bundled sample web, ingest it, start the review host and
                                            print its URL and a demo reviewer's password
          sources status                    health of every source: condition, failures, last success, next check, problem
          sources check [--source ID]...    fetch each source once now and report status, type, items, parse result

        every command takes --settings FILE (repeatable): a JSON file layered over appsettings.json.
        Environment variables Pipeline__Section__Key override both.
        exit codes: 0 done; 1 failed while running (e.g. the review address is in use); 2 invalid usage, configuration
        or input (a file, folder, model version or reviewer name that cannot be used); 130 interrupted.
        """;
}
