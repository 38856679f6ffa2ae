using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>Each Cognito call is logged exactly once: its operation, outcome, attempts and duration.</summary>
public sealed class CallLoggingTests
{
    private const string ClientCategory = "CognitoFunctions.Cognito.CognitoIdentityProviderClient";

    public static TheoryData<string, CognitoAnswer, string, string, int> Calls => new()
    {
        { "AdminGetUser", CognitoAnswer.Ok(), "ok", nameof(LogLevel.Information), 1 },
        { "AdminInitiateAuth", CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."), "NotAuthorizedException", nameof(LogLevel.Information), 1 },
        { "ListUsers", CognitoAnswer.Throttled(), "TooManyRequestsException", nameof(LogLevel.Warning), 4 },
        { "AdminGetUser", CognitoAnswer.Error("InternalErrorException", "Internal error", 500), "HTTP 500 InternalErrorException", nameof(LogLevel.Warning), 4 },
        { "AdminGetUser", CognitoAnswer.Hanging, "timeout", nameof(LogLevel.Warning), 4 },
        { "ChangePassword", CognitoAnswer.Hanging, "outcome unknown (timeout)", nameof(LogLevel.Warning), 1 },
        { "ConfirmForgotPassword", CognitoAnswer.Dropped, "outcome unknown (transport)", nameof(LogLevel.Warning), 1 },
        { "DescribeUserPool", new CognitoAnswer(200, "<html>not Cognito</html>", "text/html"), "unreadable answer", nameof(LogLevel.Warning), 1 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_is_logged_once_with_its_operation_outcome_attempts_and_duration(string operation, CognitoAnswer answer, string outcome, string level, int attempts)
    {
        using var logs = new FakeLoggerProvider();
        await using var fake = await CognitoFaultProxy.StartAsync(_ => answer);
        // Only a hanging answer needs a short attempt timeout; a quick answer slowed by a loaded machine must not time out.
        await using var services = TestClients.Create(fake.Address, logs: logs, overrides: answer.Equals(CognitoAnswer.Hanging)
            ? new Dictionary<string, string?> { ["Cognito:AttemptTimeout"] = "00:00:00.200", ["Cognito:TotalTimeout"] = "00:00:05" }
            : null);

        try
        {
            await OperationCalls.All[operation].Call(services.Client());
        }
        catch (CognitoException)
        {
            // The failure itself is another test's subject; here only its log line counts.
        }

        var record = Assert.Single(logs.Collector.GetSnapshot(), r => r.Category == ClientCategory);
        Assert.Equal(Enum.Parse<LogLevel>(level), record.Level);
        Assert.Equal(operation, record.GetStructuredStateValue("Operation"));
        Assert.Equal(outcome, record.GetStructuredStateValue("Outcome"));
        Assert.Equal(attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), record.GetStructuredStateValue("Attempts"));
        Assert.True(double.TryParse(record.GetStructuredStateValue("ElapsedMs"), System.Globalization.CultureInfo.InvariantCulture, out var elapsed) && elapsed >= 0, record.Message);
        Assert.StartsWith($"Cognito {operation}: {outcome} after {attempts} attempt(s) in ", record.Message, StringComparison.Ordinal);
    }
}
