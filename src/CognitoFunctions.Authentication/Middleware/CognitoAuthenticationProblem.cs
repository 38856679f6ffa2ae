using System.Net;

namespace CognitoFunctions.Authentication;

/// <summary>
/// A kind of problem details answer the middleware gives instead of running a function: its stable <c>type</c>, its
/// <c>title</c> and its status, and the headers that come with it. An app that documents its API (an OpenAPI
/// document, a README) reads these rather than repeating them.
/// </summary>
public sealed class CognitoAuthenticationProblem
{
    private CognitoAuthenticationProblem(string type, string title, HttpStatusCode status)
    {
        Type = type;
        Title = title;
        Status = status;
    }

    /// <summary>No token, or another scheme than Bearer: 401.</summary>
    public static CognitoAuthenticationProblem TokenRequired { get; } = new("/problems/token-required", "Authentication required", HttpStatusCode.Unauthorized);

    /// <summary>Several tokens, a header over 16 KiB, or a malformed Bearer header: 401.</summary>
    public static CognitoAuthenticationProblem InvalidAuthorizationHeader { get; } =
        new("/problems/invalid-authorization-header", "Invalid Authorization header", HttpStatusCode.Unauthorized);

    /// <summary>A token that fails validation: 401.</summary>
    public static CognitoAuthenticationProblem InvalidToken { get; } = new("/problems/invalid-token", "Invalid token", HttpStatusCode.Unauthorized);

    /// <summary>A valid token of the wrong token use, outside the required groups or without the required scopes: 403.</summary>
    public static CognitoAuthenticationProblem InsufficientPermissions { get; } =
        new("/problems/insufficient-permissions", "Insufficient permissions", HttpStatusCode.Forbidden);

    /// <summary>No signing keys could be had for the token's pool: 503 with <c>Retry-After</c>, not the client's fault.</summary>
    public static CognitoAuthenticationProblem AuthenticationUnavailable { get; } =
        new("/problems/authentication-unavailable", "Authentication unavailable", HttpStatusCode.ServiceUnavailable);

    /// <summary>Every problem the middleware answers with.</summary>
    public static IReadOnlyList<CognitoAuthenticationProblem> All { get; } =
        [TokenRequired, InvalidAuthorizationHeader, InvalidToken, InsufficientPermissions, AuthenticationUnavailable];

    /// <summary>The problem <c>type</c>, a relative URI that never changes.</summary>
    public string Type { get; }

    /// <summary>The problem <c>title</c>.</summary>
    public string Title { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The answer carries <c>WWW-Authenticate: Bearer</c> (every refusal that is the client's to fix).</summary>
    public bool SendsChallenge => Status != HttpStatusCode.ServiceUnavailable;

    /// <summary>The answer carries <c>Retry-After</c> in seconds.</summary>
    public bool SendsRetryAfter => Status == HttpStatusCode.ServiceUnavailable;

    /// <inheritdoc/>
    public override string ToString() => Type;
}
