namespace CognitoFunctions.Functions;

// Response bodies (camelCase JSON). Field names follow the original tutorial where it had them (`message`, `token`).

internal sealed record SignUpResponse(string Message, string UserSub);

internal sealed record TokenResponse(
    string Message,
    string Token,
    string IdToken,
    string AccessToken,
    string? RefreshToken,
    int ExpiresIn,
    string TokenType,
    string Username);

internal sealed record IdentityResponse(string? Message, string Sub, string? Email, string? Username, IReadOnlyList<string> Groups, string TokenUse);

internal sealed record UserListResponse(IReadOnlyList<UserListItem> Users, string? PaginationToken);

internal sealed record UserListItem(string Username, string? Sub, string? Email, bool EmailVerified, string? Status, bool Enabled, DateTimeOffset CreatedAt);
