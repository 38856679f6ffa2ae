using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Authentication;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary>Password reset (forgot → emailed code → confirm) and change.</summary>
internal sealed class PasswordFunctions(AccountService accounts)
{
    internal const int MaxCodeLength = 64;

    /// <summary><c>POST /api/user/password/forgot</c> {email} → 202, the same for unknown emails.</summary>
    [Function("ForgotPassword")]
    [AllowAnonymous]
    public async Task<HttpResponseData> ForgotAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/forgot")] HttpRequestData request)
    {
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.ForgotPasswordRequest, body => new Validation()
            .Check("email", EmailAddress.Validate(body.Email)));
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await accounts.ForgotPasswordAsync(body!.Email!.Trim(), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.Accepted);
    }

    /// <summary><c>POST /api/user/password/confirm</c> {email, code, newPassword} → 204.</summary>
    [Function("ConfirmForgotPassword")]
    [AllowAnonymous]
    public async Task<HttpResponseData> ConfirmAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/confirm")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.ConfirmForgotPasswordRequest, body => new Validation()
            .Check("email", EmailAddress.Validate(body.Email))
            .Required("code", body.Code, MaxCodeLength)
            .Check("newPassword", policy.Check(body.NewPassword)));
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await accounts.ConfirmForgotPasswordAsync(body!.Email!.Trim(), body.Code!.Trim(), body.NewPassword!, cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }

    /// <summary><c>POST /api/user/password/change</c> {currentPassword, newPassword} with an access token → 204.</summary>
    [Function("ChangePassword")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> ChangeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/change")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.ChangePasswordRequest, body => new Validation()
            .Required("currentPassword", body.CurrentPassword, PasswordPolicy.MaxLength)
            .Check("newPassword", policy.Check(body.NewPassword)));
        if (rejection is not null)
        {
            return rejection;
        }

        var accessToken = request.FunctionContext.GetCognitoToken().EncodedToken;
        var result = await accounts.ChangePasswordAsync(accessToken, body!.CurrentPassword!, body.NewPassword!, cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
