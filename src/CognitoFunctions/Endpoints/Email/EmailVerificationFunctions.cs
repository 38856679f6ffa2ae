using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.Email;

/// <summary>
/// Proving the signed-in user's email: request a code (Cognito emails it), then send it back. Each takes the user's
/// access token, which Cognito itself checks (a signed-out token is refused there too).
/// </summary>
internal sealed class EmailVerificationFunctions(EmailVerification email) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("SendEmailVerificationCode", ApiTag.Accounts, "Send a code that proves the email")
        {
            Description = "Cognito emails the user a code; asking again sends a new one, which replaces the earlier. "
                + "`204` when the email is verified already (nothing is sent).",
            Responses =
            [
                new(HttpStatusCode.Accepted, "A code is on its way; `destination` is the masked address Cognito reports, when it does.", EmailJson.Default.EmailCodeSentResponse),
                new(HttpStatusCode.NoContent, "The email is verified already; no code was sent."),
            ],
            CallsCognito = true,
            Problems = [ProblemKind.AccessTokenRevoked, ProblemKind.OutcomeUnknown],
        },
        new("VerifyEmail", ApiTag.Accounts, "Prove the email with the code")
        {
            Description = "The code from the email marks it verified; tokens issued from then on (a refresh or a new login) carry `email_verified: true`.",
            Body = VerifyEmailRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "The email is verified.")],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCode, ProblemKind.AccessTokenRevoked, ProblemKind.OutcomeUnknown],
        },
    ];

    /// <summary><c>POST /api/user/email/verification-code</c> with an access token → 202 {message, destination, deliveryMedium}, or 204.</summary>
    [Function("SendEmailVerificationCode")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> SendCodeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/email/verification-code")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        var result = await email.SendCodeAsync(token.EncodedToken, token.Username ?? token.Subject, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return result.Value is { Sent: false }
            ? request.Empty(HttpStatusCode.NoContent)
            : await request.AnswerAsync(result, HttpStatusCode.Accepted, EmailCodeSentResponse.From, EmailJson.Default.EmailCodeSentResponse);
    }

    /// <summary><c>POST /api/user/email/verify</c> {code} with an access token → 204.</summary>
    [Function("VerifyEmail")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/email/verify")] HttpRequestData request)
    {
        var verify = await request.ReadAsync(VerifyEmailRequest.Body, FieldContext.None);
        if (verify.Rejected)
        {
            return verify.Rejection;
        }

        var result = await email.VerifyAsync(request.FunctionContext.GetCognitoToken().EncodedToken, verify.Valid.Code, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
