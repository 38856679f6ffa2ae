namespace CognitoFunctions.Endpoints.Users;

/// <summary>One page of the pool's users; <c>paginationToken</c> is absent on the last page.</summary>
internal sealed record UserListResponse(IReadOnlyList<UserListItem> Users, string? PaginationToken);

/// <summary>One user of the listing.</summary>
internal sealed record UserListItem(string Username, string? Sub, string? Email, bool EmailVerified, string? Status, bool Enabled, DateTimeOffset CreatedAt);
