using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// Can a client tell by the time of an answer whether an email has an account? The real app
/// (src/CognitoFunctions) through the test host against cognito-local, in interleaved pairs (which side goes first
/// alternates): password reset for a known vs an unknown email, login with a wrong password vs an unknown email, reset
/// confirmation with a wrong code for a known vs an unknown email. Per kind: both medians and a sign test (in how many
/// pairs the known side was slower). Run once with <c>Accounts__UniformResponseTime</c> at 0 (what main did) and once
/// at the sample's floor. Answers are checked (202, 401, 400 on both sides); with <c>smoke</c> nothing else is meant.
/// </summary>
internal static class EnumerationTimingRun
{
    private const string Password = "Correct-Horse-9";

    private static readonly (string Name, string Path, HttpStatusCode Status, Func<string, string> Body)[] Kinds =
    [
        ("password reset (forgot)", "api/user/password/forgot", HttpStatusCode.Accepted, email => Json(("email", email))),
        ("login: wrong password vs unknown email", "api/user/login", HttpStatusCode.Unauthorized, email => Json(("email", email), ("password", "Wrong-Horse-9"))),
        ("reset confirmation: wrong code", "api/user/password/confirm", HttpStatusCode.BadRequest, email => Json(("email", email), ("code", "000000"), ("newPassword", "Brand-New-Passw0rd"))),
    ];

    public static async Task<string> RunAsync(int pairs, bool smoke, TextWriter log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var cognito = await CognitoLocalPool.StartAsync(http);
        var floor = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample)["Accounts__UniformResponseTime"];

        var report = new StringBuilder();
        report.AppendLine("## Account enumeration by timing\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"The app (src/CognitoFunctions) through the test host against cognito-local 5.3.0 on loopback; {pairs} interleaved pairs per kind, the side that goes first alternating; a fresh unknown email per pair. \"known slower\" counts the pairs in which the known email's answer took longer (sign test: indistinguishable unless one side is slower in 40 or more of 60). Load average before: {MachineInfo.LoadAverage()}.\n");
        foreach (var (label, value) in new[] { ("floor off (`Accounts__UniformResponseTime=0`, as main answered)", "00:00:00"), ($"floor on (`Accounts__UniformResponseTime={floor}`, the sample's)", floor) })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"### {label}\n");
            report.AppendLine("| kind | known email median ms | unknown email median ms | known slower in | verdict |");
            report.AppendLine("|---|---|---|---|---|");
            await using var host = await StartAsync(cognito, value);
            using var client = host.CreateClient();
            var known = $"timing-{Guid.NewGuid():N}@example.com";
            await ExpectAsync(client, "api/user/signup", Json(("email", known), ("password", Password)), HttpStatusCode.Created);
            await ProveEmailAsync(client, known);
            foreach (var kind in Kinds)
            {
                var (knownTimes, unknownTimes) = await PairsAsync(client, kind.Path, kind.Status, kind.Body, known, pairs);
                var knownSlower = knownTimes.Zip(unknownTimes).Count(p => p.First > p.Second);
                var limit = (int)Math.Ceiling(pairs * 40 / 60.0);
                var verdict = smoke ? "(smoke: statuses checked, no verdict)" : knownSlower >= limit || pairs - knownSlower >= limit ? "**distinguishable**" : "indistinguishable";
                report.AppendLine(FormattableString.Invariant($"| {kind.Name} | {Statistics.Median(knownTimes):0.0} | {Statistics.Median(unknownTimes):0.0} | {knownSlower} of {pairs} | {verdict} |"));
                log.WriteLine(FormattableString.Invariant($"enumeration timing, floor {value}: {kind.Name}: known slower in {knownSlower} of {pairs}"));
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    private static async Task<(List<double> Known, List<double> Unknown)> PairsAsync(
        HttpClient client, string path, HttpStatusCode status, Func<string, string> body, string knownEmail, int pairs)
    {
        var known = new List<double>();
        var unknown = new List<double>();

        // One unmeasured pair first: the first call of each route compiles code on both sides.
        await TimeAsync(client, path, body(knownEmail), status);
        await TimeAsync(client, path, body($"nobody-{Guid.NewGuid():N}@example.com"), status);
        for (var pair = 0; pair < pairs; pair++)
        {
            var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.com";
            if (pair % 2 == 0)
            {
                known.Add(await TimeAsync(client, path, body(knownEmail), status));
                unknown.Add(await TimeAsync(client, path, body(unknownEmail), status));
            }
            else
            {
                unknown.Add(await TimeAsync(client, path, body(unknownEmail), status));
                known.Add(await TimeAsync(client, path, body(knownEmail), status));
            }
        }

        return (known, unknown);
    }

    private static async Task<double> TimeAsync(HttpClient client, string path, string body, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        await ExpectAsync(client, path, body, status);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task ExpectAsync(HttpClient client, string path, string body, HttpStatusCode status)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(path, content);
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}; expected {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    // Only a proven email gets a reset code, so only its reset request calls Cognito's ForgotPassword: the known account
    // proves its email with cognito-local's fixed code, as its owner would, for the comparison to be the one that matters.
    private static async Task ProveEmailAsync(HttpClient client, string email)
    {
        using var credentials = new ByteArrayContent(Encoding.UTF8.GetBytes(Json(("email", email), ("password", Password))));
        credentials.Headers.ContentType = new("application/json");
        using var login = await client.PostAsync("api/user/login", credentials);
        using var tokens = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var access = tokens.RootElement.GetProperty("accessToken").GetString();
        foreach (var (path, body, status) in new[]
        {
            ("api/user/email/verification-code", "", HttpStatusCode.Accepted),
            ("api/user/email/verify", Json(("code", CognitoLocalServer.FixedCode)), HttpStatusCode.NoContent),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Authorization = new("Bearer", access);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != status)
            {
                throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}; expected {(int)status}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static Task<FunctionsTestHost> StartAsync(CognitoLocalPool cognito, string uniformResponseTime)
    {
        var options = new FunctionsTestHostOptions { AppDirectory = FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(EnumerationTimingRun).Assembly) };
        foreach (var (name, value) in LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample).Where(v => v.Value.Length > 0))
        {
            options.AppSettings[name] = value;
        }

        foreach (var (name, value) in cognito.Pool.AppSettings(cognito.Server.Endpoint))
        {
            options.AppSettings[name] = value;
        }

        options.AppSettings["Accounts__UniformResponseTime"] = uniformResponseTime;
        return FunctionsTestHost.StartAsync(options);
    }

    private static string Json(params (string Name, string Value)[] fields) =>
        System.Text.Json.JsonSerializer.Serialize(fields.ToDictionary(f => f.Name, f => f.Value));
}
