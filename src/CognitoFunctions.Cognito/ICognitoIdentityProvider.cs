using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Cognito;

/// <summary>
/// The Cognito Identity Provider operations the app uses, on the configured pool and app client
/// (<see cref="CognitoOptions"/>): the client fills in the pool id, the client id and SECRET_HASH.
/// The operations, which of them are SigV4-signed and which may be sent again, are listed in <see cref="CognitoOperations"/>.
/// </summary>
/// <remarks>
/// Every method throws <see cref="CognitoServiceException"/> (with <see cref="CognitoServiceException.Code"/>) when
/// Cognito answers an error, <see cref="CognitoThrottledException"/> when throttling outlasts the retries,
/// <see cref="CognitoUnavailableException"/> subtypes for HTTP 5xx, network failures and timeouts (among them
/// <see cref="CognitoOutcomeUnknownException"/> when an operation that is not safe to repeat may have been carried out),
/// <see cref="CognitoProtocolException"/> for an answer that is not Cognito's, and
/// <see cref="CognitoCredentialsException"/> when no AWS credentials could be had. Cancelling the token throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface ICognitoIdentityProvider
{
    /// <summary>AdminCreateUser. On <see cref="CognitoErrorCode.UsernameExists"/> check <see cref="CognitoException.EarlierAttemptMayHaveSucceeded"/>.</summary>
    Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminSetUserPassword.</summary>
    Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH).</summary>
    Task<AuthFlowResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminRespondToAuthChallenge: answers a challenge of a login started with AdminInitiateAuth.</summary>
    Task<AuthFlowResponse> AdminRespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>InitiateAuth (USER_PASSWORD_AUTH) through the public API.</summary>
    Task<AuthFlowResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>RespondToAuthChallenge: answers a challenge of a login started with InitiateAuth.</summary>
    Task<AuthFlowResponse> RespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminDeleteUser.</summary>
    Task AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminGetUser, with every attribute (developer-only ones included).</summary>
    Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>AdminUserGlobalSignOut.</summary>
    Task AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken = default);

    /// <summary>RevokeToken (a refresh token of the configured app client).</summary>
    Task RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>ForgotPassword.</summary>
    Task<ForgotPasswordResponse> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>ConfirmForgotPassword.</summary>
    Task ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>ChangePassword.</summary>
    Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>AssociateSoftwareToken (with the user's access token, or an MFA_SETUP challenge's session).</summary>
    Task<AssociateSoftwareTokenResponse> AssociateSoftwareTokenAsync(AssociateSoftwareTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>VerifySoftwareToken (with the user's access token, or an MFA_SETUP challenge's session).</summary>
    Task<VerifySoftwareTokenResponse> VerifySoftwareTokenAsync(VerifySoftwareTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>SetUserMFAPreference (with the user's access token).</summary>
    Task SetUserMFAPreferenceAsync(SetUserMfaPreferenceRequest request, CancellationToken cancellationToken = default);
    /// <summary>DeleteUser: deletes the user of the access token.</summary>
    Task DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>ListUsers: one page; pass the answer's PaginationToken for the next.</summary>
    Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default);

    /// <summary>DescribeUserPool of the configured pool.</summary>
    Task<DescribeUserPoolResponse> DescribeUserPoolAsync(CancellationToken cancellationToken = default);

    /// <summary>DescribeUserPoolClient of the configured app client in the configured pool.</summary>
    Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(CancellationToken cancellationToken = default);

    /// <summary>GetUserAttributeVerificationCode (with the user's access token).</summary>
    Task<GetUserAttributeVerificationCodeResponse> GetUserAttributeVerificationCodeAsync(GetUserAttributeVerificationCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>VerifyUserAttribute (with the user's access token).</summary>
    Task VerifyUserAttributeAsync(VerifyUserAttributeRequest request, CancellationToken cancellationToken = default);
}
