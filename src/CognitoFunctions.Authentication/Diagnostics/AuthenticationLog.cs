using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The package's log messages. None carries a token or a value read from one (a token that failed may be an attacker's
/// text, and a valid one is a credential), with one exception: the issuer of a token refused as <c>wrong_issuer</c>,
/// which is no secret and tells a misconfigured pool from a foreign token, logged only through <see cref="LogText"/>.
/// </summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(1, LogLevel.Information, "Rejected a request to {FunctionName}: {Outcome} ({Status}).")]
    public static partial void RequestRejected(ILogger logger, string functionName, string outcome, int status);

    [LoggerMessage(9, LogLevel.Information, "Rejected a request to {FunctionName}: {Outcome} ({Status}); the token's issuer {TokenIssuer} is none of the trusted issuers {TrustedIssuers}.")]
    public static partial void IssuerRejected(ILogger logger, string functionName, string outcome, int status, string tokenIssuer, string trustedIssuers);

    [LoggerMessage(2, LogLevel.Warning, "Answered 503 to a request to {FunctionName}: no signing keys of its pool could be fetched yet.")]
    public static partial void KeysUnavailable(ILogger logger, string functionName);

    [LoggerMessage(3, LogLevel.Information, "Fetched the JWKS of {Issuer}: {KeyCount} usable keys, {SkippedCount} skipped.")]
    public static partial void JwksFetched(ILogger logger, string issuer, int keyCount, int skippedCount);

    [LoggerMessage(4, LogLevel.Warning, "Fetching the JWKS of {Issuer} failed ({Outcome}, HTTP status {StatusCode}); keeping the {KeyCount} keys fetched before.")]
    public static partial void JwksFetchFailed(ILogger logger, Exception? exception, string issuer, JwksFetchOutcome outcome, int? statusCode, int keyCount);

    [LoggerMessage(5, LogLevel.Warning, "Skipped key {KeyId} of the JWKS of {Issuer}: {Reason}.")]
    public static partial void JwksKeySkipped(ILogger logger, string issuer, string keyId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Key {KeyId} left the JWKS of {Issuer}: tokens it signed are no longer accepted.")]
    public static partial void KeyRetired(ILogger logger, string issuer, string keyId);

    [LoggerMessage(7, LogLevel.Warning, "Could not find the method {EntryPoint} of function {FunctionName}: its attributes are unknown, so it requires a valid token.")]
    public static partial void EntryPointNotFound(ILogger logger, string entryPoint, string functionName);

    [LoggerMessage(8, LogLevel.Warning, "Function {FunctionName} is marked both anonymous and requiring a token: it requires a token.")]
    public static partial void ConflictingAttributes(ILogger logger, string functionName);

    [LoggerMessage(10, LogLevel.Error, "The token check {Check} threw on a request to {FunctionName}: answered 503 (check_failed).")]
    public static partial void TokenCheckFailed(ILogger logger, Exception exception, string check, string functionName);

    [LoggerMessage(12, LogLevel.Warning, "Answered 503 to a request to {FunctionName}: Cognito could not be asked whether its access token was revoked ({Result}).")]
    public static partial void RevocationUnavailable(ILogger logger, string functionName, string result);

    [LoggerMessage(11, LogLevel.Error, "The token check {Check} gave no result on a request to {FunctionName}: answered 503 (check_failed).")]
    public static partial void TokenCheckAnsweredNull(ILogger logger, string check, string functionName);
}
