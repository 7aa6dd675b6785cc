using Microsoft.Extensions.Options;

namespace Pipeline.Store;

/// <summary>Where the store lives: <c>Pipeline:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Pipeline:Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c> (several workers; the schedule then lives in Quartz's clustered
    /// job store).</summary>
    public string Provider { get; set; } = "Sqlite";
    public string ConnectionString { get; set; } = "Data Source=data/pipeline.db";
    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                              || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder of the SQLite database file, where files that belong with the data are kept (the review app's
    /// session keys); null for PostgreSQL and for an in-memory SQLite database.</summary>
    public string? DatabaseFolder => IsPostgres ? null
        : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:"
            ? Path.GetDirectoryName(Path.GetFullPath(file)) : null;
}

/// <summary>Checks <see cref="StorageOptions"/> when the host starts (and before any command): one message per problem,
/// starting with its key.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        var errors = new List<string>();
        if (!o.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !o.IsPostgres)
            errors.Add($"Pipeline:Storage:Provider '{o.Provider}' is not supported (use Sqlite or Postgres)");
        if (string.IsNullOrWhiteSpace(o.ConnectionString)) errors.Add("Pipeline:Storage:ConnectionString is empty");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
