namespace CognitoFunctions.Authentication;

/// <summary>The document of a JWKS fetch, or how it failed.</summary>
internal sealed record JwksFetchResult(JwksFetchOutcome Outcome, string? Document, int? StatusCode = null, Exception? Error = null)
{
    public static JwksFetchResult Fetched(string document) => new(JwksFetchOutcome.Success, document);
}
