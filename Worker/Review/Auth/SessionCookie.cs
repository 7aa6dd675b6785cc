using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Store;

namespace Pipeline.Worker.Review.Auth;

/// <summary>
/// The session: an encrypted cookie (HttpOnly, SameSite=Strict) carrying the name, the role, the account's
/// stamp and the session's CSRF token. Every request checks that the account still exists, is enabled and has
/// the same stamp, so a password reset or a disabled account ends its sessions at once.
/// </summary>
public static class SessionCookie
{
    public const string Name = "pipeline_review";
    public const string CsrfClaim = "csrf";
    public const string StampClaim = "stamp";

    public static void Configure(CookieAuthenticationOptions o, ReviewOptions review)
    {
        o.Cookie.Name = Name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        // Always Secure where others can reach the host; on loopback (or with AllowPlainHttp) Secure whenever the
        // request is HTTPS, directly or as a trusted proxy forwarded it, so plain http://127.0.0.1 still works.
        o.Cookie.SecurePolicy = Transport.RequiresHttps(review) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
        o.LoginPath = "/login";
        o.ReturnUrlParameter = "return";
        o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized, "sign in first (POST /login)");
        o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden, "not allowed");
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>API callers get a status code and JSON; a browser asking for a page is sent to the sign-in form.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status, string message)
    {
        if (IsApi(context.Request) || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new { error = message });
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Method != HttpMethods.Get;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = name is null ? null : await users.GetAsync(name, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (context.Principal!.FindFirstValue(ClaimTypes.Role) != user.Role)
        {
            // A role changed by a maintainer applies from the next request.
            context.ReplacePrincipal(Principal(user, context.Principal!.FindFirstValue(CsrfClaim)!));
            context.ShouldRenew = true;
        }
    }

    public static ClaimsPrincipal Principal(User user, string csrf) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.Stamp), new Claim(CsrfClaim, csrf),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static string NewCsrfToken() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static bool IsMaintainer(this ClaimsPrincipal user) => user.IsInRole(Accounts.Maintainer);
    public static string ReviewerName(this ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("no signed-in user");
}
