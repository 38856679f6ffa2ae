namespace CognitoFunctions;

/// <summary>
/// The range of the EventIds of the app's log messages: 200–299, so that a log query tells the app's messages from the
/// Cognito client's (100–199) and the middleware package's (1–99). Every message has its own id (a test checks it):
/// 200 the unhandled-exception middleware, 201 health, 202 the password policy, 210–249 the account flows (227 a reset
/// request for an unknown or unproven email). The audit events have a range of their own, 300–349 (<see cref="Accounts.Audit.AuditLog"/>).
/// </summary>
internal static class LogEventIds
{
    public const int First = 200;
    public const int Last = 299;
}
