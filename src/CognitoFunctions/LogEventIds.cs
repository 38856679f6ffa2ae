namespace CognitoFunctions;

/// <summary>
/// The range of the EventIds of the app's log messages: 200–299, so that a log query tells the app's messages from the
/// Cognito client's (100–199) and the middleware package's (1–99). Every message has its own id (a test checks it):
/// 200 the unhandled-exception middleware, 201 health, 202 the password policy, 210–229 the account flows (228 and 229 the audit lines of an account deletion, 226 that of an unproven account a sign-up replaced, 227 a reset request for an unknown or unproven email).
/// </summary>
internal static class LogEventIds
{
    public const int First = 200;
    public const int Last = 299;
}
