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
}
