using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pipeline.Store;

namespace Pipeline.Worker.Review.Auth;

/// <summary>
/// Review accounts: names, roles, generated passwords and their salted hashes. Hashing is ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, a random 128-bit salt per password, the
/// iteration count stored in the hash so it can be raised later).
/// </summary>
public static partial class Accounts
{
    public const string Reviewer = "reviewer";
    public const string Maintainer = "maintainer";
    public static readonly string[] Roles = [Reviewer, Maintainer];

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA512.</summary>
    public const int Iterations = 210_000;

    private static readonly PasswordHasher<string> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3, IterationCount = Iterations,
    }));

    // Compared against when the name is unknown, so that a wrong name and a wrong password take the same time.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", NewPassword()));

    /// <summary>No look-alike characters (0/O, 1/l/I): read from a terminal and typed by hand. 20 characters, about 114 bits.</summary>
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);
    public static bool IsRole(string? role) => role is Reviewer or Maintainer;

    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public static string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>Creates an account with a generated password; null when the name is taken. The password is returned once and never stored.</summary>
    public static async Task<string?> CreateAsync(UserStore users, string name, string role, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!IsValidName(name)) throw new ArgumentException($"'{name}' is not a valid reviewer name (letters, digits, . _ @ -; at most 64)");
        if (!IsRole(role)) throw new ArgumentException($"role must be {Reviewer} or {Maintainer}, not '{role}'");
        var password = NewPassword();
        return await users.AddAsync(new User(name, role, Hash(password), NewStamp(), now, Disabled: false), ct) ? password : null;
    }

    /// <summary>Sets a new generated password (ending the account's sessions); null when there is no such user.</summary>
    public static async Task<string?> ResetAsync(UserStore users, string name, CancellationToken ct = default)
    {
        var password = NewPassword();
        return await users.SetPasswordAsync(name, Hash(password), NewStamp(), ct) ? password : null;
    }

    /// <summary>
    /// The account if the name and password match and it is enabled. A name no account can have is refused at once;
    /// a valid-looking unknown name costs a hash like a known one, so the time taken does not tell which names exist.
    /// </summary>
    public static async Task<User?> VerifyAsync(UserStore users, string name, string password, CancellationToken ct = default)
    {
        if (!IsValidName(name)) return null;
        var user = await users.GetAsync(name, ct);
        var result = Hasher.VerifyHashedPassword("", user?.PasswordHash ?? DummyHash.Value, password);
        return user is { Disabled: false } && result != PasswordVerificationResult.Failed ? user : null;
    }
}
