namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// How a Cognito call ended, as its span (<c>cognito.outcome</c>) and its duration (<c>outcome</c>) name it: one word per
/// kind of <see cref="Errors.CognitoException"/>. Whether a lost answer leaves the outcome unknown is told apart.
/// </summary>
internal static class CallOutcome
{
    public const string Ok = "ok";

    /// <summary>Cognito refused the request with an error of its own (e.g. <c>NotAuthorizedException</c>): <see cref="Errors.CognitoServiceException"/>.</summary>
    public const string ServiceError = "service_error";

    public const string Throttled = "throttled";

    /// <summary>HTTP 5xx after the retries.</summary>
    public const string ServerError = "server_error";

    public const string Timeout = "timeout";

    /// <summary>The connection failed or broke.</summary>
    public const string Transport = "transport";

    /// <summary>No AWS credentials could be had to sign the request.</summary>
    public const string Credentials = "credentials";

    /// <summary>An answer that is not Cognito's (not JSON, not the expected shape).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The caller gave up (its cancellation token); not a failure of Cognito.</summary>
    public const string Cancelled = "cancelled";
}
