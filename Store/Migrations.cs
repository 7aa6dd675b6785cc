using System.Reflection;
using System.Text.RegularExpressions;

namespace Pipeline.Store;

/// <summary>One schema migration: its version (1, 2, …), its file name and the SQL it runs in one transaction.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Ordered schema migrations, one file per version and dialect in <c>Store/Migrations/sqlite/</c> and
/// <c>Store/Migrations/postgres/</c> (<c>0007_short_description.sql</c>), embedded in the assembly. Both folders hold
/// the same versions with the same names and reach the same tables, columns and indexes; never edit a released file,
/// add the next number to both folders. A file runs as one multi-statement command, so its statements may contain
/// anything the database's own parser accepts (quotes, comments, semicolons inside strings).
/// </summary>
internal static partial class Migrations
{
    private const string Prefix = "Migrations/";
    private static readonly Lazy<(IReadOnlyList<Migration> Sqlite, IReadOnlyList<Migration> Postgres)> Loaded = new(() =>
    {
        var assembly = typeof(Migrations).Assembly;
        return Build(assembly.GetManifestResourceNames(), name => Read(assembly, name));
    });

    public static IReadOnlyList<Migration> Sqlite => Loaded.Value.Sqlite;
    public static IReadOnlyList<Migration> Postgres => Loaded.Value.Postgres;

    /// <summary>
    /// Reads the migrations of both dialects from resource names like <c>Migrations/sqlite/0001_initial.sql</c> and
    /// checks that each dialect is the contiguous list 1..N and that both have the same versions and names.
    /// </summary>
    /// <exception cref="InvalidOperationException">The files break one of those rules; the message names them.</exception>
    internal static (IReadOnlyList<Migration> Sqlite, IReadOnlyList<Migration> Postgres) Build(IEnumerable<string> resourceNames, Func<string, string> read)
    {
        var names = resourceNames.Select(n => n.Replace('\\', '/')).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var sqlite = Dialect("sqlite", names, read);
        var postgres = Dialect("postgres", names, read);
        var onlySqlite = sqlite.Select(m => m.Name).Except(postgres.Select(m => m.Name)).ToList();
        var onlyPostgres = postgres.Select(m => m.Name).Except(sqlite.Select(m => m.Name)).ToList();
        if (onlySqlite.Count > 0 || onlyPostgres.Count > 0)
            throw new InvalidOperationException(
                "Store/Migrations/sqlite and Store/Migrations/postgres must hold the same versions with the same names; " +
                $"only in sqlite: [{string.Join(", ", onlySqlite)}], only in postgres: [{string.Join(", ", onlyPostgres)}]");
        return (sqlite, postgres);
    }

    private static List<Migration> Dialect(string dialect, List<string> names, Func<string, string> read)
    {
        var folder = Prefix + dialect + "/";
        var list = new List<Migration>();
        foreach (var name in names.Where(n => n.StartsWith(folder, StringComparison.Ordinal)))
        {
            var file = name[folder.Length..];
            var match = FileName().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"Store/{name}: a migration file is named NNNN_short_description.sql (lower case, digits, underscores)");
            list.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Path.GetFileNameWithoutExtension(file), read(name)));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (list.Count == 0) throw new InvalidOperationException($"Store/{folder}: no migration files are embedded");
        for (int i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"Store/{folder}: versions must run 1, 2, 3, … without gaps or repeats; expected {i + 1}, found {list[i].Name}");
        return list;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
