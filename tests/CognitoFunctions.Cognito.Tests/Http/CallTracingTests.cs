using System.Diagnostics;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>
/// Each Cognito call is one client span, a child of the invocation's span (so of the caller's trace), covering its
/// retries and parenting the HTTP attempts, tagged with its outcome and never with what the request carried; and one
/// duration of the meter <c>CognitoFunctions.Cognito</c>.
/// </summary>
public sealed class CallTracingTests
{
    private const string Email = "traced.user@example.com";
    private const string Password = "Tr4ced-Pass-word!";
    private const string IdToken = "eyJpZC10b2tlbg.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWlk";
    private const string AccessToken = "eyJhY2Nlc3M.eyJzdWIiOiJ5In0.c2lnbmF0dXJlLWFjYw";
    private const string RefreshToken = "eyJyZWZyZXNo.ZW5jcnlwdGVk.a2V5.Y2lwaGVy.dGFn";
    private const string Sub = "6c1b3a80-0000-4000-8000-0000000000aa";

    [Fact]
    public async Task A_call_is_one_client_span_under_the_invocation_in_the_callers_trace()
    {
        using var spans = new ActivityRecorder(CognitoTelemetry.SourceName, "System.Net.Http");
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok(UserJson));
        await using var services = TestClients.Create(fake.Address);

        await services.Client().AdminGetUserAsync(new AdminGetUserRequest { Username = Email });

        var span = Assert.Single(CognitoSpans(spans));
        Assert.Equal("AWSCognitoIdentityProviderService/AdminGetUser", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(spans.CallerTraceId, span.TraceId);
        Assert.Equal(spans.Invocation.SpanId, span.ParentSpanId);
        Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
        Assert.Equal("AWSCognitoIdentityProviderService", span.GetTagItem("rpc.service"));
        Assert.Equal("AdminGetUser", span.GetTagItem("rpc.method"));
        Assert.Equal("ok", span.GetTagItem("cognito.outcome"));
        Assert.Equal(1, span.GetTagItem("cognito.attempts"));
        Assert.Equal(false, span.GetTagItem("cognito.outcome_unknown"));
        Assert.Null(span.GetTagItem("cognito.error_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_retried_call_is_one_span_counting_its_attempts_and_the_HTTP_attempts_are_its_children()
    {
        using var spans = new ActivityRecorder(CognitoTelemetry.SourceName, "System.Net.Http");
        await using var fake = await CognitoFaultProxy.StartAsync(CognitoAnswer.Sequence(CognitoAnswer.Throttled(), CognitoAnswer.Ok(UserJson)));
        await using var services = TestClients.Create(fake.Address, time: new SteppingTimeProvider());

        await services.Client().AdminGetUserAsync(new AdminGetUserRequest { Username = Email });

        var span = Assert.Single(CognitoSpans(spans));
        Assert.Equal("ok", span.GetTagItem("cognito.outcome"));
        Assert.Equal(2, span.GetTagItem("cognito.attempts"));
        var attempts = spans.InTrace.Where(a => a.Source.Name == "System.Net.Http").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(span.SpanId, a.ParentSpanId));
    }

    public static TheoryData<string, CognitoAnswer, string, string?, int, bool> Failures => new()
    {
        { "AdminInitiateAuth", CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."), "service_error", "NotAuthorizedException", 1, false },
        { "ListUsers", CognitoAnswer.Throttled(), "throttled", "TooManyRequestsException", 4, false },
        { "AdminGetUser", CognitoAnswer.Error("InternalErrorException", "Internal error", 500), "server_error", "InternalErrorException", 4, false },
        { "ConfirmForgotPassword", CognitoAnswer.Dropped, "transport", null, 1, true },
        { "ChangePassword", CognitoAnswer.Error("InternalErrorException", "Internal error", 500), "server_error", "InternalErrorException", 1, true },
        { "DescribeUserPool", new CognitoAnswer(200, "<html>not Cognito</html>", "text/html"), "unreadable", null, 1, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_call_is_an_error_span_with_its_outcome_error_code_attempts_and_whether_the_outcome_is_unknown(
        string operation, CognitoAnswer answer, string outcome, string? errorCode, int attempts, bool unknown)
    {
        using var spans = new ActivityRecorder(CognitoTelemetry.SourceName);
        await using var fake = await CognitoFaultProxy.StartAsync(_ => answer);
        await using var services = TestClients.Create(fake.Address, time: new SteppingTimeProvider());

        var error = await Assert.ThrowsAnyAsync<CognitoException>(() => OperationCalls.All[operation].Call(services.Client()));

        var span = Assert.Single(CognitoSpans(spans));
        Assert.Equal($"AWSCognitoIdentityProviderService/{operation}", span.DisplayName);
        Assert.Equal(outcome, span.GetTagItem("cognito.outcome"));
        Assert.Equal(errorCode, span.GetTagItem("cognito.error_code"));
        Assert.Equal(errorCode ?? outcome, span.GetTagItem("error.type"));
        Assert.Equal(attempts, span.GetTagItem("cognito.attempts"));
        Assert.Equal(unknown, span.GetTagItem("cognito.outcome_unknown"));
        Assert.Equal(unknown, error is CognitoOutcomeUnknownException);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(outcome, span.StatusDescription);
    }

    [Fact]
    public async Task A_call_the_caller_cancels_is_not_an_error_span()
    {
        using var spans = new ActivityRecorder(CognitoTelemetry.SourceName);
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Hanging);
        await using var services = TestClients.Create(fake.Address);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Client().AdminGetUserAsync(new AdminGetUserRequest { Username = Email }, cancel.Token));

        var span = Assert.Single(CognitoSpans(spans));
        Assert.Equal("cancelled", span.GetTagItem("cognito.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task No_span_of_a_sign_up_and_login_carries_the_email_password_tokens_or_secret()
    {
        using var spans = new ActivityRecorder(CognitoTelemetry.SourceName, "System.Net.Http");
        await using var fake = await CognitoFaultProxy.StartAsync(request => request.Operation switch
        {
            "AdminCreateUser" => CognitoAnswer.Ok($$$"""{"User":{"Username":"{{{Sub}}}","Attributes":[{"Name":"email","Value":"{{{Email}}}"}],"Enabled":true,"UserStatus":"FORCE_CHANGE_PASSWORD"}}"""),
            "AdminInitiateAuth" => CognitoAnswer.Ok($$$"""{"AuthenticationResult":{"AccessToken":"{{{AccessToken}}}","ExpiresIn":3600,"IdToken":"{{{IdToken}}}","RefreshToken":"{{{RefreshToken}}}","TokenType":"Bearer"},"ChallengeParameters":{}}"""),
            _ => CognitoAnswer.Ok(),
        });
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?> { ["Cognito:ClientSecret"] = TestClients.ClientSecret });
        var cognito = services.Client();

        await cognito.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            Username = Email,
            MessageAction = MessageActionType.Suppress,
            UserAttributes = [AttributeType.Of("email", Email), AttributeType.Of("custom:signup_nonce", "n0nce-traced")],
        });
        await cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = Email, Password = Password, Permanent = true });
        await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(Email, Password));
        await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(Email, "Wrong-" + Password));

        Assert.Equal(4, CognitoSpans(spans).Count);
        var secretHash = fake.Requests[2].Body["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>();
        string[] personal = [Email, Password, IdToken, AccessToken, RefreshToken, Sub, TestClients.ClientSecret, secretHash, "n0nce-traced"];
        var text = spans.TextInTrace().ToList();
        Assert.NotEmpty(text);
        Assert.All(text, value => Assert.DoesNotContain(personal, p => value.Contains(p, StringComparison.OrdinalIgnoreCase)));
        Assert.All(text, value => Assert.DoesNotContain("traced.user", value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Each_call_records_its_duration_by_operation_outcome_and_error_code()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(request => request.Operation == "AdminGetUser"
            ? CognitoAnswer.Ok(UserJson)
            : CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."));
        await using var services = TestClients.Create(fake.Address);
        using var durations = new MetricCollector<double>(
            services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), CognitoTelemetry.MeterName, "cognito.client.duration");

        await services.Client().AdminGetUserAsync(new AdminGetUserRequest { Username = Email });
        await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(Email, Password)));

        var measured = durations.GetMeasurementSnapshot();
        Assert.Equal(2, measured.Count);
        Assert.All(measured, m => Assert.True(m.Value > 0));
        Assert.Equal("AdminGetUser", measured[0].Tags["operation"]);
        Assert.Equal("ok", measured[0].Tags["outcome"]);
        Assert.False(measured[0].Tags.ContainsKey("error_code"));
        Assert.Equal("AdminInitiateAuth", measured[1].Tags["operation"]);
        Assert.Equal("service_error", measured[1].Tags["outcome"]);
        Assert.Equal("NotAuthorizedException", measured[1].Tags["error_code"]);
        Assert.Equal("s", durations.Instrument!.Unit);
    }

    private const string UserJson = $$"""{"Username":"{{Sub}}","UserAttributes":[{"Name":"email","Value":"{{Email}}"}],"Enabled":true,"UserStatus":"CONFIRMED","UserCreateDate":1700000000,"UserLastModifiedDate":1700000000}""";

    private static List<Activity> CognitoSpans(ActivityRecorder spans) =>
        [.. spans.InTrace.Where(a => a.Source.Name == CognitoTelemetry.SourceName)];
}
