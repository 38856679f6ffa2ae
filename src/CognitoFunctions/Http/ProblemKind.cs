
namespace CognitoFunctions.Http;

/// <summary>
/// Every kind of error answer the API gives. The <see cref="Type"/> values are a public contract: clients may
/// switch on them, so they never change once released (the README lists them).
/// </summary>
internal sealed record ProblemKind(string Type, string Title, HttpStatusCode Status)
{
    public static readonly ProblemKind Validation = new("/problems/validation", "One or more fields are invalid.", HttpStatusCode.BadRequest);
    public static readonly ProblemKind MalformedJson = new("/problems/malformed-json", "The request body is not valid JSON.", HttpStatusCode.BadRequest);
    public static readonly ProblemKind UnsupportedMediaType = new("/problems/unsupported-media-type", "The request body must be application/json.", HttpStatusCode.UnsupportedMediaType);
    public static readonly ProblemKind LengthRequired = new("/problems/length-required", "The request body must be sent with a Content-Length.", HttpStatusCode.LengthRequired);
    public static readonly ProblemKind PayloadTooLarge = new("/problems/payload-too-large", "The request body is too large.", HttpStatusCode.RequestEntityTooLarge);
    public static readonly ProblemKind EmailTaken = new("/problems/email-taken", "An account with this email already exists.", HttpStatusCode.Conflict);
    public static readonly ProblemKind InvalidCredentials = new("/problems/invalid-credentials", "Incorrect email or password.", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind ChallengeRequired = new("/problems/challenge-required", "The account must complete a challenge before it can log in.", HttpStatusCode.Forbidden);
    public static readonly ProblemKind ChallengeUnsupported = new("/problems/challenge-unsupported", "The account must complete a step this API does not run.", HttpStatusCode.Forbidden);
    public static readonly ProblemKind LogInSessionExpired = new("/problems/login-session-expired", "The login session is unknown, already used or expired.", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind InvalidRefreshToken = new("/problems/invalid-refresh-token", "The refresh token is invalid, expired or revoked.", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind InvalidCode = new("/problems/invalid-code", "The confirmation code is wrong or has expired.", HttpStatusCode.BadRequest);
    public static readonly ProblemKind IncorrectPassword = new("/problems/incorrect-password", "The current password is incorrect.", HttpStatusCode.BadRequest);
    public static readonly ProblemKind TotpNotEnrolled = new("/problems/totp-not-enrolled", "No authenticator app is enrolled for this account.", HttpStatusCode.Conflict);
    public static readonly ProblemKind MfaRequired = new("/problems/mfa-required", "Two-step verification is required for this account.", HttpStatusCode.Conflict);
    public static readonly ProblemKind AccessTokenRevoked = new("/problems/access-token-revoked", "The access token is no longer accepted by the identity service.", HttpStatusCode.Unauthorized);
    public static readonly ProblemKind TooManyRequests = new("/problems/too-many-requests", "Too many requests; retry later.", HttpStatusCode.TooManyRequests);
    public static readonly ProblemKind UpstreamError = new("/problems/upstream-error", "The identity service answered unexpectedly.", HttpStatusCode.BadGateway);
    public static readonly ProblemKind OutcomeUnknown = new("/problems/outcome-unknown", "The identity service's answer was lost; the change may have happened.", HttpStatusCode.GatewayTimeout);
    public static readonly ProblemKind ServiceUnavailable = new("/problems/service-unavailable", "The identity service is unavailable; retry later.", HttpStatusCode.ServiceUnavailable);
    public static readonly ProblemKind InternalError = new("/problems/internal-error", "The server failed unexpectedly.", HttpStatusCode.InternalServerError);
}
