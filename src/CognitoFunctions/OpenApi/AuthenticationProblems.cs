using System.Net;
using CognitoFunctions.Http;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// The problems the JWT middleware answers on protected functions, as the OpenAPI document names them. The
/// middleware writes them itself (CognitoFunctions.Authentication); the end-to-end tests check these against it.
/// </summary>
internal static class AuthenticationProblems
{
    public static readonly ProblemKind TokenRequired = new("/problems/token-required", "Authentication required", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind InvalidAuthorizationHeader = new("/problems/invalid-authorization-header", "Invalid Authorization header", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind InvalidToken = new("/problems/invalid-token", "Invalid token", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind InsufficientPermissions = new("/problems/insufficient-permissions", "Insufficient permissions", HttpStatusCode.Forbidden);
    public static readonly ProblemKind AuthenticationUnavailable = new("/problems/authentication-unavailable", "Authentication unavailable", HttpStatusCode.ServiceUnavailable);

    /// <summary>What any protected function may answer, whatever it requires of the token.</summary>
    public static IReadOnlyList<ProblemKind> OfEveryProtectedFunction { get; } = [TokenRequired, InvalidAuthorizationHeader, InvalidToken, AuthenticationUnavailable];

    /// <summary>The refusals that carry <c>WWW-Authenticate</c>.</summary>
    public static bool Challenges(ProblemKind kind) => kind == TokenRequired || kind == InvalidAuthorizationHeader || kind == InvalidToken || kind == InsufficientPermissions;
}
