namespace CognitoFunctions.Authentication;

/// <summary>How one JWKS fetch ended (the <c>result</c> tag of the fetch counter).</summary>
internal enum JwksFetchOutcome
{
    Success,
    HttpError,
    NetworkError,
    Timeout,
    InvalidDocument,
    NoUsableKeys,
}
