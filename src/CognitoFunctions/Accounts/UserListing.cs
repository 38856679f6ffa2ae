using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Accounts;

/// <summary>The admin listing of the pool's users, page by page.</summary>
internal sealed class UserListing(ICognitoIdentityProvider cognito, AccountFlow flow)
{
    /// <summary>One page of the pool's users, for the administrator <paramref name="caller"/> (the audit event names them).</summary>
    public Task<AccountResult<UserPage>> ListUsersAsync(int limit, string? paginationToken, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<UserPage>(AccountOperation.ListUsers, (audit, result) => audit.UserList(result, caller), async () =>
        {
            var page = await cognito.ListUsersAsync(new ListUsersRequest { Limit = limit, PaginationToken = paginationToken }, cancellationToken);
            var users = page.Users.Select(u => new UserSummary(
                u.Username,
                u.Attributes.ValueOf("sub"),
                u.Attributes.ValueOf("email"),
                u.Attributes.ValueOf("email_verified") == "true",
                u.UserStatus,
                u.Enabled,
                u.UserCreateDate)).ToList();
            return new UserPage(users, page.PaginationToken);
        },
        ex => ex.Code == CognitoErrorCode.InvalidParameter && paginationToken is not null
            ? new AccountFailure.FieldRejected("paginationToken", "Invalid or expired; start again without it.")
            : null);
}
