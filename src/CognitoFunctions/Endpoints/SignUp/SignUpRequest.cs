
namespace CognitoFunctions.Endpoints.SignUp;

/// <summary>The body of a sign-up as sent: every field nullable, so that validation reports every problem at once.</summary>
internal sealed record SignUpRequest(string? Email, string? Password)
{
    public static RequestBody<SignUpRequest, ValidSignUp> Body { get; } = new(
        SignUpJson.Default.SignUpRequest,
        [FieldRule.Email("email"), FieldRule.NewPassword("password")],
        body => new ValidSignUp(body.Email!.Trim(), body.Password!));
}

/// <summary>A sign-up whose fields met their rules: the email trimmed, the password as sent.</summary>
internal sealed record ValidSignUp(string Email, string Password);
