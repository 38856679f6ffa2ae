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
}
