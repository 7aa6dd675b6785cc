using CsvHelper;

namespace Pipeline.Worker.Export;

/// <summary>
/// The program's one CSV dialect, for <c>export --format csv</c> and the published <c>/responses.csv</c>: RFC 4180 as
/// CsvHelper writes it, and a cell that starts like a formula (= + - @, tab, CR: scraped titles and texts, typed actor
/// names) gets a leading <c>'</c> and quotes, so a spreadsheet shows it as text instead of running it.
/// </summary>
public static class Csv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>A writer onto <paramref name="output"/>, which stays open (disposing the writer flushes it).</summary>
    public static CsvWriter Create(TextWriter output) => CsvWriter.Create(output, Options, leaveOpen: true);

    /// <summary>A writer of UTF-8 onto <paramref name="output"/> (a response body), which stays open.</summary>
    public static CsvWriter Create(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);
}
