using System.Net;

namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// The answer could not be read as Cognito's: a body that is not JSON (e.g. a proxy's HTML page), an error
/// without <c>__type</c>, or a success body of the wrong shape. Usually a wrong <c>Cognito__ServiceUrl</c> or a proxy.
/// </summary>
public sealed class CognitoProtocolException(string operation, CallAttempts attempts, HttpStatusCode statusCode, string? contentType, string reason, Exception? innerException = null)
    : CognitoException(operation, attempts, $"Cognito {operation} answered HTTP {(int)statusCode} ({contentType ?? "no content type"}) that could not be read: {reason}", innerException)
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The answer's content type.</summary>
    public string? ContentType { get; } = contentType;
}
