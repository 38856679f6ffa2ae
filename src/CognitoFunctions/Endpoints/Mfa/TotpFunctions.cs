using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.Mfa;

/// <summary>
/// The signed-in user's authenticator-app factor (TOTP): enrol, verify the first code, prefer it, turn it off. Each
/// takes the user's access token, which Cognito itself checks (a signed-out token is refused there too).
/// </summary>
internal sealed class TotpFunctions(TotpFactor totp) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("EnrolTotp", ApiTag.Mfa, "Start enrolling an authenticator app")
        {
            Description = "Cognito makes a new shared secret (replacing one not yet verified). Show `otpAuthUri` as a QR code, "
                + "or the secret for typing in; then verify a first code. `Cache-Control: no-store`; the secret is never logged.",
            Responses = [new(HttpStatusCode.OK, "The secret and its otpauth:// URI.", MfaJson.Default.TotpEnrolmentResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.AccessTokenRevoked],
        },
        new("VerifyTotp", ApiTag.Mfa, "Verify the first code of the authenticator app")
        {
            Description = "A wrong code is a field error on `code`. The factor is then verified but not yet on: prefer it to turn it on.",
            Body = VerifyTotpRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "The authenticator app is verified.")],
            CallsCognito = true,
            Problems = [ProblemKind.TotpNotEnrolled, ProblemKind.AccessTokenRevoked, ProblemKind.OutcomeUnknown],
        },
        new("PreferTotp", ApiTag.Mfa, "Turn the authenticator app on as the preferred factor")
        {
            Description = "From the next login on, Cognito asks for a code from the app (the SOFTWARE_TOKEN_MFA challenge).",
            Responses = [new(HttpStatusCode.NoContent, "The factor is on and preferred.")],
            CallsCognito = true,
            Problems = [ProblemKind.TotpNotEnrolled, ProblemKind.AccessTokenRevoked],
        },
        new("DisableTotp", ApiTag.Mfa, "Turn the authenticator app off")
        {
            Description = "Refused when the user pool requires two-step verification.",
            Responses = [new(HttpStatusCode.NoContent, "The factor is off.")],
            CallsCognito = true,
            Problems = [ProblemKind.MfaRequired, ProblemKind.TotpNotEnrolled, ProblemKind.AccessTokenRevoked],
        },
    ];

    /// <summary><c>POST /api/user/mfa/totp/enrol</c> with an access token → 200 {secretCode, otpAuthUri}.</summary>
    [Function("EnrolTotp")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> EnrolAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/mfa/totp/enrol")] HttpRequestData request)
    {
        var token = request.FunctionContext.GetCognitoToken();
        var result = await totp.EnrolAsync(token.EncodedToken, token.Username ?? token.Subject, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, TotpEnrolmentResponse.From, MfaJson.Default.TotpEnrolmentResponse);
    }

    /// <summary><c>POST /api/user/mfa/totp/verify</c> {code} with an access token → 204.</summary>
    [Function("VerifyTotp")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/mfa/totp/verify")] HttpRequestData request)
    {
        var verify = await request.ReadAsync(VerifyTotpRequest.Body, FieldContext.None);
        if (verify.Rejected)
        {
            return verify.Rejection;
        }

        var result = await totp.VerifyAsync(request.FunctionContext.GetCognitoToken().EncodedToken, verify.Valid.Code, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }

    /// <summary><c>POST /api/user/mfa/totp/preferred</c> with an access token → 204.</summary>
    [Function("PreferTotp")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> PreferAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/mfa/totp/preferred")] HttpRequestData request)
    {
        var result = await totp.PreferAsync(request.FunctionContext.GetCognitoToken().EncodedToken, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }

    /// <summary><c>DELETE /api/user/mfa/totp</c> with an access token → 204.</summary>
    [Function("DisableTotp")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> DisableAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "user/mfa/totp")] HttpRequestData request)
    {
        var result = await totp.DisableAsync(request.FunctionContext.GetCognitoToken().EncodedToken, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
