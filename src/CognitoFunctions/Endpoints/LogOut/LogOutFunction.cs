using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogOut;

/// <summary>
/// <c>POST /api/user/logout</c> with an access token, and optionally {refreshToken}: revokes the refresh token and
/// signs the user out of every device → 204. An empty body is fine.
/// </summary>
internal sealed class LogOutFunction(AccountService accounts) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("LogOut", ApiTag.Accounts, "Log out")
        {
            Description = "Revokes the refresh token if one is sent and, where Cognito supports it, signs the user out of every device. "
                + "Access tokens already issued stay valid until they expire.",
            Body = LogOutRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "Logged out.")],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidRefreshToken, ProblemKind.OutcomeUnknown],
        },
    ];

    [Function("LogOut")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/logout")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        var logOut = await request.ReadOptionalAsync(LogOutRequest.Body, FieldContext.None);
        if (logOut.Rejected)
        {
            return logOut.Rejection;
        }

        var result = await accounts.LogOutAsync(token.Username ?? token.Subject, logOut.Valid.RefreshToken, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
