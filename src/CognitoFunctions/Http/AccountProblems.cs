using CognitoFunctions.Accounts;

namespace CognitoFunctions.Http;

/// <summary>
/// The one place where account failures become HTTP problems. Nothing of Cognito's wording passes through. One method
/// per kind of failure: a kind without an answer here does not build.
/// </summary>
internal static class AccountProblems
{
    private const int DefaultRetryAfterSeconds = 1;
    private const int LimitRetryAfterSeconds = 60;

    public static Problem ToProblem(this AccountFailure failure) => failure.Accept(Answers.Instance);

    private sealed class Answers : IAccountFailureVisitor<Problem>
    {
        public static readonly Answers Instance = new();

        public Problem Visit(AccountFailure.EmailTaken failure) => new(ProblemKind.EmailTaken, "Log in, or reset the password if it is forgotten.");

        public Problem Visit(AccountFailure.InvalidCredentials failure) => new(ProblemKind.InvalidCredentials, "Check the email and password and try again.");

        public Problem Visit(AccountFailure.ChallengeRequired failure) =>
            new(ProblemKind.ChallengeRequired, $"Answer the {failure.Challenge.Name} challenge: POST /api/user/login/challenge with `session` and {Fields(failure.Challenge.RespondWith)}.")
            {
                Challenge = failure.Challenge,
            };

        public Problem Visit(AccountFailure.ChallengeUnsupported failure) =>
            new(ProblemKind.ChallengeUnsupported, failure.ChallengeName == LogInSteps.PasswordResetRequired
                ? "The account's password must be reset: POST /api/user/password/forgot, then confirm with the emailed code."
                : $"Cognito requires the {failure.ChallengeName} challenge, which this API does not complete; sign in with a client that does.")
            {
                ChallengeName = failure.ChallengeName,
            };

        public Problem Visit(AccountFailure.LogInSessionExpired failure) => new(ProblemKind.LogInSessionExpired, "Log in again with the email and password.");

        public Problem Visit(AccountFailure.InvalidRefreshToken failure) => new(ProblemKind.InvalidRefreshToken, "Log in again to get a new refresh token.");

        public Problem Visit(AccountFailure.InvalidCode failure) => new(ProblemKind.InvalidCode, "Request a new code and try again.");

        public Problem Visit(AccountFailure.IncorrectPassword failure) => new(ProblemKind.IncorrectPassword, "The current password is wrong, or the session was signed out.");

        public Problem Visit(AccountFailure.TotpNotEnrolled failure) =>
            new(ProblemKind.TotpNotEnrolled, "Start the enrolment (POST /api/user/mfa/totp/enrol) and verify a code from the authenticator app first.");

        public Problem Visit(AccountFailure.MfaRequired failure) =>
            new(ProblemKind.MfaRequired, "The user pool requires two-step verification, so this factor stays on.");

        public Problem Visit(AccountFailure.AccessTokenRevoked failure) =>
            new(ProblemKind.AccessTokenRevoked, "Log in again to get a new access token.");

        public Problem Visit(AccountFailure.FieldRejected failure) => Validation.Problem(new Dictionary<string, string[]> { [failure.Field] = [failure.Message] });

        public Problem Visit(AccountFailure.LimitExceeded failure) =>
            new(ProblemKind.TooManyRequests, "Too many attempts; wait before trying again.") { RetryAfterSeconds = LimitRetryAfterSeconds };

        public Problem Visit(AccountFailure.Throttled failure) =>
            new(ProblemKind.TooManyRequests, "The identity service is busy; retry shortly.") { RetryAfterSeconds = Seconds(failure.RetryAfter) };

        public Problem Visit(AccountFailure.Unavailable failure) =>
            new(ProblemKind.ServiceUnavailable, "The identity service could not be reached; retry shortly.") { RetryAfterSeconds = Seconds(failure.RetryAfter) };

        public Problem Visit(AccountFailure.OutcomeUnknown failure) =>
            new(ProblemKind.OutcomeUnknown, "The identity service may have carried out the request, but its answer was lost. Check whether the change took effect before sending it again.")
            {
                RetryAfterSeconds = Seconds(failure.RetryAfter),
            };

        public Problem Visit(AccountFailure.UpstreamError failure) => new(ProblemKind.UpstreamError, "The identity service answered unexpectedly; the error has been logged.");

        private static string Fields(IReadOnlyList<string> fields) => string.Join(" and ", fields.Select(f => $"`{f}`"));

        private static int Seconds(TimeSpan? retryAfter) =>
            retryAfter is { } wait ? Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 1, 3600) : DefaultRetryAfterSeconds;
    }
}
