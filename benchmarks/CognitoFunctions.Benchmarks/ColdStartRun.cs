using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// From the worker process's start (the test host spawns it) to the first 200, for the bench app with
/// our middleware (an authorized request, its token signed before the start, the JWKS fetched on the way) and for the
/// same app built without it (Bench__Authentication=off, an anonymous request). Paired runs, the order alternating.
/// </summary>
internal static class ColdStartRun
{
    public static async Task<string> RunAsync(BenchApp app, int pairs, TextWriter log)
    {
        var token = app.Tokens[0].Compact;
        var with = new List<double>();
        var without = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            if (pair % 2 == 0)
            {
                without.Add(await TimeAsync(app, authentication: false, token));
                with.Add(await TimeAsync(app, authentication: true, token));
            }
            else
            {
                with.Add(await TimeAsync(app, authentication: true, token));
                without.Add(await TimeAsync(app, authentication: false, token));
            }

            log.WriteLine(FormattableString.Invariant($"cold start: pair {pair + 1}: without the middleware {without[^1]:0} ms, with it {with[^1]:0} ms"));
        }

        var ratios = with.Zip(without, (w, o) => w / o).ToList();
        var report = new StringBuilder();
        report.AppendLine("## Cold start\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"Time from `FunctionsTestHost.StartAsync` (which spawns the worker process: `dotnet` on benchmarks/BenchFunctionApp's build output) to the first 200: with our middleware, `GET /api/private` with a token signed before the start (the JWKS fetch from the loopback server is inside the time); without it, the same app started with Bench__Authentication=off, `GET /api/anon`. {pairs} pairs, order alternating. Load average after: {MachineInfo.LoadAverage()}.\n");
        report.AppendLine("| | median ms | min ms | max ms |");
        report.AppendLine("|---|---|---|---|");
        report.AppendLine(FormattableString.Invariant($"| without the middleware | {Statistics.Median(without):0} | {without.Min():0} | {without.Max():0} |"));
        report.AppendLine(FormattableString.Invariant($"| with the middleware, first authorized 200 | {Statistics.Median(with):0} | {with.Min():0} | {with.Max():0} |"));
        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"Median of the per-pair ratios (with / without): **{Statistics.Median(ratios):0.000}×** (goal ≤ 1.2×); per pair: {string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}.\n"));
        return report.ToString();
    }

    private static async Task<double> TimeAsync(BenchApp app, bool authentication, string token)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await app.StartAsync(authentication);
        using var client = LoadRun.Client(host.BaseAddress, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, authentication ? "api/private" : "api/anon");
        if (authentication)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? elapsed
            : throw new InvalidOperationException($"The first request answered {(int)response.StatusCode}; expected 200.");
    }
}
