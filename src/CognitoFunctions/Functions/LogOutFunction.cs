using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Authentication;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary>
/// <c>POST /api/user/logout</c> with an access token, and optionally {refreshToken}: revokes the refresh token and
/// signs the user out of every device → 204. An empty body is fine.
/// </summary>
internal sealed class LogOutFunction(AccountService accounts)
{
    [Function("LogOut")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/logout")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        var (body, rejection) = await request.ReadOptionalAsync(AppJsonContext.Default.LogOutRequest, body => new Validation()
            .Optional("refreshToken", body.RefreshToken, RefreshFunction.MaxTokenLength));
        if (rejection is not null)
        {
            return rejection;
        }

        var refreshToken = string.IsNullOrEmpty(body?.RefreshToken) ? null : body.RefreshToken;

        var result = await accounts.LogOutAsync(token.Username ?? token.Subject, refreshToken, request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
