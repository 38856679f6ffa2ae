namespace CognitoFunctions.Accounts;

/// <summary>
/// A user-visible account operation, named once: <see cref="Name"/> is its tag on the <c>cognito.account.operations</c>
/// metric (dashboards query these, so they never change) and its name in log lines; <see cref="Timing"/> says which of
/// its answers wait for <see cref="AccountOptions.UniformResponseTime"/>.
/// </summary>
internal sealed record AccountOperation(string Name, UniformTiming Timing)
{
    public static readonly AccountOperation SignUp = new("signup", UniformTiming.None);

    public static readonly AccountOperation LogIn = new("login", UniformTiming.Failures);

    /// <summary>The answer to a login's challenge: only the holder of the password has its session, so nothing to conceal.</summary>
    public static readonly AccountOperation AnswerChallenge = new("login_challenge", UniformTiming.None);

    public static readonly AccountOperation Refresh = new("refresh", UniformTiming.None);

    public static readonly AccountOperation LogOut = new("logout", UniformTiming.None);

    /// <summary>Answered the same for unknown emails, so every answer waits: a quick one would tell the email is unknown.</summary>
    public static readonly AccountOperation ForgotPassword = new("forgot_password", UniformTiming.All);

    public static readonly AccountOperation ConfirmForgotPassword = new("confirm_forgot_password", UniformTiming.Failures);

    public static readonly AccountOperation ChangePassword = new("change_password", UniformTiming.None);

    public static readonly AccountOperation EnrolTotp = new("enrol_totp", UniformTiming.None);

    public static readonly AccountOperation VerifyTotp = new("verify_totp", UniformTiming.None);

    public static readonly AccountOperation PreferTotp = new("prefer_totp", UniformTiming.None);

    public static readonly AccountOperation DisableTotp = new("disable_totp", UniformTiming.None);
    public static readonly AccountOperation DeleteAccount = new("delete_account", UniformTiming.None);

    public static readonly AccountOperation SendEmailCode = new("send_email_code", UniformTiming.None);

    public static readonly AccountOperation VerifyEmail = new("verify_email", UniformTiming.None);

    public static readonly AccountOperation ListUsers = new("list_users", UniformTiming.None);
}

/// <summary>Which answers of an operation could tell a known email from an unknown one by their timing.</summary>
internal enum UniformTiming
{
    /// <summary>None: answers leave when they are ready.</summary>
    None,

    /// <summary>Failures (a wrong password and an unknown email must look alike); successes reveal nothing new.</summary>
    Failures,

    /// <summary>Every answer.</summary>
    All,
}
