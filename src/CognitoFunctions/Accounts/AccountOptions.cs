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

    /// <summary>
    /// Sign-up marks the email verified at once, without proof that the user owns the address, as the original tutorial
    /// did. Anyone can then register an address they do not own and reset its password. Default false: the user proves
    /// the address with the code Cognito emails (<c>POST /api/user/email/verification-code</c>, then <c>/verify</c>).
    /// </summary>
    public bool MarkEmailVerifiedWithoutProof { get; set; }

    /// <summary>
    /// How long an account whose email was never proven holds the address against a new sign-up. After it, a sign-up
    /// of the same address deletes that account (only one this app's sign-up created, never a verified or an
    /// admin-created one) and creates its own, so a stranger's unproven sign-up cannot lock the owner out for good.
    /// Counted from the account's creation. Default 24 hours; 0 lets any new sign-up replace an unproven account.
    /// </summary>
    public TimeSpan UnprovenEmailHoldsFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest <see cref="UnprovenEmailHoldsFor"/> accepted.</summary>
    public static readonly TimeSpan MaxUnprovenEmailHoldsFor = TimeSpan.FromDays(365);

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
