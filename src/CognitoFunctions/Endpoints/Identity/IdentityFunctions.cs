
namespace CognitoFunctions.Endpoints.Identity;

/// <summary>The caller's identity, from the token the middleware validated (ID or access token).</summary>
internal sealed class IdentityFunctions : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("Private", ApiTag.Identity, "The original tutorial's protected route")
        {
            Responses = [new(HttpStatusCode.OK, "Who the token says the caller is, with a greeting.", IdentityJson.Default.IdentityResponse)],
        },
        new("Me", ApiTag.Identity, "Who the caller is")
        {
            Responses = [new(HttpStatusCode.OK, "Who the token says the caller is.", IdentityJson.Default.IdentityResponse)],
        },
    ];

    /// <summary><c>GET|POST /api/user/private</c>: the original tutorial's guarded route.</summary>
    [Function("Private")]
    [RequireCognitoToken]
    public static Task<HttpResponseData> PrivateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "user/private")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        return request.JsonAsync(HttpStatusCode.OK, Identity(token, $"Email {token.Email ?? token.Username ?? token.Subject} has been authorized"), IdentityJson.Default.IdentityResponse);
    }

    /// <summary><c>GET /api/user/me</c>: who the token says the caller is.</summary>
    [Function("Me")]
    [RequireCognitoToken]
    public static Task<HttpResponseData> MeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "user/me")] HttpRequestData request) =>
        request.JsonAsync(HttpStatusCode.OK, Identity(request.FunctionContext.GetCognitoToken(), message: null), IdentityJson.Default.IdentityResponse);

    private static IdentityResponse Identity(CognitoToken token, string? message) =>
        new(message, token.Subject, token.Email, token.Username, token.Groups, token.TokenUse == CognitoTokenUse.Id ? "id" : "access");
}
