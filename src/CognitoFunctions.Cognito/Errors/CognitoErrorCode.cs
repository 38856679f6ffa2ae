namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// The error codes Cognito's user pool API and AWS's common errors answer with, named after their <c>__type</c>
/// without the <c>Exception</c> suffix. <see cref="Unknown"/> stands for any other code; the exact code is always
/// in <see cref="CognitoServiceException.ErrorCode"/>.
/// </summary>
public enum CognitoErrorCode
{
    /// <summary>A code this list does not know.</summary>
    Unknown = 0,

    /// <summary>An alias (email, phone) is already used by another user.</summary>
    AliasExists,

    /// <summary>The code could not be sent.</summary>
    CodeDeliveryFailure,

    /// <summary>A wrong confirmation or reset code.</summary>
    CodeMismatch,

    /// <summary>A concurrent change conflicted.</summary>
    ConcurrentModification,

    /// <summary>The code has expired.</summary>
    ExpiredCode,

    /// <summary>WAF or the pool's configuration forbade the request.</summary>
    Forbidden,

    /// <summary>The group exists already.</summary>
    GroupExists,

    /// <summary>Cognito failed internally (HTTP 500).</summary>
    InternalError,

    /// <summary>The pool's email configuration is not usable.</summary>
    InvalidEmailRoleAccessPolicy,

    /// <summary>A Lambda trigger answered something Cognito could not use.</summary>
    InvalidLambdaResponse,

    /// <summary>A parameter is missing or malformed (e.g. an auth flow the app client does not allow).</summary>
    InvalidParameter,

    /// <summary>The password breaks the pool's policy.</summary>
    InvalidPassword,

    /// <summary>The pool's SMS role is not usable.</summary>
    InvalidSmsRoleAccessPolicy,

    /// <summary>The pool's SMS role trust is not usable.</summary>
    InvalidSmsRoleTrustRelationship,

    /// <summary>The pool is not configured for the request.</summary>
    InvalidUserPoolConfiguration,

    /// <summary>A limit of the account or of attempts was exceeded (not throttling: retrying soon does not help).</summary>
    LimitExceeded,

    /// <summary>No MFA method is set up.</summary>
    MFAMethodNotFound,

    /// <summary>Wrong username or password, a disabled user, a revoked or invalid token, or an auth flow not allowed.</summary>
    NotAuthorized,

    /// <summary>The password was used before (password history).</summary>
    PasswordHistoryPolicyViolation,

    /// <summary>The user must reset their password first.</summary>
    PasswordResetRequired,

    /// <summary>The pool, client or group does not exist.</summary>
    ResourceNotFound,

    /// <summary>Too many failed attempts.</summary>
    TooManyFailedAttempts,

    /// <summary>Cognito throttled the request (HTTP 400); retried by the client, then surfaced.</summary>
    TooManyRequests,

    /// <summary>The app client may not do this (RevokeToken with token revocation off).</summary>
    Unauthorized,

    /// <summary>A Lambda trigger failed.</summary>
    UnexpectedLambda,

    /// <summary>The TOTP code did not verify the software token (VerifySoftwareToken).</summary>
    EnableSoftwareTokenMFA,

    /// <summary>The user has no software token (TOTP) associated, or none verified.</summary>
    SoftwareTokenMFANotFound,

    /// <summary>The operation is not supported for this client or pool.</summary>
    UnsupportedOperation,

    /// <summary>The token is not of a type the operation takes.</summary>
    UnsupportedTokenType,

    /// <summary>The user is not in a state the operation allows.</summary>
    UnsupportedUserState,

    /// <summary>A user import job is running.</summary>
    UserImportInProgress,

    /// <summary>A Lambda trigger rejected the request.</summary>
    UserLambdaValidation,

    /// <summary>The user has not confirmed their account.</summary>
    UserNotConfirmed,

    /// <summary>No such user.</summary>
    UserNotFound,

    /// <summary>A user with this username (or email) exists already.</summary>
    UsernameExists,

    /// <summary>A pool feature the request needs is not enabled.</summary>
    UserPoolAddOnNotEnabled,

    /// <summary>The IAM principal may not call the operation.</summary>
    AccessDenied,

    /// <summary>The signature is incomplete.</summary>
    IncompleteSignature,

    /// <summary>The access key id is not known to AWS.</summary>
    InvalidClientTokenId,

    /// <summary>The signature does not match (wrong secret key, clock or signed content).</summary>
    InvalidSignature,

    /// <summary>The session token has expired.</summary>
    ExpiredToken,

    /// <summary>The request carried no authentication.</summary>
    MissingAuthenticationToken,

    /// <summary>The request's date is too far from AWS's clock.</summary>
    RequestExpired,

    /// <summary>The security token is not valid.</summary>
    UnrecognizedClient,

    /// <summary>AWS's generic throttling error; treated as <see cref="TooManyRequests"/>.</summary>
    Throttling,

    /// <summary>AWS's generic validation error.</summary>
    ValidationError,

    /// <summary>AWS's generic internal failure (HTTP 500).</summary>
    InternalFailure,

    /// <summary>AWS's generic "service unavailable" (HTTP 503).</summary>
    ServiceUnavailable,
}
