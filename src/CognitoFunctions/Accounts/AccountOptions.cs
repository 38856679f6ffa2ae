namespace CognitoFunctions.Accounts;

/// <summary>How the account flows behave: configuration section <c>Accounts</c>.</summary>
internal sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Logout also signs the user out of every device (AdminUserGlobalSignOut). Default true. cognito-local lacks the
    /// operation, so local runs set <c>Accounts__GlobalSignOutOnLogout=false</c>.
    /// </summary>
    public bool GlobalSignOutOnLogout { get; set; } = true;
}
