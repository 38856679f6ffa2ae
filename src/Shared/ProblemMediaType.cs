namespace CognitoFunctions.Shared;

/// <summary>
/// The media type of every RFC 9457 problem answer, the middleware's and the app's alike, so that a client sees one
/// Content-Type whichever of them refused a request.
/// </summary>
internal static class ProblemMediaType
{
    public const string ContentType = "application/problem+json; charset=utf-8";
}
