using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Tests.Health;

/// <summary>A Cognito client that answers DescribeUserPool as the test says and counts the calls; nothing else is expected.</summary>
internal sealed class DescribeOnlyCognito(Func<CancellationToken, Task<DescribeUserPoolResponse>> describe) : ICognitoIdentityProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return describe(cancellationToken);
    }

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ForgotPasswordResponse> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("A health check calls DescribeUserPool only.");
}
