namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// A Cognito call that did not succeed. Messages (Cognito's own included) are for logs; what an HTTP client
/// of the app is told derives from the type and <see cref="CognitoServiceException.Code"/>, never from a message.
/// </summary>
public abstract class CognitoException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CognitoException(string operation, CallAttempts attempts, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        Attempts = attempts.Count;
        EarlierAttemptMayHaveSucceeded = attempts.EarlierOutcomeUnknown;
    }

    /// <summary>The operation, e.g. <c>AdminCreateUser</c>.</summary>
    public string Operation { get; }

    /// <summary>How many attempts were sent (1 when the first one decided).</summary>
    public int Attempts { get; }

    /// <summary>
    /// True when an attempt before the last one ended without a known outcome (timeout, network error, HTTP 5xx), so
    /// Cognito may have carried it out. Then an error of the last attempt may be the echo of that success: a
    /// UsernameExists from AdminCreateUser, a UserNotFound from AdminDeleteUser, a CodeMismatch from
    /// ConfirmForgotPassword. The caller checks (e.g. AdminGetUser for its sign-up nonce) before reporting a failure.
    /// </summary>
    public bool EarlierAttemptMayHaveSucceeded { get; }
}
