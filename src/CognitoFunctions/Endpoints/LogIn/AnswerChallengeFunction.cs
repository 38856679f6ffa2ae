using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary>
/// <c>POST /api/user/login/challenge</c> {session, code | newPassword | factor} → 200 with the tokens, or 403 with the
/// next challenge: completes a login that met a challenge.
/// </summary>
internal sealed class AnswerChallengeFunction(AccountService accounts) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("AnswerLogInChallenge", ApiTag.Accounts, "Answer a login's challenge")
        {
            Description = "Send the `session` of the challenge-required answer back unchanged, with the field its `respondWith` names: "
                + "`code` (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, MFA_SETUP), `newPassword` (NEW_PASSWORD_REQUIRED) or `factor` "
                + "(SELECT_MFA_TYPE). Cognito may set another challenge (e.g. MFA_SETUP after a new password): answer it the same way. "
                + "A wrong code is `/problems/invalid-code` (a new attempt may need a new login); an unknown, spent or expired session "
                + "is `/problems/login-session-expired`: log in again.",
            Body = AnswerChallengeRequest.Body,
            Responses = [new(HttpStatusCode.OK, "Tokens (`Cache-Control: no-store`).", LogInJson.Default.TokenResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCode, ProblemKind.LogInSessionExpired, ProblemKind.ChallengeRequired, ProblemKind.ChallengeUnsupported, ProblemKind.OutcomeUnknown],
        },
    ];

    [Function("AnswerLogInChallenge")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/login/challenge")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var body = await request.ReadAsync(AnswerChallengeRequest.Body, new FieldContext { PasswordPolicy = policy });
        if (body.Rejected)
        {
            return body.Rejection;
        }

        var result = await accounts.AnswerChallengeAsync(body.Valid.Session, body.Valid.Answer, ClientContext.CallerOf(request), cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TokenResponse.From, LogInJson.Default.TokenResponse);
    }
}
