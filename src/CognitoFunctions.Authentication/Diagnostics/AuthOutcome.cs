namespace CognitoFunctions.Authentication;

/// <summary>What the middleware decided for one request: the metric tag and log reason.</summary>
internal enum AuthOutcome
{
    Valid,
    Missing,
    UnsupportedScheme,
    MultipleTokens,
    HeaderTooLong,
    MalformedHeader,
    Malformed,
    Encrypted,
    DuplicateClaim,
    InvalidClaimType,
    UnsupportedAlgorithm,
    MissingKeyId,
    UnknownKeyId,
    UnusableKey,
    WrongIssuer,
    MissingTokenUse,
    InvalidTokenUse,
    WrongClient,
    MissingSubject,
    MissingExpiration,
    Expired,
    NotYetValid,
    InvalidLifetime,
    BadSignature,
    KeysUnavailable,
    WrongTokenUse,
    MissingGroup,
    MissingScope,
}
