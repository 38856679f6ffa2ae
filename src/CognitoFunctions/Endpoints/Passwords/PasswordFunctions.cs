using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.Passwords;

/// <summary>Password reset (forgot → emailed code → confirm) and change.</summary>
internal sealed class PasswordFunctions(AccountService accounts) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("ForgotPassword", ApiTag.Passwords, "Start a password reset")
        {
            Description = "Cognito emails a code. The answer is the same whether or not the email has an account.",
            Body = ForgotPasswordRequest.Body,
            Responses = [new(HttpStatusCode.Accepted, "Accepted; a code is on its way if the account exists.")],
            CallsCognito = true,
            Problems = [ProblemKind.OutcomeUnknown],
        },
        new("ConfirmForgotPassword", ApiTag.Passwords, "Set a new password with the emailed code")
        {
            Body = ConfirmForgotPasswordRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "The password is changed.")],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCode, ProblemKind.OutcomeUnknown],
        },
        new("ChangePassword", ApiTag.Passwords, "Change the signed-in user's password")
        {
            Body = ChangePasswordRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "The password is changed.")],
            CallsCognito = true,
            Problems = [ProblemKind.IncorrectPassword, ProblemKind.OutcomeUnknown],
        },
    ];

    /// <summary><c>POST /api/user/password/forgot</c> {email} → 202, the same for unknown emails.</summary>
    [Function("ForgotPassword")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> ForgotAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/forgot")] HttpRequestData request)
    {
        var forgot = await request.ReadAsync(ForgotPasswordRequest.Body, FieldContext.None);
        if (forgot.Rejected)
        {
            return forgot.Rejection;
        }

        var result = await accounts.ForgotPasswordAsync(forgot.Valid.Email, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.Accepted);
    }

    /// <summary><c>POST /api/user/password/confirm</c> {email, code, newPassword} → 204.</summary>
    [Function("ConfirmForgotPassword")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> ConfirmAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/confirm")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var confirm = await request.ReadAsync(ConfirmForgotPasswordRequest.Body, new FieldContext { PasswordPolicy = policy });
        if (confirm.Rejected)
        {
            return confirm.Rejection;
        }

        var result = await accounts.ConfirmForgotPasswordAsync(confirm.Valid.Email, confirm.Valid.Code, confirm.Valid.NewPassword, ClientContext.CallerOf(request), cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }

    /// <summary><c>POST /api/user/password/change</c> {currentPassword, newPassword} with an access token → 204.</summary>
    [Function("ChangePassword")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> ChangeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/password/change")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var change = await request.ReadAsync(ChangePasswordRequest.Body, new FieldContext { PasswordPolicy = policy });
        if (change.Rejected)
        {
            return change.Rejection;
        }

        var accessToken = request.FunctionContext.GetCognitoToken().EncodedToken;
        var result = await accounts.ChangePasswordAsync(accessToken, change.Valid.CurrentPassword, change.Valid.NewPassword, ClientContext.CallerOf(request), cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
