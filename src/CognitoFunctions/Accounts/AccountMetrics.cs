using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Text.Json;

namespace CognitoFunctions.Accounts;

/// <summary>
/// Account outcomes as metrics (meter <c>CognitoFunctions.Accounts</c>), for OpenTelemetry or Application Insights:
/// operations by name and outcome, and sign-up rollbacks.
/// </summary>
internal sealed class AccountMetrics : IDisposable
{
    public const string MeterName = "CognitoFunctions.Accounts";

    /// <summary>The outcome of an operation that succeeded.</summary>
    public const string Success = "success";

    private readonly Meter _meter;
    private readonly Counter<long> _operations;
    private readonly Counter<long> _rollbacks;

    public AccountMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _operations = _meter.CreateCounter<long>("cognito.account.operations", "{operation}", "Account operations by name and outcome.");
        _rollbacks = _meter.CreateCounter<long>("cognito.account.signup_rollbacks", "{user}", "Sign-ups undone after their password could not be set, by result.");
    }

    public void Operation(AccountOperation operation, AccountFailure? failure) =>
        _operations.Add(1, new("operation", operation.Name), new("outcome", OutcomeOf(failure)));

    /// <summary>An operation's outcome as the metric and the audit events name it: <c>success</c>, or the failure's kind in snake case.</summary>
    public static string OutcomeOf(AccountFailure? failure) => failure is null ? Success : FailureOutcomes[failure.GetType()];

    public void SignUpRolledBack() => _rollbacks.Add(1, new KeyValuePair<string, object?>("result", "deleted"));

    public void SignUpRollbackFailed() => _rollbacks.Add(1, new KeyValuePair<string, object?>("result", "failed"));

    public void Dispose() => _meter.Dispose();

    // One tag per failure kind, named after it (EmailTaken → email_taken), so a new kind gets its own tag.
    private static readonly FrozenDictionary<Type, string> FailureOutcomes = typeof(AccountFailure).GetNestedTypes()
        .Where(type => type.IsSubclassOf(typeof(AccountFailure)))
        .ToFrozenDictionary(type => type, type => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name));
}
