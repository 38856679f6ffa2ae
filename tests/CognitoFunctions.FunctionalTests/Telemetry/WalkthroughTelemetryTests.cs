using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Telemetry;

namespace CognitoFunctions.FunctionalTests.Telemetry;

/// <summary>
/// The README's walkthrough, from sign-up to the account's deletion, each request in a W3C trace of its own, and what
/// the worker exported of it over OTLP: the invocation in the caller's trace with its Cognito calls beneath it, the
/// middleware's decision, the audit events in order, the metrics, and nowhere a secret or the email in clear.
/// </summary>
public sealed class WalkthroughTelemetryTests(TelemetryAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<TelemetryAppFixture>
{
    private const string CognitoSource = "CognitoFunctions.Cognito";
    private const string WorkerSource = "Microsoft.Azure.Functions.Worker";
    private const string ClientAddress = "198.51.100.42";
    private const string FirstPassword = "Walkthrough-Pass-1";
    private const string SecondPassword = "Walkthrough-Pass-2";

    private readonly List<Step> _steps = [];
    private readonly List<string> _secrets = [FirstPassword, SecondPassword, CognitoLocalServer.FixedCode];

    private OtlpReceiver Telemetry => fixture.Telemetry;

    [Fact]
    public async Task The_walkthrough_is_traced_per_request_audited_in_order_measured_and_leaks_nothing()
    {
        // A mixed-case address: a clear email must not appear in any case.
        var email = $"Newcomer-{Guid.NewGuid():N}@Example.com";
        _secrets.Add(email);

        var signUp = await SendAsync("sign-up", HttpMethod.Post, "/api/user/signup", new { email, password = FirstPassword }, null, HttpStatusCode.Created);
        var sub = signUp.Json!["userSub"]!.GetValue<string>();
        var login = await SendAsync("login", HttpMethod.Post, "/api/user/login", new { email, password = FirstPassword }, null, HttpStatusCode.OK);
        var (access, refresh) = Tokens(login);
        await SendAsync("email code", HttpMethod.Post, "/api/user/email/verification-code", null, access, HttpStatusCode.Accepted);
        await SendAsync("email verify", HttpMethod.Post, "/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, access, HttpStatusCode.NoContent);
        var refreshed = await SendAsync("refresh", HttpMethod.Post, "/api/user/refresh", new { refreshToken = refresh }, null, HttpStatusCode.OK);
        var idToken = refreshed.Json!["idToken"]!.GetValue<string>();
        Tokens(refreshed);
        var privateFirst = await SendAsync("private", HttpMethod.Get, "/api/user/private", null, idToken, HttpStatusCode.OK);
        var privateAgain = await SendAsync("private again", HttpMethod.Get, "/api/user/private", null, idToken, HttpStatusCode.OK);
        await SendAsync("logout", HttpMethod.Post, "/api/user/logout", new { refreshToken = refresh }, access, HttpStatusCode.NoContent);
        await SendAsync("refresh after logout", HttpMethod.Post, "/api/user/refresh", new { refreshToken = refresh }, null, HttpStatusCode.Unauthorized);
        await SendAsync("password forgot", HttpMethod.Post, "/api/user/password/forgot", new { email }, null, HttpStatusCode.Accepted);
        await SendAsync("password confirm", HttpMethod.Post, "/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = SecondPassword }, null, HttpStatusCode.NoContent);
        var second = await SendAsync("login, new password", HttpMethod.Post, "/api/user/login", new { email, password = SecondPassword }, null, HttpStatusCode.OK);
        (access, _) = Tokens(second);
        var enrol = await SendAsync("TOTP enrol", HttpMethod.Post, "/api/user/mfa/totp/enrol", null, access, HttpStatusCode.OK);
        var secret = enrol.Json!["secretCode"]!.GetValue<string>();
        _secrets.Add(secret);
        var verifyCode = TotpCodes.Current(secret);
        _secrets.Add(verifyCode);
        await SendAsync("TOTP verify", HttpMethod.Post, "/api/user/mfa/totp/verify", new { code = verifyCode }, access, HttpStatusCode.NoContent);
        await SendAsync("TOTP prefer", HttpMethod.Post, "/api/user/mfa/totp/preferred", null, access, HttpStatusCode.NoContent);
        var challenge = await SendAsync("login, challenged", HttpMethod.Post, "/api/user/login", new { email, password = SecondPassword }, null, HttpStatusCode.Forbidden);
        var session = challenge.Json!["session"]!.GetValue<string>();
        _secrets.Add(session);
        var challengeCode = TotpCodes.Current(secret);
        _secrets.Add(challengeCode);
        var answered = await SendAsync("login challenge", HttpMethod.Post, "/api/user/login/challenge", new { session, code = challengeCode }, null, HttpStatusCode.OK);
        (access, _) = Tokens(answered);
        await SendAsync("TOTP off", HttpMethod.Delete, "/api/user/mfa/totp", null, access, HttpStatusCode.NoContent);
        var last = await SendAsync("login, last", HttpMethod.Post, "/api/user/login", new { email, password = SecondPassword }, null, HttpStatusCode.OK);
        (access, _) = Tokens(last);
        var delete = await SendAsync("account deletion", HttpMethod.Post, "/api/user/delete", new { currentPassword = SecondPassword }, access, HttpStatusCode.NoContent);

        // Every invocation in its caller's trace (beneath the host's span of the request).
        var invocations = new Dictionary<Step, CapturedSpan>();
        foreach (var step in _steps)
        {
            invocations[step] = await Telemetry.WaitForAsync(
                t => t.Spans.FirstOrDefault(s => s.TraceId == step.TraceId && s.Source == WorkerSource && s.ParentSpanId.Length > 0),
                $"the invocation span of {step.Name} in trace {step.TraceId}",
                TelemetryAppFixture.Deadline);
        }

        // The last exported audit event and its Cognito call: by then the batches before them have arrived too.
        await Telemetry.WaitForAsync(
            t => t.Logs.FirstOrDefault(l => l.TraceId == delete.TraceId && l.EventName == "AccountDeleteSucceeded"),
            "the audit event of the account's deletion",
            TelemetryAppFixture.Deadline);
        await Telemetry.WaitForAsync(
            t => t.Spans.FirstOrDefault(s => s.TraceId == delete.TraceId && s.Source == CognitoSource),
            "the Cognito span of the account's deletion",
            TelemetryAppFixture.Deadline);
        var spans = Telemetry.Spans;

        // The Cognito calls of a request are beneath its invocation, in its trace, one operation each.
        foreach (var step in _steps)
        {
            var cognito = spans.Where(s => s.TraceId == step.TraceId && s.Source == CognitoSource).ToList();
            Assert.All(cognito, s =>
            {
                Assert.Equal(CapturedSpanKind.Client, s.Kind);
                Assert.StartsWith("AWSCognitoIdentityProviderService/", s.Name, StringComparison.Ordinal);
                Assert.Equal(s.Name["AWSCognitoIdentityProviderService/".Length..], s.Attributes["rpc.method"]);
                Assert.True(Ancestors(spans, s).Any(a => a.SpanId == invocations[step].SpanId), $"{s.Name} of {step.Name} is not beneath its invocation");
            });
            if (step.Path == "/api/user/private")
            {
                Assert.Empty(cognito);
            }
            else
            {
                Assert.NotEmpty(cognito);
            }
        }

        Assert.Contains(spans, s => s.TraceId == login.TraceId && s.Source == CognitoSource
            && s.Attributes["rpc.method"] is "InitiateAuth" or "AdminInitiateAuth");
        Assert.Contains(spans, s => s.TraceId == answered.TraceId && s.Source == CognitoSource
            && s.Attributes["rpc.method"] is "RespondToAuthChallenge" or "AdminRespondToAuthChallenge");
        Assert.Contains(spans, s => s.TraceId == delete.TraceId && s.Source == CognitoSource && Equals(s.Attributes["rpc.method"], "DeleteUser"));

        // The middleware's decision on the private call: valid, the first time validated, then from the cache.
        var first = invocations[privateFirst].Attributes;
        var again = invocations[privateAgain].Attributes;
        Assert.Equal(("valid", false, "id"), ((string?)first["cognito.auth.outcome"], (bool?)first["cognito.auth.cached"], (string?)first["cognito.auth.token_use"]));
        Assert.Equal(("valid", true), ((string?)again["cognito.auth.outcome"], (bool?)again["cognito.auth.cached"]));

        // The audit events, one per account operation, in the order of the walkthrough and each in its request's trace.
        var audit = Telemetry.Logs.Where(l => l.Category == "CognitoFunctions.Audit").ToList();
        var ordered = _steps.SelectMany(step => audit.Where(l => l.TraceId == step.TraceId).Select(l => (Step: step, Log: l))).ToList();
        Assert.Equal(audit.Count, ordered.Count);
        Assert.Equal(
            [
                "SignUpSucceeded", "LoginSucceeded", "EmailCodeRequestSucceeded", "EmailVerifySucceeded", "RefreshSucceeded",
                "LogoutSucceeded", "RefreshFailed", "PasswordResetRequestSucceeded", "PasswordResetConfirmSucceeded",
                "LoginSucceeded", "TotpEnrolSucceeded", "TotpVerifySucceeded", "TotpPreferSucceeded", "LoginChallengeSet",
                "LoginChallengeSucceeded", "TotpDisableSucceeded", "LoginSucceeded", "AccountDeleteSucceeded",
            ],
            ordered.Select(e => e.Log.EventName));
        string[] withoutSub = ["RefreshFailed", "PasswordResetRequestSucceeded", "PasswordResetConfirmSucceeded", "LoginChallengeSet"];
        Assert.All(ordered, e =>
        {
            Assert.Equal(9, e.Log.Severity);
            Assert.Equal(ClientAddress, e.Log.Attributes["ClientAddress"]);
            Assert.Equal(withoutSub.Contains(e.Log.EventName) ? null : sub, e.Log.Attributes.GetValueOrDefault("Sub"));
            Assert.NotEqual("", e.Log.SpanId);
        });

        // The metrics of the run.
        var operations = await LatestAsync("CognitoFunctions.Accounts", "cognito.account.operations", p => Equals(p.Attributes["outcome"], "success") && Equals(p.Attributes.GetValueOrDefault("operation"), "delete_account"));
        Assert.Contains(operations.Points, p => Equals(p.Attributes["operation"], "login") && Equals(p.Attributes["outcome"], "success") && p.Value >= 3);
        var durations = await LatestAsync("CognitoFunctions.Cognito", "cognito.client.duration", p => Equals(p.Attributes["operation"], "DeleteUser"));
        Assert.Equal("s", durations.Unit);
        Assert.Contains(durations.Points, p => p.Attributes["operation"] is "InitiateAuth" or "AdminInitiateAuth" && p.Count >= 4 && p.Sum > 0);
        var decisions = await LatestAsync("CognitoFunctions.Authentication", "cognito.auth.requests", p => Equals(p.Attributes["outcome"], "valid") && p.Value >= 2);
        Assert.NotEmpty(decisions.Points);

        // Nothing captured holds a password, token, code, session, the TOTP secret or the email, in any case.
        var leaks = Texts().Where(t => _secrets.Any(s => t.Text.Contains(s, StringComparison.OrdinalIgnoreCase))).Select(t => t.Where).ToList();
        Assert.True(leaks.Count == 0, "secrets in: " + string.Join("; ", leaks));
        Assert.Empty(Telemetry.Refused);

        Print(spans, invocations[login], audit.Count == 0 ? [] : ordered);
    }

    private async Task<Step> SendAsync(string name, HttpMethod method, string path, object? body, string? bearer, HttpStatusCode expected)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            // With a Content-Length: the host delivers a chunked body empty.
            request.Content = new ByteArrayContent(body is null ? [] : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)));
            if (body is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{callerSpanId}-01");
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{name}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var step = new Step(name, path, traceId, callerSpanId, text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : null);
        _steps.Add(step);
        return step;
    }

    private (string Access, string? Refresh) Tokens(Step step)
    {
        var json = step.Json!;
        foreach (var key in new[] { "idToken", "accessToken", "refreshToken" })
        {
            if (json[key]?.GetValue<string>() is { } token)
            {
                _secrets.Add(token);
            }
        }

        return (json["accessToken"]!.GetValue<string>(), json["refreshToken"]?.GetValue<string>());
    }

    private async Task<CapturedMetric> LatestAsync(string meter, string name, Func<CapturedPoint, bool> complete) =>
        await Telemetry.WaitForAsync(
            t => t.Metrics.LastOrDefault(m => m.Meter == meter && m.Name == name && m.Points.Any(complete)),
            $"{name} of the whole walkthrough",
            TelemetryAppFixture.Deadline);

    private static IEnumerable<CapturedSpan> Ancestors(IReadOnlyList<CapturedSpan> spans, CapturedSpan span)
    {
        var parent = span.ParentSpanId;
        while (parent.Length > 0 && spans.FirstOrDefault(s => s.TraceId == span.TraceId && s.SpanId == parent) is { } found)
        {
            yield return found;
            parent = found.ParentSpanId;
        }
    }

    /// <summary>Every text the receiver captured, named by where it came from.</summary>
    private IEnumerable<(string Where, string Text)> Texts()
    {
        foreach (var span in Telemetry.Spans)
        {
            yield return ($"span {span.Name}", span.Name);
            yield return ($"span {span.Name} status", span.StatusMessage);
            foreach (var (key, value) in span.Attributes)
            {
                yield return ($"span {span.Name} attribute {key}", Text(value));
            }

            foreach (var e in span.Events)
            {
                yield return ($"span {span.Name} event {e.Name}", e.Name);
                foreach (var (key, value) in e.Attributes)
                {
                    yield return ($"span {span.Name} event {e.Name} attribute {key}", Text(value));
                }
            }
        }

        foreach (var log in Telemetry.Logs)
        {
            yield return ($"log {log.Category} {log.EventName} body", log.Body ?? "");
            foreach (var (key, value) in log.Attributes)
            {
                yield return ($"log {log.Category} {log.EventName} attribute {key}", Text(value));
            }
        }

        foreach (var metric in Telemetry.Metrics)
        {
            foreach (var (key, value) in metric.Points.SelectMany(p => p.Attributes))
            {
                yield return ($"metric {metric.Name} attribute {key}", Text(value));
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        System.Collections.IEnumerable items => string.Join(" ", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private void Print(IReadOnlyList<CapturedSpan> spans, CapturedSpan loginInvocation, IReadOnlyList<(Step Step, CapturedLog Log)> audit)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Login trace {loginInvocation.TraceId} (caller's span {loginInvocation.ParentSpanId}):");
        PrintTree(text, spans, loginInvocation, 1);
        text.AppendLine();
        text.AppendLine("Audit events (event name, request, trace id, Sub, ClientAddress, Outcome):");
        foreach (var (step, log) in audit)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {log.EventName,-30} {step.Name,-22} {log.TraceId} Sub={Text(log.Attributes.GetValueOrDefault("Sub"))} ClientAddress={Text(log.Attributes.GetValueOrDefault("ClientAddress"))} Outcome={Text(log.Attributes.GetValueOrDefault("Outcome"))}");
        }

        Output.WriteLine(text.ToString());
    }

    private static void PrintTree(StringBuilder text, IReadOnlyList<CapturedSpan> spans, CapturedSpan span, int depth)
    {
        var tags = string.Join(", ", span.Attributes.Where(a => a.Key.StartsWith("rpc.", StringComparison.Ordinal) || a.Key.StartsWith("cognito.", StringComparison.Ordinal)).Select(a => $"{a.Key}={Text(a.Value)}"));
        var line = string.Create(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}{span.Name} [{span.Source}, {span.Kind}] span {span.SpanId} parent {span.ParentSpanId} {span.Duration.TotalMilliseconds:F1} ms {tags}");
        text.AppendLine(line.TrimEnd());
        foreach (var child in spans.Where(s => s.TraceId == span.TraceId && s.ParentSpanId == span.SpanId).OrderBy(s => s.Start))
        {
            PrintTree(text, spans, child, depth + 1);
        }
    }

    private sealed record Step(string Name, string Path, string TraceId, string CallerSpanId, JsonObject? Json);
}
