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
    /// Sign-up marks the email verified at once, without proof that the user owns the address, as the original tutorial
    /// did. Anyone can then register an address they do not own and reset its password. Default false: the user proves
    /// the address with the code Cognito emails (<c>POST /api/user/email/verification-code</c>, then <c>/verify</c>).
    /// </summary>
    public bool MarkEmailVerifiedWithoutProof { get; set; }

    /// <summary>The longest <see cref="UniformResponseTime"/> accepted.</summary>
    public static readonly TimeSpan MaxUniformResponseTime = TimeSpan.FromSeconds(10);
}
