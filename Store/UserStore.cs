namespace Pipeline.Store;

/// <summary>
/// A review account. Only a salted password hash is kept (its format belongs to the caller's hasher);
/// <see cref="Stamp"/> changes whenever the password does, which ends every session signed in with the old one.
/// </summary>
public sealed record User(string Name, string Role, string PasswordHash, string Stamp, DateTimeOffset Created, bool Disabled);

/// <summary>The <c>users</c> table: review accounts. Names are unique regardless of case.</summary>
public sealed class UserStore(Database db)
{
    /// <summary>Adds an account; false when the name is taken (nothing is changed then).</summary>
    public async Task<bool> AddAsync(User user, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var inserted = await Sql.ExecuteAsync(c, null, """
            INSERT INTO users (name, role, password_hash, stamp, created, disabled) VALUES (@n, @r, @h, @s, @c, @d)
            ON CONFLICT DO NOTHING
            """, ct, ("@n", user.Name), ("@r", user.Role), ("@h", user.PasswordHash), ("@s", user.Stamp), ("@c", Sql.Time(user.Created)),
            ("@d", user.Disabled ? 1 : 0));
        return inserted == 1;
    }

    public async Task<User?> GetAsync(string name, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT name, role, password_hash, stamp, created, disabled FROM users WHERE lower(name) = lower(@n)", ("@n", name));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    public async Task<List<User>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT name, role, password_hash, stamp, created, disabled FROM users ORDER BY name");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<User>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>Replaces the hash and the stamp (signing out every session of the account); false when there is no such user.</summary>
    public async Task<bool> SetPasswordAsync(string name, string passwordHash, string stamp, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await Sql.ExecuteAsync(c, null, "UPDATE users SET password_hash = @h, stamp = @s WHERE lower(name) = lower(@n)", ct,
            ("@h", passwordHash), ("@s", stamp), ("@n", name)) == 1;
    }

    /// <summary>Disables or re-enables an account (its sessions stop working on their next request).</summary>
    public async Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await Sql.ExecuteAsync(c, null, "UPDATE users SET disabled = @d WHERE lower(name) = lower(@n)", ct, ("@d", disabled ? 1 : 0), ("@n", name)) == 1;
    }

    private static User Read(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.ReadTime(r, 4)!.Value, r.GetInt64(5) != 0);
}
