using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The one mapping from the Cognito failures no flow answers in its own terms to account failures, each logged once:
/// throttling, exhausted limits, lost answers, no answer, no credentials, and (as <see cref="AccountFailure.UpstreamError"/>)
/// answers that cannot be read or errors no flow expects. What a flow does know (a wrong password, a taken email) it
/// maps itself before this.
/// </summary>
internal static class CognitoFailures
{
    public static AccountFailure ToAccountFailure(this CognitoException exception, AccountOperation operation, ILogger logger)
    {
        switch (exception)
        {
            case CognitoThrottledException throttled:
                AccountLog.Throttled(logger, operation.Name, throttled.ErrorCode);
                return new AccountFailure.Throttled(throttled.RetryAfter);
            case CognitoServiceException { Code: CognitoErrorCode.LimitExceeded or CognitoErrorCode.TooManyFailedAttempts } limited:
                AccountLog.LimitExceeded(logger, operation.Name, limited.ErrorCode);
                return new AccountFailure.LimitExceeded();
            case CognitoOutcomeUnknownException unknown:
                AccountLog.OutcomeUnknown(logger, operation.Name, unknown.Operation, unknown.Reason);
                return new AccountFailure.OutcomeUnknown(unknown.RetryAfter);
            case CognitoUnavailableException unavailable:
                return Unavailable(unavailable, operation, logger);
            case CognitoCredentialsException:
                AccountLog.Unavailable(logger, operation.Name, exception);
                return new AccountFailure.Unavailable(RetryAfter: null);
            default:
                // CognitoProtocolException, or a CognitoServiceException whose code nothing here expects.
                AccountLog.UpstreamError(logger, operation.Name, exception);
                return new AccountFailure.UpstreamError();
        }
    }

    /// <summary>No answer, or one whose outcome is known again to be nothing (e.g. undone by a rollback): retry shortly.</summary>
    public static AccountFailure Unavailable(CognitoUnavailableException exception, AccountOperation operation, ILogger logger)
    {
        AccountLog.Unavailable(logger, operation.Name, exception);
        return new AccountFailure.Unavailable(exception.RetryAfter);
    }
}
