namespace CognitoFunctions.Authentication;

/// <summary>
/// What Cognito's <c>GetUser</c> said of an access token. Only <see cref="Active"/>, <see cref="Revoked"/> and
/// <see cref="UserNotFound"/> are answers about the token; the rest mean Cognito could not be asked, and the request is
/// refused with 503 (fail closed). Numbered from 0 without gaps (<see cref="OutcomeTags"/> indexes by value).
/// </summary>
internal enum RevocationVerdict
{
    /// <summary>Cognito accepted the token: not revoked, its user exists and is enabled.</summary>
    Active,

    /// <summary><c>NotAuthorizedException</c>: signed out everywhere, its refresh token revoked, the user disabled, or expired at Cognito.</summary>
    Revoked,

    /// <summary><c>UserNotFoundException</c>: the user was deleted.</summary>
    UserNotFound,

    /// <summary><c>TooManyRequestsException</c> or <c>LimitExceededException</c>, or HTTP 429.</summary>
    Throttled,

    /// <summary>Any other answer: a 5xx, <c>InternalErrorException</c>, an error this package does not know, or an unreadable body.</summary>
    Error,

    /// <summary>No answer within <see cref="CognitoAuthOptions.RevocationCheckTimeout"/>.</summary>
    Timeout,

    /// <summary>The connection failed.</summary>
    NetworkError,
}
