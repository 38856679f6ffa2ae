
namespace CognitoFunctions.Endpoints.Passwords;

/// <summary>The body of a password reset's start as sent.</summary>
internal sealed record ForgotPasswordRequest(string? Email)
{
    public static RequestBody<ForgotPasswordRequest, ValidForgotPassword> Body { get; } = new(
        PasswordsJson.Default.ForgotPasswordRequest,
        [FieldRule.Email("email")],
        body => new ValidForgotPassword(body.Email!.Trim()));
}

/// <summary>A password reset's start whose email met its rules, trimmed.</summary>
internal sealed record ValidForgotPassword(string Email);
