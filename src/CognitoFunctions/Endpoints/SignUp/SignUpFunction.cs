using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.SignUp;

/// <summary><c>POST /api/user/signup</c> {email, password} → 201 {message, userSub}.</summary>
internal sealed class SignUpFunction(AccountService accounts, SignUpSaga signUp) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("SignUp", ApiTag.Accounts, "Create an account")
        {
            Description = "Creates a confirmed user whose email is marked verified without proof (see the README). Safe to retry.",
            Body = SignUpRequest.Body,
            Responses = [new(HttpStatusCode.Created, "The account exists; `userSub` is its Cognito `sub`.", SignUpJson.Default.SignUpResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.EmailTaken, ProblemKind.OutcomeUnknown],
        },
    ];

    [Function("SignUp")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/signup")] HttpRequestData request)
    {
        var cancellationToken = request.FunctionContext.CancellationToken;
        var policy = await accounts.GetPasswordPolicyAsync(cancellationToken);
        var body = await request.ReadAsync(SignUpRequest.Body, new FieldContext { PasswordPolicy = policy });
        if (body.Rejected)
        {
            return body.Rejection;
        }

        var result = await signUp.SignUpAsync(body.Valid.Email, body.Valid.Password, cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.Created, sub => new SignUpResponse("User registration successful", sub), SignUpJson.Default.SignUpResponse);
    }
}
