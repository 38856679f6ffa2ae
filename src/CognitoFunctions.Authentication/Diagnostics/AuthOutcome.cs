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
}
