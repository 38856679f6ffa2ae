using System.Net;
using System.Net.Sockets;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Http;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Loopback;
using Polly.Timeout;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>
/// Which attempts are sent again, operation by operation: throttling and requests that never left
/// are retried for all; an attempt whose outcome is unknown only for the operations that are safe to repeat, and
/// for the others the client answers "outcome unknown" instead of retrying into a false failure.
/// </summary>
public sealed class RetryClassifierTests
{
    // The verdict of each operation (the reasons are in CognitoOperations): true = safe to send again.
    private static readonly Dictionary<string, bool> Repeatable = new(StringComparer.Ordinal)
    {
        ["AdminCreateUser"] = true, // only through the sign-up saga's nonce
        ["AdminSetUserPassword"] = false,
        ["AdminInitiateAuth"] = true,
        ["AdminRespondToAuthChallenge"] = false,
        ["InitiateAuth"] = true,
        ["RespondToAuthChallenge"] = false,
        ["AdminDeleteUser"] = true,
        ["AdminGetUser"] = true,
        ["AdminUserGlobalSignOut"] = true,
        ["RevokeToken"] = false,
        ["ForgotPassword"] = false,
        ["ConfirmForgotPassword"] = false,
        ["ChangePassword"] = false,
        ["AssociateSoftwareToken"] = true,
        ["VerifySoftwareToken"] = false,
        ["SetUserMFAPreference"] = true,
        ["DeleteUser"] = false,
        ["GetUserAttributeVerificationCode"] = false,
        ["VerifyUserAttribute"] = false,
        ["ListUsers"] = true,
        ["DescribeUserPool"] = true,
        ["DescribeUserPoolClient"] = true,
    };

    private static readonly Dictionary<string, string?> QuickAttempts = new()
    {
        ["Cognito:AttemptTimeout"] = "00:00:01",
        ["Cognito:TotalTimeout"] = "00:00:05",
    };

    public static TheoryData<string> Operations => [.. CognitoOperations.All.Select(o => o.Name)];

    [Fact]
    public void Every_operation_has_a_verdict_and_a_reason()
    {
        Assert.Equal(Repeatable.Keys.Order(StringComparer.Ordinal), CognitoOperations.All.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(CognitoOperations.All, o => Assert.True(o.Reason.Length > 10, $"{o.Name} gives no reason"));
        Assert.Contains("nonce", CognitoOperations.AdminCreateUser.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Throttling_and_requests_that_never_left_are_retried_an_unknown_outcome_only_when_repeatable(string name)
    {
        var operation = CognitoOperations.All.Single(o => o.Name == name);

        Assert.Equal(Repeatable[name], operation.Repeatable);
        Assert.True(RetryClassifier.ShouldRetry(operation, AttemptFailure.Throttled));
        Assert.True(RetryClassifier.ShouldRetry(operation, AttemptFailure.NotSent));
        Assert.Equal(Repeatable[name], RetryClassifier.ShouldRetry(operation, AttemptFailure.OutcomeUnknown));
        Assert.False(RetryClassifier.ShouldRetry(operation, AttemptFailure.Final));
    }

    public static TheoryData<string, Exception, string> Exceptions => new()
    {
        { "connection refused", new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), nameof(AttemptFailure.NotSent) },
        { "name not resolved", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), nameof(AttemptFailure.NotSent) },
        { "TLS handshake failed", new HttpRequestException(HttpRequestError.SecureConnectionError, "handshake"), nameof(AttemptFailure.NotSent) },
        { "no credentials to sign with (nothing sent, but final: retrying repeats the lookup)", new AwsCredentialsUnavailableException("none"), nameof(AttemptFailure.Final) },
        { "connection closed before the answer", new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), nameof(AttemptFailure.OutcomeUnknown) },
        { "connection reset while waiting", new HttpRequestException(HttpRequestError.Unknown, "reset", new IOException("reset")), nameof(AttemptFailure.OutcomeUnknown) },
        { "attempt timeout", new TimeoutRejectedException("attempt timeout"), nameof(AttemptFailure.OutcomeUnknown) },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_attempt_that_threw_is_classified_by_whether_the_request_may_have_left(string what, Exception exception, string expected)
    {
        Assert.True(Enum.Parse<AttemptFailure>(expected) == RetryClassifier.Classify(exception), what);
    }

    [Theory]
    [InlineData(500, nameof(AttemptFailure.OutcomeUnknown))]
    [InlineData(502, nameof(AttemptFailure.OutcomeUnknown))]
    [InlineData(503, nameof(AttemptFailure.OutcomeUnknown))]
    [InlineData(504, nameof(AttemptFailure.OutcomeUnknown))]
    [InlineData(501, nameof(AttemptFailure.Final))]
    [InlineData(505, nameof(AttemptFailure.Final))]
    [InlineData(429, nameof(AttemptFailure.Throttled))]
    [InlineData(404, nameof(AttemptFailure.Final))]
    public async Task An_answer_is_classified_by_its_status(int status, string expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("") };

        Assert.Equal(Enum.Parse<AttemptFailure>(expected), await RetryClassifier.ClassifyAsync(response, CancellationToken.None));
    }

    public static TheoryData<string, string> OperationsAndLostAnswers()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in CognitoOperations.All)
        {
            foreach (var reason in new[] { "timeout", "transport", "server_error" })
            {
                data.Add(operation.Name, reason);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsAndLostAnswers))]
    public async Task A_lost_first_answer_is_retried_only_for_a_repeatable_operation_and_is_otherwise_an_unknown_outcome(string operation, string reason)
    {
        var lost = reason switch
        {
            "timeout" => CognitoAnswer.Hanging,
            "transport" => CognitoAnswer.Dropped,
            _ => CognitoAnswer.Error("InternalErrorException", "Internal error", 500),
        };
        await using var fake = await CognitoFaultProxy.StartAsync(CognitoAnswer.Sequence(lost, CognitoAnswer.Ok()));
        // Only the hanging answer needs a short attempt timeout; elsewhere a slow but good second answer on a loaded
        // machine must not time out and be sent a third time.
        await using var services = TestClients.Create(fake.Address, overrides: reason == "timeout" ? QuickAttempts : null);

        var call = OperationCalls.All[operation].Call(services.Client());

        if (Repeatable[operation])
        {
            await call;
            Assert.Equal(2, fake.Requests.Count);
        }
        else
        {
            var error = await Assert.ThrowsAsync<CognitoOutcomeUnknownException>(() => call);
            Assert.Single(fake.Requests);
            Assert.Equal((operation, reason, 1), (error.Operation, error.Reason, error.Attempts));
            Assert.IsAssignableFrom<CognitoUnavailableException>(error.InnerException);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_throttled_attempt_did_nothing_so_every_operation_sends_it_again(string operation)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(CognitoAnswer.Sequence(CognitoAnswer.Throttled(), CognitoAnswer.Ok()));
        await using var services = TestClients.Create(fake.Address);

        await OperationCalls.All[operation].Call(services.Client());

        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_refused_connection_sent_nothing_so_every_operation_retries_and_ends_as_a_definite_transport_error(string operation)
    {
        await using var services = TestClients.Create(LoopbackPort.ClosedAddress());

        var error = await Assert.ThrowsAsync<CognitoTransportException>(() => OperationCalls.All[operation].Call(services.Client()));

        Assert.Equal(4, error.Attempts);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
    }

    [Fact]
    public async Task A_non_repeatable_call_throttled_until_the_total_timeout_ends_as_a_definite_failure_not_an_unknown_outcome()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Throttled());
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoThrottledException>(() => OperationCalls.All["ChangePassword"].Call(services.Client()));

        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal(4, error.Attempts);
    }
}
