namespace CognitoFunctions.Cognito;

/// <summary>
/// The range of the EventIds of the Cognito client's log messages: 100–199, so that a log query tells them from the
/// middleware package's (1–99) and the app's (200–299). Every message has its own id (a test checks it): 101–109 the
/// credential sources, 110–119 the calls.
/// </summary>
internal static class LogEventIds
{
    public const int First = 100;
    public const int Last = 199;
}
