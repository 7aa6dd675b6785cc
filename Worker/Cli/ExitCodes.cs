namespace Pipeline.Worker.Cli;

/// <summary>The worker's exit codes: the one table, shown at the end of every <c>--help</c> and in README.</summary>
public static class ExitCodes
{
    /// <summary>Done (for <c>ingest</c>: the pass completed, even if sources failed; their errors are on the source).</summary>
    public const int Ok = 0;

    /// <summary>Failed while running: the review address is in use, or an unexpected error (its details follow the first line).</summary>
    public const int Failed = 1;

    /// <summary>
    /// Invalid usage, settings or input: an unknown command or option, a bad value, a settings file that cannot be read,
    /// a file, folder, model version or reviewer name that cannot be used. One line on standard error (invalid settings: one
    /// per problem), before any work.
    /// </summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C or SIGTERM); everything stored so far is kept.</summary>
    public const int Interrupted = 130;

    /// <summary>The lines every <c>--help</c> ends with.</summary>
    public const string Table = """
        Every command takes --settings FILE (repeatable): a JSON file layered over appsettings.json; environment
        variables Pipeline__Section__Key override both. Log lines go to standard error: standard output carries
        only the command's own output.

        Exit codes:
          0    done
          1    failed while running (e.g. the review address is in use; an unexpected error)
          2    invalid usage, settings or input: an unknown command or option, a bad value, a settings file, file,
               folder, model version or reviewer name that cannot be used (one line on standard error; invalid
               settings: one line per problem)
          130  interrupted (Ctrl+C); everything stored so far is kept
        """;
}
