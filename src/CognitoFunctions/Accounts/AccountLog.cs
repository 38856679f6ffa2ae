using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>The account flows' log lines, one EventId each.</summary>
internal static partial class AccountLog
{
    [LoggerMessage(212, LogLevel.Warning, "Cognito throttled {Operation} ({ErrorCode})")]
    public static partial void Throttled(ILogger logger, string operation, string errorCode);

    [LoggerMessage(213, LogLevel.Warning, "Cognito refused {Operation}: a limit was exceeded ({ErrorCode})")]
    public static partial void LimitExceeded(ILogger logger, string operation, string errorCode);

    [LoggerMessage(214, LogLevel.Warning, "The outcome of {Operation} is unknown: Cognito {CognitoOperation} may have been carried out ({Reason}) and is not safe to repeat")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string cognitoOperation, string reason);

    [LoggerMessage(215, LogLevel.Error, "Cognito unavailable for {Operation}")]
    public static partial void Unavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(216, LogLevel.Error, "Cognito answered {Operation} with an unexpected error")]
    public static partial void UpstreamError(ILogger logger, string operation, Exception exception);

    [LoggerMessage(217, LogLevel.Error, "Cognito answered {Operation} with tokens this app cannot read: {Reason}")]
    public static partial void UnreadableTokens(ILogger logger, string operation, string reason);

    [LoggerMessage(210, LogLevel.Information, "Password reset request answered as accepted; Cognito said {ErrorCode}")]
    public static partial void ForgotPasswordSuppressed(ILogger logger, string errorCode);

    [LoggerMessage(227, LogLevel.Information, "Password reset request answered as accepted; no code sent: no account, or its email is not verified")]
    public static partial void ForgotPasswordNotSent(ILogger logger);

    [LoggerMessage(211, LogLevel.Critical, "Sign-up rollback failed: a user without a usable password may remain")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(240, LogLevel.Information, "{Operation} answered with the {ChallengeName} challenge")]
    public static partial void ChallengeSet(ILogger logger, string operation, string challengeName);

    [LoggerMessage(241, LogLevel.Warning, "Cognito set the {ChallengeName} challenge, which this API does not complete")]
    public static partial void ChallengeUnsupported(ILogger logger, string challengeName);
}
