using CognitoFunctions.Accounts.Audit;
using Microsoft.Extensions.Logging.Testing;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The audit events among the log records a fake logger collected, and their properties.</summary>
internal static class AuditRecords
{
    public static IReadOnlyList<FakeLogRecord> AuditEvents(this FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(r => r.Category == AuditLog.Category)];

    /// <summary>The value of the event's property <paramref name="name"/> as the log record holds it (null when absent or null).</summary>
    public static string? Property(this FakeLogRecord record, string name) =>
        record.StructuredState?.FirstOrDefault(p => p.Key == name).Value;
}
