using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Pipeline.Store;
using Pipeline.Worker.Review.Pages;

namespace Pipeline.Worker.Review.Auth;

public sealed record SessionInfo(string User, string Role, string Csrf);

/// <summary>Sign-in form, sign-in, sign-out and the session (with its CSRF token).</summary>
public static class AuthHandlers
{
    public static Results<RedirectHttpResult, ContentHttpResult> LoginPage(HttpContext context, PipelineOptions options)
    {
        if (!context.Request.IsHttps && Transport.RequiresHttps(options.Review)) return PlainHttpRefused();
        string returnTo = context.Request.Query["return"].ToString();
        if (context.User.Identity?.IsAuthenticated == true) return TypedResults.LocalRedirect(IsLocalPath(returnTo) ? returnTo : "/");
        return LoginForm(null, null, StatusCodes.Status200OK, returnTo);
    }

    /// <summary>
    /// <c>POST /login</c> with the form fields <c>username</c> and <c>password</c>. A form posted from another site
    /// is refused (403): with SameSite=Strict cookies that is all login CSRF needs.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Login(HttpContext context, UserStore users, LoginThrottle throttle,
        PipelineOptions options, ILoggerFactory logs)
    {
        // The browser would drop the Secure session cookie, and the password would cross the network in clear.
        if (!context.Request.IsHttps && Transport.RequiresHttps(options.Review)) return PlainHttpRefused();
        if (!FromThisSite(context.Request))
            return LoginForm(null, "This form must be sent from this site.", StatusCodes.Status403Forbidden, null);
        if (!context.Request.HasFormContentType)
            return LoginForm(null, "Send the form fields username and password.", StatusCodes.Status400BadRequest, null);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnTo = form["return"].ToString();
        // A name no account can have (Accounts.IsValidName) is refused before any work: no hash, nothing remembered.
        if (!Accounts.IsValidName(name))
            return LoginForm(null, "Wrong name or password.", StatusCodes.Status401Unauthorized, returnTo);
        if (throttle.IsLocked(name))
            return LoginForm(name, "Too many wrong passwords for this name: wait a minute and try again.", StatusCodes.Status429TooManyRequests, returnTo);
        var user = await Accounts.VerifyAsync(users, name, password, context.RequestAborted);
        var log = logs.CreateLogger("Pipeline.Review.Login");
        if (user is null)
        {
            throttle.Failed(name);
            log.LogWarning("Failed sign-in for {Reviewer}", name);
            return LoginForm(name, "Wrong name or password.", StatusCodes.Status401Unauthorized, returnTo);
        }
        throttle.Succeeded(name);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionCookie.Principal(user, SessionCookie.NewCsrfToken()),
            new AuthenticationProperties { IsPersistent = false });
        log.LogInformation("Reviewer {Reviewer} signed in", user.Name);
        return TypedResults.LocalRedirect(IsLocalPath(returnTo) ? returnTo : "/");
    }

    public static async Task<NoContent> Logout(HttpContext context, ClaimsPrincipal user)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<SessionInfo> Session(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionInfo(user.ReviewerName(), user.FindFirstValue(ClaimTypes.Role) ?? Accounts.Reviewer, user.FindFirstValue(SessionCookie.CsrfClaim) ?? ""));

    /// <summary>
    /// Fetch metadata first (every current browser sends it); otherwise the Origin header. With Referrer-Policy
    /// no-referrer a browser sends "Origin: null" even for our own form, so "null" alone decides nothing.
    /// </summary>
    private static bool FromThisSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || origin == "null") return true; // not a browser, or an old one: SameSite still protects the session
        return Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The rule of <c>Url.IsLocalUrl</c> and <c>LocalRedirect</c> (ASP.NET Core's, not exposed to minimal APIs): "/" or
    /// "/path", not "//host" or "/\host", and no control character, since browsers drop a tab or a newline and
    /// "/\t/evil.example" becomes "//evil.example". Every return address taken from a request goes through it.
    /// </summary>
    private static bool IsLocalPath([NotNullWhen(true)] string? path) =>
        path is ['/'] || (path is ['/', not ('/' or '\\'), ..] && !path.Any(char.IsControl));

    private static ContentHttpResult PlainHttpRefused() => TypedResults.Content(Html.Layout("Sign in", """
        <main class="login">
        <h1>Pipeline review</h1>
        <p class="error" role="alert">This host signs reviewers in over HTTPS only: open it at its https:// address.</p>
        <p class="hint">The operator serves it behind a TLS proxy (see docs/scale-out.md), or sets <code>Pipeline:Review:AllowPlainHttp</code>
        for a demo on a trusted network.</p>
        </main>
        """, bodyClass: "login-page"), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private static ContentHttpResult LoginForm(string? name, string? error, int status, string? returnTo) => TypedResults.Content(Html.Layout("Sign in", $"""
        <main class="login">
        <h1>Pipeline review</h1>
        <p class="lead">International responses to the crisis in Belarus: sign in to review tonight's candidates.</p>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
        <form method="post" action="/login">
        <label for="username">Name</label>
        <input id="username" name="username" autocomplete="username" required autofocus value="{Html.E(name)}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <input type="hidden" name="return" value="{Html.E(IsLocalPath(returnTo) ? returnTo : "")}">
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">No account? A maintainer creates one with <code>dotnet run --project Worker -- reviewers add NAME</code>.
        The published dataset needs none: <a href="/responses.json">JSON</a>, <a href="/responses.csv">CSV</a>, <a href="/responses.atom">Atom</a>, <a href="/stats">statistics</a>.</p>
        </main>
        """, bodyClass: "login-page"), "text/html; charset=utf-8", statusCode: status);
}
