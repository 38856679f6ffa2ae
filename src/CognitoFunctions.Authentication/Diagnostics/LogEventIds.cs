namespace CognitoFunctions.Authentication;

/// <summary>
/// The range of the EventIds of the package's log messages (all in <see cref="AuthenticationLog"/>): 1–99, so that a
/// log query tells them from an application's; the app of this repository uses 100–299 for its Cognito client and its
/// own messages. Every message has its own id (a test checks it); ids once published are not reused for another message.
/// </summary>
internal static class LogEventIds
{
    public const int First = 1;
    public const int Last = 99;
}
