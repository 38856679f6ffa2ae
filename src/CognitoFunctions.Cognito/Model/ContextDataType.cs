namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// The end user's request as the app received it, so that Cognito's threat protection judges the real client
/// rather than the Function App (Cognito's ContextDataType).
/// </summary>
public sealed record ContextDataType
{
    /// <summary>The end user's IP address (the app takes the last <c>X-Forwarded-For</c> entry, the one Azure's front end appended).</summary>
    public required string IpAddress { get; init; }

    /// <summary>The host name the end user called, e.g. <c>myapp.azurewebsites.net</c>.</summary>
    public required string ServerName { get; init; }

    /// <summary>The path the end user called, e.g. <c>/api/auth/login</c>.</summary>
    public required string ServerPath { get; init; }

    /// <summary>A few of the end user's request headers (e.g. User-Agent), never Authorization or cookies.</summary>
    public IReadOnlyList<HttpHeader> HttpHeaders { get; init; } = [];
}
