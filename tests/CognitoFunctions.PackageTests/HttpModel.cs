namespace CognitoFunctions.PackageTests;

/// <summary>The two ways a function app of the isolated worker serves HTTP; a consumer app is written in each.</summary>
public enum HttpModel
{
    /// <summary><c>HttpRequestData</c> in, <c>HttpResponseData</c> out, the request carried inside the host's invocation.</summary>
    BuiltIn,

    /// <summary>
    /// ASP.NET Core integration (<c>ConfigureFunctionsWebApplication()</c>, what the templates use): <c>HttpRequest</c>
    /// in, <c>IActionResult</c> out, the request forwarded by the host to the worker's own server.
    /// </summary>
    AspNetCoreIntegration,
}
