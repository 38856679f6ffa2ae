
namespace CognitoFunctions.Endpoints.Passwords;

/// <summary>The body of a password reset's confirmation as sent.</summary>
internal sealed record ConfirmForgotPasswordRequest(string? Email, string? Code, string? NewPassword)
{
    public const int MaxCodeLength = 64;

    public static RequestBody<ConfirmForgotPasswordRequest, ValidConfirmForgotPassword> Body { get; } = new(
        PasswordsJson.Default.ConfirmForgotPasswordRequest,
        [FieldRule.Email("email"), FieldRule.Text("code", MaxCodeLength), FieldRule.NewPassword("newPassword")],
        body => new ValidConfirmForgotPassword(body.Email!.Trim(), body.Code!.Trim(), body.NewPassword!));
}

/// <summary>A confirmation whose fields met their rules: email and code trimmed, the new password as sent.</summary>
internal sealed record ValidConfirmForgotPassword(string Email, string Code, string NewPassword);
