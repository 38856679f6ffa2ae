using CognitoFunctions.Testing;

namespace CognitoFunctions.Cognito.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void Every_log_message_of_the_Cognito_client_has_its_own_EventId_in_the_clients_range() =>
        LoggerMessageIds.AssertSetUniqueAndWithin(typeof(LogEventIds).Assembly, LogEventIds.First, LogEventIds.Last);
}
