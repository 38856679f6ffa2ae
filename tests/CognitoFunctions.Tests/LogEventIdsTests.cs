using CognitoFunctions.Accounts.Audit;
using CognitoFunctions.Testing;

namespace CognitoFunctions.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void Every_log_message_of_the_app_has_its_own_EventId_in_the_apps_range() =>
        LoggerMessageIds.AssertSetUniqueAndWithin(typeof(LogEventIds).Assembly, LogEventIds.First, LogEventIds.Last, type => type != typeof(AuditLog));

    [Fact]
    public void Every_audit_event_has_its_own_EventId_in_the_audit_range() =>
        LoggerMessageIds.AssertSetUniqueAndWithin(typeof(AuditLog).Assembly, AuditLog.FirstEventId, AuditLog.LastEventId, type => type == typeof(AuditLog));
}
