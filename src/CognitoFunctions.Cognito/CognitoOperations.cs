namespace CognitoFunctions.Cognito;

/// <summary>
/// Every Cognito operation the client calls, in one place: the client's methods send them, the retry classifier
/// asks each whether it may be sent again, and the IAM policy in aws-cognito.yaml grants exactly the signed ones
/// (the template test reads them from here). An operation not listed here cannot be called.
/// </summary>
public static class CognitoOperations
{
    /// <summary>Creates the sign-up's user.</summary>
    public static readonly CognitoOperation AdminCreateUser = new(nameof(AdminCreateUser), IamAuthorized: true, Repeatable: true,
        "A repeat meets the user the lost attempt created and is refused with UsernameExists; it is repeatable only because "
        + "the sign-up saga recognises its own earlier success by the random nonce it wrote (custom:signup_nonce, read back "
        + "with AdminGetUser when CognitoException.EarlierAttemptMayHaveSucceeded). Any other caller must do the same.");

    /// <summary>Sets the sign-up's permanent password.</summary>
    public static readonly CognitoOperation AdminSetUserPassword = new(nameof(AdminSetUserPassword), IamAuthorized: true, Repeatable: false,
        "Under a password-history policy a repeat of a password change that was carried out is refused with "
        + "PasswordHistoryPolicyViolation (the password is now in the history), which would be answered as a false "
        + "'password refused'. Sign-up rolls its user back instead when the outcome is unknown.");

    /// <summary>Logs in (ADMIN_USER_PASSWORD_AUTH) or refreshes tokens (REFRESH_TOKEN_AUTH).</summary>
    public static readonly CognitoOperation AdminInitiateAuth = new(nameof(AdminInitiateAuth), IamAuthorized: true, Repeatable: true,
        "Reads the password or refresh token and issues tokens: a repeat issues another set, and the lost one is never "
        + "delivered. (A repeated wrong password counts once more towards Cognito's lockout.)");

    /// <summary>Answers a login's challenge (a new password, an MFA code, the choice of a factor, MFA set-up).</summary>
    public static readonly CognitoOperation AdminRespondToAuthChallenge = new(nameof(AdminRespondToAuthChallenge), IamAuthorized: true, Repeatable: false,
        "The challenge's session and a one-time code are spent by the first delivery (and a new password is set by it): a "
        + "repeat is refused with NotAuthorized (session used) or CodeMismatch, a false 'log in again' or 'wrong code' "
        + "although tokens were issued or the password changed.");

    /// <summary>Logs in through the public API (USER_PASSWORD_AUTH), where the admin flow cannot show challenges.</summary>
    public static readonly CognitoOperation InitiateAuth = new(nameof(InitiateAuth), IamAuthorized: false, Repeatable: true,
        "As AdminInitiateAuth: a repeat issues another set of tokens or another challenge session, and the lost one is "
        + "never delivered.");

    /// <summary>Answers a challenge of a login started with InitiateAuth.</summary>
    public static readonly CognitoOperation RespondToAuthChallenge = new(nameof(RespondToAuthChallenge), IamAuthorized: false, Repeatable: false,
        "As AdminRespondToAuthChallenge: the session and the code are spent by the first delivery.");

    /// <summary>Deletes the sign-up's user when the saga rolls back.</summary>
    public static readonly CognitoOperation AdminDeleteUser = new(nameof(AdminDeleteUser), IamAuthorized: true, Repeatable: true,
        "A repeat after a carried-out deletion is refused with UserNotFound, which its only caller (the sign-up rollback) "
        + "reads as 'gone already': the outcome is the same.");

    /// <summary>Reads a user with every attribute (the sign-up nonce included).</summary>
    public static readonly CognitoOperation AdminGetUser = new(nameof(AdminGetUser), IamAuthorized: true, Repeatable: true, "Reads only.");

    /// <summary>Signs the user out of every device on logout.</summary>
    public static readonly CognitoOperation AdminUserGlobalSignOut = new(nameof(AdminUserGlobalSignOut), IamAuthorized: true, Repeatable: true,
        "Signing out again leaves the user signed out: a repeat has the outcome of one delivery.");

    /// <summary>Revokes a refresh token on logout.</summary>
    public static readonly CognitoOperation RevokeToken = new(nameof(RevokeToken), IamAuthorized: false, Repeatable: false,
        "A repeat of a carried-out revocation may be refused (cognito-local answers NotAuthorized; Cognito documents no "
        + "answer for a token it has revoked), which would be answered as a false 'invalid refresh token'.");

    /// <summary>Starts a password reset.</summary>
    public static readonly CognitoOperation ForgotPassword = new(nameof(ForgotPassword), IamAuthorized: false, Repeatable: false,
        "Each delivery emails a new code that replaces the previous one, so a repeat would make the code of the first "
        + "email useless, and it counts towards the per-user LimitExceeded quota.");

    /// <summary>Sets a new password with the emailed code.</summary>
    public static readonly CognitoOperation ConfirmForgotPassword = new(nameof(ConfirmForgotPassword), IamAuthorized: false, Repeatable: false,
        "The code is spent by the first delivery: a repeat is refused with CodeMismatch or ExpiredCode (or "
        + "PasswordHistoryPolicyViolation), a false 'invalid code' although the password changed.");

    /// <summary>Changes the signed-in user's password.</summary>
    public static readonly CognitoOperation ChangePassword = new(nameof(ChangePassword), IamAuthorized: false, Repeatable: false,
        "After the first delivery the previous password is no longer the user's: a repeat is refused (NotAuthorized, "
        + "cognito-local's InvalidPassword, or PasswordHistoryPolicyViolation), a false 'incorrect password' although the "
        + "password changed.");

    /// <summary>Starts TOTP enrolment: Cognito makes a new secret for the signed-in user, or inside a login's MFA set-up.</summary>
    public static readonly CognitoOperation AssociateSoftwareToken = new(nameof(AssociateSoftwareToken), IamAuthorized: false, Repeatable: true,
        "A repeat makes another secret that replaces the first, which the caller never received: the outcome is the same.");

    /// <summary>Verifies the first TOTP code of an enrolment.</summary>
    public static readonly CognitoOperation VerifySoftwareToken = new(nameof(VerifySoftwareToken), IamAuthorized: false, Repeatable: false,
        "Cognito refuses a TOTP code it has accepted once: a repeat of a carried-out verification would be answered as a "
        + "false 'wrong code' although the factor was verified.");

    /// <summary>Turns the signed-in user's TOTP factor on (preferred) or off.</summary>
    public static readonly CognitoOperation SetUserMFAPreference = new(nameof(SetUserMFAPreference), IamAuthorized: false, Repeatable: true,
        "Sets a state: a repeat sets the same state again.");
    /// <summary>The signed-in user deletes their own account.</summary>
    public static readonly CognitoOperation DeleteUser = new(nameof(DeleteUser), IamAuthorized: false, Repeatable: false,
        "After the first delivery the user is gone: a repeat is refused (NotAuthorized or UserNotFound for a token whose "
        + "user no longer exists), a false 'not deleted' although the account was deleted.");

    /// <summary>Sends the signed-in user a code that proves they own their email.</summary>
    public static readonly CognitoOperation GetUserAttributeVerificationCode = new(nameof(GetUserAttributeVerificationCode), IamAuthorized: false, Repeatable: false,
        "Each delivery emails a new code that replaces the previous one, so a repeat would make the code of the first "
        + "email useless, and it counts towards the per-user LimitExceeded quota.");

    /// <summary>Marks the signed-in user's email verified with the code Cognito sent.</summary>
    public static readonly CognitoOperation VerifyUserAttribute = new(nameof(VerifyUserAttribute), IamAuthorized: false, Repeatable: false,
        "The code is spent by the first delivery: a repeat is refused with CodeMismatch or ExpiredCode, a false 'invalid "
        + "code' although the email was verified.");

    /// <summary>Lists a page of the pool's users.</summary>
    public static readonly CognitoOperation ListUsers = new(nameof(ListUsers), IamAuthorized: true, Repeatable: true, "Reads only.");

    /// <summary>Reads the pool's settings (password policy, health check).</summary>
    public static readonly CognitoOperation DescribeUserPool = new(nameof(DescribeUserPool), IamAuthorized: true, Repeatable: true, "Reads only.");

    /// <summary>Reads the configured app client's settings (health check).</summary>
    public static readonly CognitoOperation DescribeUserPoolClient = new(nameof(DescribeUserPoolClient), IamAuthorized: true, Repeatable: true, "Reads only.");

    /// <summary>Every operation the client calls.</summary>
    public static IReadOnlyList<CognitoOperation> All { get; } =
    [
        AdminCreateUser, AdminSetUserPassword, AdminInitiateAuth, AdminRespondToAuthChallenge, InitiateAuth, RespondToAuthChallenge, AdminDeleteUser, AdminGetUser, AdminUserGlobalSignOut,
        RevokeToken, ForgotPassword, ConfirmForgotPassword, ChangePassword, DeleteUser, AssociateSoftwareToken, VerifySoftwareToken,
        SetUserMFAPreference, ListUsers, DescribeUserPool, DescribeUserPoolClient,
        GetUserAttributeVerificationCode, VerifyUserAttribute,
    ];

    /// <summary>The IAM actions the app's role needs: those of the signed operations, and no other.</summary>
    public static IReadOnlyList<string> IamActions { get; } = [.. All.Where(o => o.IamAuthorized).Select(o => o.IamAction)];
}
