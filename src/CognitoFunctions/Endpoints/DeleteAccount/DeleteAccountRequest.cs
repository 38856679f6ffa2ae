using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.DeleteAccount;

/// <summary>The body of an account deletion as sent.</summary>
internal sealed record DeleteAccountRequest(string? CurrentPassword)
{
    public static RequestBody<DeleteAccountRequest, ValidDeleteAccount> Body { get; } = new(
        DeleteAccountJson.Default.DeleteAccountRequest,
        [FieldRule.Text("currentPassword", PasswordPolicy.MaxLength)],
        body => new ValidDeleteAccount(body.CurrentPassword!));
}

/// <summary>An account deletion whose password met its rule, as sent.</summary>
internal sealed record ValidDeleteAccount(string CurrentPassword);
