using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.Passwords;

/// <summary>The body of a password change as sent.</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword)
{
    public static RequestBody<ChangePasswordRequest, ValidChangePassword> Body { get; } = new(
        PasswordsJson.Default.ChangePasswordRequest,
        [FieldRule.Text("currentPassword", PasswordPolicy.MaxLength), FieldRule.NewPassword("newPassword")],
        body => new ValidChangePassword(body.CurrentPassword!, body.NewPassword!));
}

/// <summary>A password change whose fields met their rules.</summary>
internal sealed record ValidChangePassword(string CurrentPassword, string NewPassword);
