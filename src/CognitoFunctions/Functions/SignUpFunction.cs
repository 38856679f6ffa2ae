using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Authentication;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary><c>POST /api/user/signup</c> {email, password} → 201 {message, userSub}.</summary>
internal sealed class SignUpFunction(AccountService accounts, SignUpSaga signUp)
{
    [Function("SignUp")]
    [AllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/signup")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var (body, rejection) = await request.ReadAsync(AppJsonContext.Default.SignUpRequest, body => new Validation()
            .Check("email", EmailAddress.Validate(body.Email))
            .Check("password", policy.Check(body.Password)));
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await signUp.SignUpAsync(body!.Email!.Trim(), body.Password!, cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.Created, sub => new SignUpResponse("User registration successful", sub), AppJsonContext.Default.SignUpResponse);
    }
}
