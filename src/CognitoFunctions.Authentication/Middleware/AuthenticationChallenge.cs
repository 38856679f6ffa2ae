using System.Net;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The HTTP answer to a refused request, per RFC 6750 and RFC 9457. Every text is fixed here: nothing of the token
/// is ever echoed. <c>error_description</c> values avoid quotes and backslashes so they need no escaping.
/// </summary>
internal sealed record AuthenticationChallenge(
    AuthOutcome Outcome,
    HttpStatusCode Status,
    string? Error,
    string ProblemType,
    string Title,
    string Detail,
    IReadOnlyList<string>? Scopes = null,
    TimeSpan? RetryAfter = null)
{
    private const string TokenRequired = "/problems/token-required";
    private const string InvalidHeader = "/problems/invalid-authorization-header";
    private const string InvalidToken = "/problems/invalid-token";
    private const string InsufficientPermissions = "/problems/insufficient-permissions";
    private const string AuthenticationUnavailable = "/problems/authentication-unavailable";

    public static AuthenticationChallenge For(AuthOutcome outcome, TokenRequirement? failed = null, TimeSpan? retryAfter = null) => outcome switch
    {
        AuthOutcome.Missing => Unauthorized(outcome, null, TokenRequired, "Authentication required", "This function requires a bearer token in the Authorization header."),
        AuthOutcome.UnsupportedScheme => Unauthorized(outcome, null, TokenRequired, "Authentication required", "Only the Bearer authentication scheme is accepted."),
        AuthOutcome.MultipleTokens => Unauthorized(outcome, "invalid_request", InvalidHeader, "Invalid Authorization header", "The request must carry exactly one token."),
        AuthOutcome.HeaderTooLong => Unauthorized(outcome, "invalid_request", InvalidHeader, "Invalid Authorization header", "The Authorization header is too long."),
        AuthOutcome.MalformedHeader => Unauthorized(outcome, "invalid_request", InvalidHeader, "Invalid Authorization header", "The Authorization header must be of the form Bearer followed by one token."),
        AuthOutcome.Malformed => Invalid(outcome, "The token is not a well-formed JWT."),
        AuthOutcome.Encrypted => Invalid(outcome, "Encrypted tokens, such as refresh tokens, are not accepted."),
        AuthOutcome.DuplicateClaim => Invalid(outcome, "The token names a claim more than once."),
        AuthOutcome.InvalidClaimType => Invalid(outcome, "A claim of the token has the wrong type."),
        AuthOutcome.UnsupportedAlgorithm => Invalid(outcome, "The token must be signed with RS256."),
        AuthOutcome.MissingKeyId => Invalid(outcome, "The token does not name its signing key."),
        AuthOutcome.UnknownKeyId => Invalid(outcome, "The token's signing key is not known."),
        AuthOutcome.UnusableKey => Invalid(outcome, "The token's signing key cannot verify RS256 signatures."),
        AuthOutcome.WrongIssuer => Invalid(outcome, "The token was not issued by a trusted user pool."),
        AuthOutcome.MissingTokenUse => Invalid(outcome, "The token has no token_use claim."),
        AuthOutcome.InvalidTokenUse => Invalid(outcome, "The token is neither an ID token nor an access token."),
        AuthOutcome.WrongClient => Invalid(outcome, "The token was issued to another client."),
        AuthOutcome.MissingSubject => Invalid(outcome, "The token has no subject."),
        AuthOutcome.MissingExpiration => Invalid(outcome, "The token has no expiry."),
        AuthOutcome.Expired => Invalid(outcome, "The token has expired."),
        AuthOutcome.NotYetValid => Invalid(outcome, "The token is not valid yet."),
        AuthOutcome.InvalidLifetime => Invalid(outcome, "The token's validity period is empty."),
        AuthOutcome.BadSignature => Invalid(outcome, "The token's signature is invalid."),
        AuthOutcome.WrongTokenUse => Forbidden(outcome, failed?.TokenUse == CognitoTokenUse.Id
            ? "This function requires an ID token."
            : "This function requires an access token."),
        AuthOutcome.MissingGroup => Forbidden(outcome, "The user is not in a group this function requires."),
        AuthOutcome.MissingScope => Forbidden(outcome, "The token lacks a scope this function requires.") with { Scopes = failed?.Scopes },
        AuthOutcome.KeysUnavailable => new(outcome, HttpStatusCode.ServiceUnavailable, null, AuthenticationUnavailable, "Authentication unavailable",
            "The signing keys of the user pool could not be fetched; try again later.", RetryAfter: retryAfter ?? TimeSpan.FromSeconds(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    private static AuthenticationChallenge Unauthorized(AuthOutcome outcome, string? error, string type, string title, string detail) =>
        new(outcome, HttpStatusCode.Unauthorized, error, type, title, detail);

    private static AuthenticationChallenge Invalid(AuthOutcome outcome, string detail) =>
        new(outcome, HttpStatusCode.Unauthorized, "invalid_token", InvalidToken, "Invalid token", detail);

    private static AuthenticationChallenge Forbidden(AuthOutcome outcome, string detail) =>
        new(outcome, HttpStatusCode.Forbidden, "insufficient_scope", InsufficientPermissions, "Insufficient permissions", detail);
}
