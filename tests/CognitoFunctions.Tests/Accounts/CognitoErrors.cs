using System.Net;
using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The Cognito client's failures as a scripted operation throws them.</summary>
internal static class CognitoErrors
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private static readonly CallAttempts Once = new(1, false);

    /// <summary>Cognito answered with an error code, e.g. <c>NotAuthorizedException</c>.</summary>
    public static CognitoServiceException Refusal(string operation, string errorCode, string message = "refused") =>
        new(operation, Once, HttpStatusCode.BadRequest, errorCode, message, null);

    /// <summary>A failure every flow answers alike, by name (the rows of <see cref="CommonFailures"/>).</summary>
    public static CognitoException Common(string failure, string operation) => failure switch
    {
        "throttled" => new CognitoThrottledException(operation, new CallAttempts(3, false), HttpStatusCode.BadRequest, "TooManyRequestsException", null, null, RetryAfter),
        "too many failed attempts" => Refusal(operation, "TooManyFailedAttemptsException"),
        "server error" => new CognitoServerErrorException(operation, new CallAttempts(3, true), HttpStatusCode.ServiceUnavailable, null, null, null, RetryAfter),
        "timeout" => new CognitoTimeoutException(operation, new CallAttempts(3, true), null),
        "no connection" => new CognitoTransportException(operation, Once, new HttpRequestException("refused")),
        "answer lost" => new CognitoOutcomeUnknownException(operation, Once, "timeout", RetryAfter, new CognitoTimeoutException(operation, Once, null)),
        "no credentials" => new CognitoCredentialsException(operation, Once, new AwsCredentialsUnavailableException("no role")),
        "unreadable answer" => new CognitoProtocolException(operation, Once, HttpStatusCode.OK, "text/html", "the body is not JSON"),
        "unexpected error code" => Refusal(operation, "ResourceNotFoundException"),
        "unknown error code" => Refusal(operation, "SomethingNewException"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    /// <summary>Each failure every flow answers alike, with the account failure it becomes.</summary>
    public static IReadOnlyList<(string Failure, string Expected)> CommonFailures() =>
    [
        ("throttled", "Throttled"),
        ("too many failed attempts", "LimitExceeded"),
        ("server error", "Unavailable"),
        ("timeout", "Unavailable"),
        ("no connection", "Unavailable"),
        ("answer lost", "OutcomeUnknown"),
        ("no credentials", "Unavailable"),
        ("unreadable answer", "UpstreamError"),
        ("unexpected error code", "UpstreamError"),
        ("unknown error code", "UpstreamError"),
    ];
}
