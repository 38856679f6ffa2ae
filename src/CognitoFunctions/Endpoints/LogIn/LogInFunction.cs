using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary><c>POST /api/user/login</c> {email, password} → 200 with the tokens (<c>token</c> is the ID token, as the original returned).</summary>
internal sealed class LogInFunction(AccountService accounts) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("LogIn", ApiTag.Accounts, "Log in with email and password")
        {
            Description = "One identical 401 for a wrong password and an unknown email. `token` is the ID token, as the original API returned. "
                + "When the password is right but Cognito sets a challenge (a new password for a user an administrator created, an MFA code, "
                + "the choice of a factor, setting up an authenticator app), the answer is 403 `/problems/challenge-required` with the "
                + "challenge's `session` and the fields to send next: complete it with POST /api/user/login/challenge.",
            Body = LogInRequest.Body,
            Responses = [new(HttpStatusCode.OK, "Tokens (`Cache-Control: no-store`).", LogInJson.Default.TokenResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCredentials, ProblemKind.ChallengeRequired, ProblemKind.ChallengeUnsupported],
        },
    ];

    [Function("LogIn")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/login")] HttpRequestData request)
    {
        var logIn = await request.ReadAsync(LogInRequest.Body, FieldContext.None);
        if (logIn.Rejected)
        {
            return logIn.Rejection;
        }

        var result = await accounts.LogInAsync(logIn.Valid.Email, logIn.Valid.Password, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TokenResponse.From, LogInJson.Default.TokenResponse);
    }
}
