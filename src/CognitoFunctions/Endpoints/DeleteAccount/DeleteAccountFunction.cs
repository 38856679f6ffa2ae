using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.DeleteAccount;

/// <summary>
/// <c>POST /api/user/delete</c> with an access token and {currentPassword}: deletes the caller's own account → 204.
/// A POST rather than a DELETE: the password travels in a body, and a body on DELETE has no defined meaning in HTTP,
/// so proxies and client libraries may drop or refuse it.
/// </summary>
internal sealed class DeleteAccountFunction(AccountService accounts) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("DeleteAccount", ApiTag.Accounts, "Delete the signed-in user's account")
        {
            Description = "Needs an access token and the current password, so a token alone cannot delete an account. "
                + "The account cannot be restored; its refresh tokens stop working at once. Access tokens already issued stay "
                + "valid on routes that check tokens locally until they expire.",
            Body = DeleteAccountRequest.Body,
            Responses = [new(HttpStatusCode.NoContent, "The account is deleted.")],
            CallsCognito = true,
            Problems = [ProblemKind.IncorrectPassword, ProblemKind.ChallengeUnsupported, ProblemKind.OutcomeUnknown],
        },
    ];

    [Function("DeleteAccount")]
    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "user/delete")] HttpRequestData request)
    {
        var delete = await request.ReadAsync(DeleteAccountRequest.Body, FieldContext.None);
        if (delete.Rejected)
        {
            return delete.Rejection;
        }

        var token = request.FunctionContext.GetCognitoToken();
        var result = await accounts.DeleteAccountAsync(
            token.Username ?? token.Subject, token.EncodedToken, delete.Valid.CurrentPassword, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.NoContent);
    }
}
