using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;
using CognitoFunctions.Endpoints.LogIn;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Endpoints.Refresh;

/// <summary>
/// <c>POST /api/user/refresh</c> {refreshToken, username} → 200 with new ID and access tokens (Cognito issues no new
/// refresh token). <c>username</c> (the login response's) is needed only when the app client has a secret.
/// </summary>
internal sealed class RefreshFunction(AccountService accounts, IOptions<CognitoOptions> cognito) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("Refresh", ApiTag.Accounts, "New ID and access tokens for a refresh token")
        {
            Description = "Cognito issues no new refresh token: `refreshToken` is absent from the answer.",
            Body = RefreshRequest.Body,
            Responses = [new(HttpStatusCode.OK, "Tokens without `refreshToken` (`Cache-Control: no-store`).", RefreshJson.Default.TokenResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidRefreshToken],
        },
    ];

    private readonly FieldContext _fields = new() { ClientHasSecret = cognito.Value.HasClientSecret };

    [Function("Refresh")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/refresh")] HttpRequestData request)
    {
        var refresh = await request.ReadAsync(RefreshRequest.Body, _fields);
        if (refresh.Rejected)
        {
            return refresh.Rejection;
        }

        var result = await accounts.RefreshAsync(refresh.Valid.RefreshToken, refresh.Valid.Username, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TokenResponse.From, RefreshJson.Default.TokenResponse);
    }
}
