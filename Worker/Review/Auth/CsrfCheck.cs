using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Worker.Review.Auth;

/// <summary>
/// CSRF protection for signed-in users: every POST to an endpoint marked <see cref="Required"/> must carry the
/// session's token (from <c>GET /api/session</c>) in <c>X-CSRF-Token</c>, or it is refused with 403 before the
/// endpoint reads its body. A cross-site page can send the cookie (not here: SameSite=Strict) but can never read
/// the token nor set the header without a CORS preflight that this host does not answer.
/// </summary>
public static class CsrfCheck
{
    public const string Header = "X-CSRF-Token";

    public sealed class Required;

    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<Required>() is not null
            && context.User.Identity?.IsAuthenticated == true
            && !Matches(context.User.FindFirstValue(SessionCookie.CsrfClaim), context.Request.Headers[Header].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = $"missing or wrong {Header} header (get the token from GET /api/session)" });
            return;
        }
        await next();
    }

    private static bool Matches(string? expected, string? given) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
