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

    /// <summary>
    /// The earliest an answer that must not tell whether an account exists leaves, counted from the start of the
    /// operation: every password-reset request, and failed logins and reset confirmations. Cognito takes longer for a
    /// known email than for an unknown one; answers wait until this floor so their timing tells nobody which it was
    /// (OWASP Forgot Password cheat sheet). Set it above the slowest of these Cognito calls you see (the
    /// <c>cognito.account.operations</c> metric); a call slower than the floor still shows. Default 1 s; 0 turns it off.
    /// </summary>
    public TimeSpan UniformResponseTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The Cognito flow a login runs. <see cref="PasswordAuthFlow.AdminUserPasswordAuth"/> (default, for Cognito): the
    /// admin API, IAM-signed, passing the end user's context to threat protection. <see cref="PasswordAuthFlow.UserPasswordAuth"/>:
    /// the public API (the app client must list ALLOW_USER_PASSWORD_AUTH), for cognito-local, whose admin login never
    /// sets a challenge. Both complete the same challenges.
    /// </summary>
    public PasswordAuthFlow PasswordAuthFlow { get; set; } = PasswordAuthFlow.AdminUserPasswordAuth;

    /// <summary>The longest <see cref="UniformResponseTime"/> accepted.</summary>
    public static readonly TimeSpan MaxUniformResponseTime = TimeSpan.FromSeconds(10);
}

/// <summary>The Cognito flows a login can run.</summary>
internal enum PasswordAuthFlow
{
    /// <summary>AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH, then AdminRespondToAuthChallenge.</summary>
    AdminUserPasswordAuth,

    /// <summary>InitiateAuth with USER_PASSWORD_AUTH, then RespondToAuthChallenge.</summary>
    UserPasswordAuth,
}
