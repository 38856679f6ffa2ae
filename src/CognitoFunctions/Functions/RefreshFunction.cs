using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Authentication;
using CognitoFunctions.Cognito;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Functions;

/// <summary>
/// <c>POST /api/user/refresh</c> {refreshToken, username} → 200 with new ID and access tokens (Cognito issues no new
/// refresh token). <c>username</c> (the login response's) is needed only when the app client has a secret.
/// </summary>
internal sealed class RefreshFunction(AccountService accounts, IOptions<CognitoOptions> cognito)
{
    /// <summary>The longest refresh token (or other token) a request may carry.</summary>
    internal const int MaxTokenLength = 8192;
    internal const int MaxUsernameLength = 128;

    [Function("Refresh")]
    [AllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/refresh")] HttpRequestData request)
    {
        var needsUsername = cognito.Value.HasClientSecret;
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.RefreshRequest, body =>
        {
            var validation = new Validation().Required("refreshToken", body.RefreshToken, MaxTokenLength);
            return needsUsername ? validation.Required("username", body.Username, MaxUsernameLength) : validation;
        });
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await accounts.RefreshAsync(body!.RefreshToken!, body.Username, ClientContext.From(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TokenAnswers.ForLogin, AppJsonContext.Default.TokenResponse);
    }
}
