using System.Net;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The HTTP answer to a refused request, per RFC 6750 and RFC 9457. Every text is fixed here: nothing of the token
/// is ever echoed. <c>error_description</c> values avoid quotes and backslashes so they need no escaping.
/// </summary>
internal sealed record AuthenticationChallenge(
    AuthOutcome Outcome,
    CognitoTokenFailure TokenFailure,
    CognitoAuthenticationProblem Problem,
    string? Error,
    string Detail,
    IReadOnlyList<string>? Scopes = null,
    TimeSpan? RetryAfter = null)
{
    private static readonly CognitoAuthenticationProblem TokenRequired = CognitoAuthenticationProblem.TokenRequired;
    private static readonly CognitoAuthenticationProblem InvalidHeader = CognitoAuthenticationProblem.InvalidAuthorizationHeader;

    /// <summary>The <c>Retry-After</c> of a request refused because an application check failed.</summary>
    public static readonly TimeSpan CheckFailedRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The <c>Retry-After</c> of a request refused because Cognito could not say whether its token was revoked.</summary>
    public static readonly TimeSpan RevocationRetryAfter = TimeSpan.FromSeconds(5);

    public HttpStatusCode Status => Problem.Status;

    /// <summary>The metric tag and log reason: the token's failure when the token was refused.</summary>
    public string Tag => Outcome == AuthOutcome.InvalidToken ? OutcomeTags.Of(TokenFailure) : OutcomeTags.Of(Outcome);

    /// <summary>The answer to a request refused before or after its token was validated.</summary>
    public static AuthenticationChallenge For(AuthOutcome outcome, CognitoTokenRequirement? failed = null) => outcome switch
    {
        AuthOutcome.Missing => Unauthorized(outcome, null, TokenRequired, "This function requires a bearer token in the Authorization header."),
        AuthOutcome.UnsupportedScheme => Unauthorized(outcome, null, TokenRequired, "Only the Bearer authentication scheme is accepted."),
        AuthOutcome.MultipleTokens => Unauthorized(outcome, "invalid_request", InvalidHeader, "The request must carry exactly one token."),
        AuthOutcome.HeaderTooLong => Unauthorized(outcome, "invalid_request", InvalidHeader, "The Authorization header is too long."),
        AuthOutcome.MalformedHeader => Unauthorized(outcome, "invalid_request", InvalidHeader, "The Authorization header must be of the form Bearer followed by one token."),
        AuthOutcome.WrongTokenUse => Forbidden(outcome, failed switch
        {
            { CheckRevocation: true } => "This function asks Cognito whether the token was revoked, which needs an access token.",
            { TokenUse: CognitoTokenUse.Id } => "This function requires an ID token.",
            _ => "This function requires an access token.",
        }),
        AuthOutcome.MissingGroup => Forbidden(outcome, "The user is not in a group this function requires."),
        AuthOutcome.MissingScope => Forbidden(outcome, "The token lacks a scope this function requires.") with { Scopes = failed?.Scopes },
        AuthOutcome.CheckRefused => Unauthorized(outcome, "invalid_token", CognitoAuthenticationProblem.InvalidToken, "The token is not accepted by this application."),
        AuthOutcome.CheckForbidden => Forbidden(outcome, "The caller is not allowed to use this function."),
        AuthOutcome.CheckFailed => new(outcome, CognitoTokenFailure.None, CognitoAuthenticationProblem.AuthenticationUnavailable, null,
            "The application could not check the caller; try again later.", RetryAfter: CheckFailedRetryAfter),
        AuthOutcome.Revoked => Unauthorized(outcome, "invalid_token", CognitoAuthenticationProblem.InvalidToken,
            "The token has been revoked: the user signed out, or the account was disabled. Log in again."),
        AuthOutcome.UserNotFound => Unauthorized(outcome, "invalid_token", CognitoAuthenticationProblem.InvalidToken,
            "The token's account no longer exists."),
        AuthOutcome.RevocationUnavailable => new(outcome, CognitoTokenFailure.None, CognitoAuthenticationProblem.AuthenticationUnavailable, null,
            "Cognito could not confirm that the token is still valid; try again later.", RetryAfter: RevocationRetryAfter),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal of its own."),
    };

    /// <summary>The answer to a refused token: 401, or 503 when no keys could be had.</summary>
    public static AuthenticationChallenge ForToken(CognitoTokenFailure failure, TimeSpan retryAfter) => failure switch
    {
        CognitoTokenFailure.KeysUnavailable => new(AuthOutcome.InvalidToken, failure, CognitoAuthenticationProblem.AuthenticationUnavailable, null,
            "The signing keys of the user pool could not be fetched; try again later.", RetryAfter: retryAfter),
        _ => new(AuthOutcome.InvalidToken, failure, CognitoAuthenticationProblem.InvalidToken, "invalid_token", Describe(failure)),
    };

    private static string Describe(CognitoTokenFailure failure) => failure switch
    {
        CognitoTokenFailure.Malformed => "The token is not a well-formed JWT.",
        CognitoTokenFailure.Encrypted => "Encrypted tokens, such as refresh tokens, are not accepted.",
        CognitoTokenFailure.DuplicateClaim => "The token names a claim more than once.",
        CognitoTokenFailure.InvalidClaimType => "A claim of the token has the wrong type.",
        CognitoTokenFailure.UnsupportedAlgorithm => "The token must be signed with RS256.",
        CognitoTokenFailure.MissingKeyId => "The token does not name its signing key.",
        CognitoTokenFailure.UnknownKeyId => "The token's signing key is not known.",
        CognitoTokenFailure.UnusableKey => "The token's signing key cannot verify RS256 signatures.",
        CognitoTokenFailure.WrongIssuer => "The token was not issued by a trusted user pool.",
        CognitoTokenFailure.MissingTokenUse => "The token has no token_use claim.",
        CognitoTokenFailure.InvalidTokenUse => "The token is neither an ID token nor an access token.",
        CognitoTokenFailure.WrongClient => "The token was issued to another client.",
        CognitoTokenFailure.MissingSubject => "The token has no subject.",
        CognitoTokenFailure.MissingExpiration => "The token has no expiry.",
        CognitoTokenFailure.Expired => "The token has expired.",
        CognitoTokenFailure.NotYetValid => "The token is not valid yet.",
        CognitoTokenFailure.InvalidLifetime => "The token's validity period is empty.",
        CognitoTokenFailure.BadSignature => "The token's signature is invalid.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Not a refusal."),
    };

    private static AuthenticationChallenge Unauthorized(AuthOutcome outcome, string? error, CognitoAuthenticationProblem problem, string detail) =>
        new(outcome, CognitoTokenFailure.None, problem, error, detail);

    private static AuthenticationChallenge Forbidden(AuthOutcome outcome, string detail) =>
        new(outcome, CognitoTokenFailure.None, CognitoAuthenticationProblem.InsufficientPermissions, "insufficient_scope", detail);
}
