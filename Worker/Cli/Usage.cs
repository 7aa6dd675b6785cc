namespace Pipeline.Worker.Cli;

public static class Usage
{
    public const string Text = """
        Pipeline — collects and classifies international responses to the crisis in Belarus.

        usage: dotnet run --project Worker -- [command] [options]

          (no command)                      run the host: scheduled polling of every enabled source
          ingest [--source ID]...           one pass now over all (or the named) sources
          export --format jsonl|csv --out FILE [--status pending|approved|rejected|filtered|duplicate|all]

        every command takes --settings FILE (repeatable): a JSON file layered over appsettings.json.
        Environment variables Pipeline__Section__Key override both.
        exit codes: 0 done, 1 failed, 2 invalid configuration or usage.
        """;
}
