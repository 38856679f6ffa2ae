using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Accounts;

/// <summary>
/// Proof that the signed-in user owns their email: Cognito emails a code (GetUserAttributeVerificationCode), and the
/// code marks the email verified (VerifyUserAttribute). Both calls are authorized by the user's access token, so
/// Cognito applies them to that user alone. Until then the email is unproven, and after
/// <see cref="AccountOptions.UnprovenEmailHoldsFor"/> a new sign-up may claim the address.
/// </summary>
internal sealed class EmailVerification(ICognitoIdentityProvider cognito, AccountFlow flow)
{
    /// <summary>The attribute both calls prove.</summary>
    private const string Email = "email";

    /// <summary>
    /// Sends (or sends again) a code to the email of the user <paramref name="username"/> holding
    /// <paramref name="accessToken"/>; nothing is sent when the email is verified already.
    /// </summary>
    public Task<AccountResult<EmailCodeDelivery>> SendCodeAsync(string accessToken, string username, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<EmailCodeDelivery>(AccountOperation.SendEmailCode, (audit, result) => audit.EmailCodeRequest(result, caller), async () =>
        {
            var user = await cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = username }, cancellationToken);
            if (IsVerified(user.UserAttributes))
            {
                return EmailCodeDelivery.AlreadyVerified;
            }

            var sent = await cognito.GetUserAttributeVerificationCodeAsync(
                new GetUserAttributeVerificationCodeRequest { AccessToken = accessToken, AttributeName = Email }, cancellationToken);
            return new EmailCodeDelivery(Sent: true, sent.CodeDeliveryDetails?.Destination, sent.CodeDeliveryDetails?.DeliveryMedium);
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => new AccountFailure.AccessTokenRevoked(),
            _ => null,
        });

    /// <summary>Marks the user's email verified with the code Cognito sent.</summary>
    public Task<AccountResult<Done>> VerifyAsync(string accessToken, string code, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.VerifyEmail, (audit, result) => audit.EmailVerify(result, caller), async () =>
        {
            await cognito.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = accessToken, AttributeName = Email, Code = code }, cancellationToken);
            return new Done();
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.CodeMismatch or CognitoErrorCode.ExpiredCode => new AccountFailure.InvalidCode(),
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => new AccountFailure.AccessTokenRevoked(),
            _ => null,
        });

    /// <summary>Whether Cognito holds the email of a user with these attributes as proven.</summary>
    public static bool IsVerified(IReadOnlyList<AttributeType> attributes) =>
        string.Equals(attributes.ValueOf("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The outcome of a request for an email code: sent (to where, as Cognito reports it, masked), or not sent because the
/// email is verified already.
/// </summary>
internal sealed record EmailCodeDelivery(bool Sent, string? Destination, string? DeliveryMedium)
{
    public static EmailCodeDelivery AlreadyVerified { get; } = new(Sent: false, null, null);
}
