namespace CognitoFunctions.Authentication;

/// <summary>What the middleware decided for one request; a refused token's reason is its <see cref="CognitoTokenFailure"/>.</summary>
internal enum AuthOutcome
{
    Valid,
    Missing,
    UnsupportedScheme,
    MultipleTokens,
    HeaderTooLong,
    MalformedHeader,
    InvalidToken,
    WrongTokenUse,
    MissingGroup,
    MissingScope,

    /// <summary>An application check refused the token (401).</summary>
    CheckRefused,

    /// <summary>An application check refused the caller (403).</summary>
    CheckForbidden,

    /// <summary>An application check threw or gave no verdict (503, fail closed).</summary>
    CheckFailed,

    /// <summary>Cognito says the access token was revoked, its user signed out everywhere or was disabled (401).</summary>
    Revoked,

    /// <summary>Cognito says the access token's user no longer exists (401).</summary>
    UserNotFound,

    /// <summary>Cognito could not be asked whether the token was revoked (503, fail closed).</summary>
    RevocationUnavailable,
}
