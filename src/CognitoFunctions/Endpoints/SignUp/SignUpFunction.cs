using CognitoFunctions.Accounts;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Endpoints.SignUp;

/// <summary><c>POST /api/user/signup</c> {email, password} → 201 {message, userSub}.</summary>
internal sealed class SignUpFunction(AccountService accounts, SignUpSaga signUp, IOptions<AccountOptions> options) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("SignUp", ApiTag.Accounts, "Create an account")
        {
            Description = "Creates a confirmed user who can log in at once. The email is not verified yet (`emailVerified: false`): "
                + "the user proves it with the code `POST /api/user/email/verification-code` sends, within `Accounts__UnprovenEmailHoldsFor` "
                + "(24 h by default): after it, a new sign-up of the address replaces the unproven account. Safe to retry.",
            Body = SignUpRequest.Body,
            Responses = [new(HttpStatusCode.Created, "The account exists; `userSub` is its Cognito `sub`; `emailVerified` says whether the email still has to be proven (true only under `Accounts__MarkEmailVerifiedWithoutProof`).", SignUpJson.Default.SignUpResponse)],
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

        var result = await signUp.SignUpAsync(body.Valid.Email, body.Valid.Password, ClientContext.CallerOf(request), cancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.Created, sub => new SignUpResponse("User registration successful", sub, options.Value.MarkEmailVerifiedWithoutProof), SignUpJson.Default.SignUpResponse);
    }
}
