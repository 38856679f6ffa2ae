using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary>
/// The body of a login as sent. No email syntax and no password policy here: a login answers "wrong email or
/// password" and nothing more specific.
/// </summary>
internal sealed record LogInRequest(string? Email, string? Password)
{
    public static RequestBody<LogInRequest, ValidLogIn> Body { get; } = new(
        LogInJson.Default.LogInRequest,
        [FieldRule.Text("email", EmailAddress.MaxLength), FieldRule.Text("password", PasswordPolicy.MaxLength)],
        body => new ValidLogIn(body.Email!.Trim(), body.Password!));
}

/// <summary>A login whose fields met their rules: the email trimmed, the password as sent.</summary>
internal sealed record ValidLogIn(string Email, string Password);
