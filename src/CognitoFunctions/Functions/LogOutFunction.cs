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
    internal const int MaxTokenLength = 8192;

    [Function("LogOut")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/logout")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        string? refreshToken = null;
        if (HasBody(request))
        {
            var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.LogOutRequest, body => new Validation()
                .Check("refreshToken", body.RefreshToken is { Length: > MaxTokenLength } ? $"Must be at most {MaxTokenLength} characters." : null));
            if (rejection is not null)
            {
                return rejection;
            }

            refreshToken = string.IsNullOrEmpty(body!.RefreshToken) ? null : body.RefreshToken;
        }

        var result = await accounts.LogOutAsync(token.Username ?? token.Subject, refreshToken, request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }

    private static bool HasBody(HttpRequestData request) =>
        request.Headers.TryGetValues("content-length", out var lengths) && lengths.FirstOrDefault() is { } length && length != "0";
}
