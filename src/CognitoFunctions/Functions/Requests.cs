namespace CognitoFunctions.Functions;

// Request bodies. Every field is nullable: presence and format are checked by validation, which reports all
// problems at once instead of failing on the first.

internal sealed record SignUpRequest(string? Email, string? Password);

internal sealed record LogInRequest(string? Email, string? Password);

internal sealed record RefreshRequest(string? RefreshToken, string? Username);

internal sealed record ForgotPasswordRequest(string? Email);

internal sealed record ConfirmForgotPasswordRequest(string? Email, string? Code, string? NewPassword);

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal sealed record LogOutRequest(string? RefreshToken);
