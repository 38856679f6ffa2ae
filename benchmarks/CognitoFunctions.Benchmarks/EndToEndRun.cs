using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// The protected function against the anonymous one returning the same body, through the test host
/// under closed-loop load, the order rotating round by round so drift hits all alike; per-round ratios, and the
/// JWKS fetches counted after warm-up. Two scenarios: one token repeated (the app's cache on, as shipped) and distinct
/// tokens with the cache off (every request pays the whole validation, RSA included).
/// </summary>
internal static class EndToEndRun
{
    public static async Task<string> RunAsync(BenchApp app, int rounds, TimeSpan duration, int concurrency, bool smoke, TextWriter log)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## End to end under load\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"benchmarks/BenchFunctionApp served by tools/FunctionsTestHost; `GET /api/private` ([RequireCognitoToken], reads the token) against `GET /api/anon` ([CognitoAllowAnonymous]), both answering the same {{0}}-byte JSON body. .NET closed-loop client: {concurrency} concurrent keep-alive connections, {duration.TotalSeconds:0.#} s per run, {rounds} rounds the contenders' order rotating each round. Ratios are to the anonymous function without a header, per round, median over rounds. Load average before: {MachineInfo.LoadAverage()}.\n");
        report.AppendLine("| scenario | function | req/s | p50 ms | p99 ms | throughput / anonymous | p50 / anonymous (goal ≤ 1.05) | p99 / anonymous | worker CPU µs per request | client + host CPU µs per request | JWKS fetches after warm-up (goal 0) |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var bodyLength = 0;
        var verdicts = new StringBuilder();
        foreach (var (name, cacheSize, distinct) in new[] { ("one token repeated, cache on (default)", 10_000, false), ("distinct tokens, cache off (full validation every request)", 0, true) })
        {
            log.WriteLine($"e2e: {name}: starting the app...");
            await using var host = await app.StartAsync(authentication: true, cacheSize);
            using var client = LoadRun.Client(host.BaseAddress, concurrency);
            var body = await CheckAsync(client, app.Tokens[0].Compact);
            bodyLength = body.Length;
            var tokens = app.Tokens;
            Func<long, string?> none = _ => null;
            Func<long, string?> bearer = distinct ? i => tokens[i % tokens.Length].Compact : _ => tokens[0].Compact;

            // The anonymous function sent the same Authorization header separates what carrying a ~1 KB header through
            // the host and the gRPC hop costs from what the middleware costs.
            (string Label, string Path, Func<long, string?> Token)[] contenders =
            [
                ("anonymous", "api/anon", none),
                ("anonymous, same header sent", "api/anon", bearer),
                ("private (token validated)", "api/private", bearer),
            ];

            // Warm-up, a full run of each contender: tiered JIT reaching its final code on every path, connections,
            // the keys loaded. JWKS fetches are counted from here on.
            foreach (var (_, path, token) in contenders)
            {
                await LoadRun.RunAsync(client, host.WorkerProcessId, path, token, concurrency, duration, body);
            }

            var fetchesBefore = app.Jwks.Requests();
            var runs = contenders.Select(_ => new List<LoadFigures>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                // Each round starts with another contender, so none always runs first or last.
                for (var k = 0; k < contenders.Length; k++)
                {
                    var c = (round + k) % contenders.Length;
                    runs[c].Add(await LoadRun.RunAsync(client, host.WorkerProcessId, contenders[c].Path, contenders[c].Token, concurrency, duration, body));
                }

                log.WriteLine(string.Join(" | ", contenders.Select((c, i) => FormattableString.Invariant(
                    $"{c.Label} {runs[i][^1].Throughput:0} req/s p50 {runs[i][^1].P50:0.00} ms p99 {runs[i][^1].P99:0.00} ms worker {runs[i][^1].WorkerCpuMicroseconds:0.0} µs/req"))).Insert(0, $"e2e: round {round + 1}: "));
            }

            var fetches = app.Jwks.Requests() - fetchesBefore;
            for (var i = 0; i < contenders.Length; i++)
            {
                double Ratio(Func<LoadFigures, double> figure) => Statistics.Median(runs[0].Zip(runs[i], (a, p) => figure(p) / figure(a)));
                double Median(Func<LoadFigures, double> figure) => Statistics.Median(runs[i].Select(figure));
                report.AppendLine(FormattableString.Invariant(
                    $"| {name} | {contenders[i].Label} | {Median(f => f.Throughput):0} | {Median(f => f.P50):0.00} | {Median(f => f.P99):0.00} | {Ratio(f => f.Throughput):0.000} | {Ratio(f => f.P50):0.000} | {Ratio(f => f.P99):0.000} | {Median(f => f.WorkerCpuMicroseconds):0.0} | {Median(f => f.ClientAndHostCpuMicroseconds):0.0} | {(i == 0 ? "" : fetches.ToString(CultureInfo.InvariantCulture))} |"));
            }

            if (fetches != 0)
            {
                throw new InvalidOperationException($"{fetches} JWKS fetches after warm-up; expected none.");
            }

            // The goal's comparison (private against the anonymous function called without a token), and the same split
            // in two: carrying the header (anonymous with it against without it) and the middleware (private against
            // anonymous with the same header), by the per-round p50 ratios and the worker's CPU time per request.
            var p50 = Statistics.Median(runs[0].Zip(runs[2], (a, p) => p.P50 / a.P50));
            var header = Statistics.Median(runs[0].Zip(runs[1], (a, p) => p.P50 / a.P50));
            var middleware = Statistics.Median(runs[1].Zip(runs[2], (a, p) => p.P50 / a.P50));
            var workerCpu = Statistics.Median(runs[1].Zip(runs[2], (a, p) => p.WorkerCpuMicroseconds - a.WorkerCpuMicroseconds));
            verdicts.AppendLine(FormattableString.Invariant(
                $"- {name}: p50 private / anonymous **{p50:0.000}** (goal ≤ 1.05: {(p50 <= 1.05 ? "met" : $"missed by {(p50 - 1.05) * 100:0} points")}); of it, the header sent (anonymous with / without it) {header:0.000} and the middleware (private / anonymous with the same header) {middleware:0.000}; the middleware's worker CPU per request {workerCpu:+0.0;-0.0} µs; JWKS fetches after warm-up {fetches} (goal 0: {(fetches == 0 ? "met" : "missed")})."));
        }

        report.Replace("{0}", bodyLength.ToString(CultureInfo.InvariantCulture));
        report.AppendLine();
        report.Append(verdicts);
        report.AppendLine();
        report.AppendLine(Reading);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average after: {MachineInfo.LoadAverage()}. The load client, the host and the worker share the same 2 cores, so absolute throughput is the whole machine's; the ratios are what this measures.\n");
        return report.ToString();
    }

    private const string Reading =
        "Reading it: the rows with the same header sent to the anonymous function separate what carrying the ~1 KB token costs on the way in "
        + "(the client, the test host, the gRPC message to the worker: paid whether or not anything checks the token) from what the middleware costs. "
        + "The worker's CPU time per request is the most direct measure of the middleware, as it does not depend on how the three processes share the two cores. "
        + "With the cache (a client reuses its token until it expires) the middleware costs a dictionary lookup; with the cache off every request pays "
        + "one RSA-2048 verification (the paired figures above), the floor of any validation.";

    /// <summary>The statuses that make the figures mean something: anon 200, private 401 without a token and 200 with one, same body.</summary>
    private static async Task<byte[]> CheckAsync(HttpClient client, string token)
    {
        using var anon = await client.GetAsync(new Uri("api/anon", UriKind.Relative));
        var body = await anon.Content.ReadAsByteArrayAsync();
        using var refused = await client.GetAsync(new Uri("api/private", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/private");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authorized = await client.SendAsync(request);
        var privateBody = await authorized.Content.ReadAsByteArrayAsync();
        if (anon.StatusCode != HttpStatusCode.OK || refused.StatusCode != HttpStatusCode.Unauthorized || authorized.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(privateBody))
        {
            throw new InvalidOperationException(
                $"anon {(int)anon.StatusCode}, private without a token {(int)refused.StatusCode}, with one {(int)authorized.StatusCode}, bodies {(body.AsSpan().SequenceEqual(privateBody) ? "equal" : "different")}; expected 200, 401, 200, equal.");
        }

        return body;
    }
}
