using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Authentication;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary><c>POST /api/user/login</c> {email, password} → 200 with the tokens (<c>token</c> is the ID token, as the original returned).</summary>
internal sealed class LogInFunction(AccountService accounts)
{
    [Function("LogIn")]
    [AllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/login")] HttpRequestData request)
    {
        // No password policy here: a login answers "wrong email or password" and nothing more specific.
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.LogInRequest, body => new Validation()
            .Required("email", body.Email, EmailAddress.MaxLength)
            .Required("password", body.Password, PasswordPolicy.MaxLength));
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await accounts.LogInAsync(body!.Email!.Trim(), body.Password!, ClientContext.From(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TokenAnswers.ForLogin, AppJsonContext.Default.TokenResponse);
    }
}
