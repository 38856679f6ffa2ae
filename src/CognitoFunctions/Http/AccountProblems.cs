using CognitoFunctions.Accounts;

namespace CognitoFunctions.Http;

/// <summary>The one place where account failures become HTTP problems. Nothing of Cognito's wording passes through.</summary>
internal static class AccountProblems
{
    private const int DefaultRetryAfterSeconds = 1;
    private const int LimitRetryAfterSeconds = 60;

    public static Problem ToProblem(this AccountFailure failure) => failure.Kind switch
    {
        AccountFailureKind.EmailTaken => new Problem(ProblemKind.EmailTaken, "Log in, or reset the password if it is forgotten."),
        AccountFailureKind.InvalidCredentials => new Problem(ProblemKind.InvalidCredentials, "Check the email and password and try again."),
        AccountFailureKind.ChallengeRequired => new Problem(ProblemKind.ChallengeRequired, $"Cognito requires the {failure.ChallengeName} challenge, which this API does not complete yet.") { ChallengeName = failure.ChallengeName },
        AccountFailureKind.InvalidRefreshToken => new Problem(ProblemKind.InvalidRefreshToken, "Log in again to get a new refresh token."),
        AccountFailureKind.InvalidCode => new Problem(ProblemKind.InvalidCode, "Request a new code and try again."),
        AccountFailureKind.IncorrectPassword => new Problem(ProblemKind.IncorrectPassword, "The current password is wrong, or the session was signed out."),
        AccountFailureKind.FieldRejected => Validation.Problem(new Dictionary<string, string[]> { [failure.Field ?? "body"] = [failure.FieldMessage ?? "Rejected."] }),
        AccountFailureKind.LimitExceeded => new Problem(ProblemKind.TooManyRequests, "Too many attempts; wait before trying again.") { RetryAfterSeconds = LimitRetryAfterSeconds },
        AccountFailureKind.Throttled => new Problem(ProblemKind.TooManyRequests, "The identity service is busy; retry shortly.") { RetryAfterSeconds = Seconds(failure.RetryAfter) },
        AccountFailureKind.OutcomeUnknown => new Problem(
            ProblemKind.OutcomeUnknown,
            "The identity service may have carried out the request, but its answer was lost. Check whether the change took effect before sending it again.")
        {
            RetryAfterSeconds = Seconds(failure.RetryAfter),
        },
        AccountFailureKind.Unavailable => new Problem(ProblemKind.ServiceUnavailable, "The identity service could not be reached; retry shortly.") { RetryAfterSeconds = Seconds(failure.RetryAfter) },
        _ => new Problem(ProblemKind.UpstreamError, "The identity service answered unexpectedly; the error has been logged."),
    };

    private static int Seconds(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 1, 3600) : DefaultRetryAfterSeconds;
}
