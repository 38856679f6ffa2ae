using CognitoFunctions.Testing;

namespace CognitoFunctions.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void Every_log_message_of_the_app_has_its_own_EventId_in_the_apps_range() =>
        LoggerMessageIds.AssertSetUniqueAndWithin(typeof(LogEventIds).Assembly, LogEventIds.First, LogEventIds.Last);
}
