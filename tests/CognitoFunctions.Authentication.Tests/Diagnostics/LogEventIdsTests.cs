using CognitoFunctions.Testing;

namespace CognitoFunctions.Authentication.Tests.Diagnostics;

public sealed class LogEventIdsTests
{
    [Fact]
    public void Every_log_message_of_the_package_has_its_own_EventId_in_the_packages_range() =>
        LoggerMessageIds.AssertSetUniqueAndWithin(typeof(LogEventIds).Assembly, LogEventIds.First, LogEventIds.Last);
}
