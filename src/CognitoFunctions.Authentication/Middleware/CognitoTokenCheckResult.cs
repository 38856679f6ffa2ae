using System.Buffers;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The verdict of an <see cref="ICognitoTokenCheck"/>: success, or a refusal answered as the middleware answers its
/// own: 401 <see cref="CognitoAuthenticationProblem.InvalidToken"/> (<c>error="invalid_token"</c>) or 403
/// <see cref="CognitoAuthenticationProblem.InsufficientPermissions"/> (<c>error="insufficient_scope"</c>), with
/// <c>WWW-Authenticate: Bearer</c> and problem details.
/// </summary>
public sealed class CognitoTokenCheckResult
{
    /// <summary>The longest <c>detail</c> a refusal may carry.</summary>
    public const int MaxDetailLength = 200;

    // What RFC 6750 allows in error_description, where the detail is written unescaped: printable ASCII but " and \.
    private static readonly SearchValues<char> DetailCharacters = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private CognitoTokenCheckResult(CognitoAuthenticationProblem? problem, string? detail)
    {
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The request may go on (to the next check, then the function).</summary>
    public static CognitoTokenCheckResult Success { get; } = new(null, null);

    /// <summary>Whether the request may go on.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>The problem the request is refused with; null on success.</summary>
    public CognitoAuthenticationProblem? Problem { get; }

    /// <summary>The refusal's own <c>detail</c> (sent in the body and as <c>error_description</c>); null for the default text.</summary>
    public string? Detail { get; }

    /// <summary>
    /// Refuses the token for this application (e.g. revoked, or of a client the app no longer serves): 401
    /// <c>/problems/invalid-token</c>, <c>error="invalid_token"</c>. The client should get a new token.
    /// </summary>
    /// <param name="detail">
    /// Text for the client (default: "The token is not accepted by this application."): printable ASCII without
    /// <c>"</c> or <c>\</c>, at most <see cref="MaxDetailLength"/> characters. Nothing secret: it is sent as it is.
    /// </param>
    /// <exception cref="ArgumentException">The detail is empty, too long, or has a character outside that set.</exception>
    public static CognitoTokenCheckResult Unauthorized(string? detail = null) =>
        new(CognitoAuthenticationProblem.InvalidToken, Checked(detail));

    /// <summary>
    /// Refuses a valid caller this function is not for (e.g. a suspended account, another tenant): 403
    /// <c>/problems/insufficient-permissions</c>, <c>error="insufficient_scope"</c>. A new token will not help.
    /// </summary>
    /// <param name="detail">
    /// Text for the client (default: "The caller is not allowed to use this function."), as for <see cref="Unauthorized"/>.
    /// </param>
    /// <exception cref="ArgumentException">The detail is empty, too long, or has a character outside that set.</exception>
    public static CognitoTokenCheckResult Forbidden(string? detail = null) =>
        new(CognitoAuthenticationProblem.InsufficientPermissions, Checked(detail));

    /// <inheritdoc />
    public override string ToString() => Problem?.Type ?? "Success";

    private static string? Checked(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        if (detail.Length is 0 or > MaxDetailLength || detail.AsSpan().ContainsAnyExcept(DetailCharacters))
        {
            throw new ArgumentException(
                $"A refusal's detail is 1 to {MaxDetailLength} printable ASCII characters without a double quote or a backslash.", nameof(detail));
        }

        return detail;
    }
}
