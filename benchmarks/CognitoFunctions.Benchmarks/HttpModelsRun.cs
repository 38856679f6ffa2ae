using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CognitoFunctions.Testing.FunctionsHost;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// The same functions in the two HTTP models (benchmarks/BenchFunctionApp, built-in; benchmarks/BenchAspNetFunctionApp,
/// ASP.NET Core integration, with ASP.NET Core's per-request logs at Warning and, as a new app has them, at Information),
/// all served by the test host at once, with our middleware. Three scenarios under closed-loop load, the variants run
/// back to back for each, their order rotating round by round and so does the scenarios' order, so drift hits all
/// alike; per-round ratios to the built-in model. Then the workers' memory after the load, and the cold start of each
/// (worker process start to the first authorized 200).
/// </summary>
internal static class HttpModelsRun
{
    private static readonly Variant[] Variants =
    [
        new("built-in", HttpModel.BuiltIn, RequestLogs: false),
        new("ASP.NET Core integration", HttpModel.AspNetCore, RequestLogs: false),
        new("ASP.NET Core integration, request logs on", HttpModel.AspNetCore, RequestLogs: true),
    ];

    public static async Task<string> RunAsync(BenchApp app, int rounds, TimeSpan duration, int concurrency, int coldStartSets, TextWriter log)
    {
        var token = app.Tokens[0].Compact;
        var json = JsonBody();
        (string Label, string Path, Func<long, string?> Token, byte[]? Body)[] scenarios =
        [
            ("a. anonymous GET", "api/anon", _ => null, null),
            ("b. protected GET, one valid token repeated (cache on)", "api/private", _ => token, null),
            ($"c. anonymous POST, {json.Length}-byte JSON body parsed", "api/items", _ => null, json),
        ];

        var report = new StringBuilder();
        report.AppendLine("## HTTP models: built-in against ASP.NET Core integration\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"The same three functions, the same answers byte for byte, our middleware registered in both (in ASP.NET Core integration after `ConfigureFunctionsWebApplication()`): benchmarks/BenchFunctionApp (HttpRequestData / HttpResponseData, the request inside the gRPC invocation) and benchmarks/BenchAspNetFunctionApp (HttpRequest / IActionResult; the test host sends a minimal invocation and forwards the request to the worker's own Kestrel, as the real host does), the latter twice: with ASP.NET Core's per-request logs at Warning, and with them at Information as a new app has them (five log lines per request, each a gRPC message to the host). The three workers are served by tools/FunctionsTestHost at the same time in this process. .NET closed-loop client: {concurrency} concurrent keep-alive connections, {duration.TotalSeconds:0.#} s per run; one warm-up run of every scenario and variant, then {rounds} rounds, in each of which every scenario runs every variant back to back (which goes first rotates by round, and so does the scenarios' order). Figures are medians over rounds; ratios are to the built-in model within a round, median over rounds. Load average before: {MachineInfo.LoadAverage()}.\n");

        var hosts = new FunctionsTestHost[Variants.Length];
        try
        {
            for (var m = 0; m < Variants.Length; m++)
            {
                log.WriteLine($"http models: starting the {Variants[m].Name} app...");
                hosts[m] = await app.StartAsync(authentication: true, model: Variants[m].Model, requestLogs: Variants[m].RequestLogs);
            }

            var clients = hosts.Select(h => LoadRun.Client(h.BaseAddress, concurrency)).ToArray();
            try
            {
                var expected = await CheckAsync(clients, token, json);
                foreach (var (label, path, tokenOf, body) in scenarios)
                {
                    for (var m = 0; m < Variants.Length; m++)
                    {
                        await LoadRun.RunAsync(clients[m], hosts[m].WorkerProcessId, path, tokenOf, concurrency, duration, expected[path], body);
                    }
                }

                var fetchesBefore = app.Jwks.Requests();
                var runs = scenarios.Select(_ => Variants.Select(_ => new List<LoadFigures>()).ToArray()).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    for (var k = 0; k < scenarios.Length; k++)
                    {
                        var s = (round + k) % scenarios.Length;
                        foreach (var m in Rotated(round))
                        {
                            var (_, path, tokenOf, body) = scenarios[s];
                            runs[s][m].Add(await LoadRun.RunAsync(clients[m], hosts[m].WorkerProcessId, path, tokenOf, concurrency, duration, expected[path], body));
                        }
                    }

                    log.WriteLine($"http models: round {round + 1}: " + string.Join(" | ", scenarios.Select((c, s) => FormattableString.Invariant(
                        $"{c.Label[..2]} {string.Join(" / ", runs[s].Select(r => $"{r[^1].Throughput:0} req/s p50 {r[^1].P50:0.00} ms"))}"))));
                }

                var fetches = app.Jwks.Requests() - fetchesBefore;
                if (fetches != 0)
                {
                    throw new InvalidOperationException($"{fetches} JWKS fetches after warm-up; expected none.");
                }

                report.AppendLine("| scenario | variant | req/s | p50 ms | p99 ms | worker CPU µs per request | client + host CPU µs per request | total CPU µs per request |");
                report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
                for (var s = 0; s < scenarios.Length; s++)
                {
                    for (var m = 0; m < Variants.Length; m++)
                    {
                        double Median(Func<LoadFigures, double> figure) => Statistics.Median(runs[s][m].Select(figure));
                        report.AppendLine(FormattableString.Invariant(
                            $"| {scenarios[s].Label} | {Variants[m].Name} | {Median(f => f.Throughput):0} | {Median(f => f.P50):0.00} | {Median(f => f.P99):0.00} | {Median(f => f.WorkerCpuMicroseconds):0.0} | {Median(f => f.ClientAndHostCpuMicroseconds):0.0} | {Median(Total):0.0} |"));
                    }
                }

                report.AppendLine();
                report.AppendLine("Each ASP.NET Core integration variant ÷ built-in, per round, median (min–max) over rounds:\n");
                report.AppendLine("| scenario | variant | throughput | p50 | p99 | worker CPU per request | client + host CPU per request | total CPU per request |");
                report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
                for (var s = 0; s < scenarios.Length; s++)
                {
                    for (var m = 1; m < Variants.Length; m++)
                    {
                        var (builtIn, other) = (runs[s][0], runs[s][m]);
                        string Ratio(Func<LoadFigures, double> figure)
                        {
                            var ratios = builtIn.Zip(other, (b, a) => figure(a) / figure(b)).ToList();
                            return FormattableString.Invariant($"{Statistics.Median(ratios):0.000}× ({ratios.Min():0.00}–{ratios.Max():0.00})");
                        }

                        report.AppendLine($"| {scenarios[s].Label} | {Variants[m].Name} | {Ratio(f => f.Throughput)} | {Ratio(f => f.P50)} | {Ratio(f => f.P99)} | {Ratio(f => f.WorkerCpuMicroseconds)} | {Ratio(f => f.ClientAndHostCpuMicroseconds)} | {Ratio(Total)} |");
                    }
                }

                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture, $"JWKS fetches after warm-up: {fetches}. Load average after the load runs: {MachineInfo.LoadAverage()}.\n");
                report.AppendLine("### Worker memory after the load\n");
                report.AppendLine("Read from each worker process once every round above had run (all had answered the same requests), without forcing a collection.\n");
                report.AppendLine("| variant | working set MB | private bytes MB | peak working set MB |");
                report.AppendLine("|---|---:|---:|---:|");
                for (var m = 0; m < Variants.Length; m++)
                {
                    using var worker = Process.GetProcessById(hosts[m].WorkerProcessId);
                    report.AppendLine(FormattableString.Invariant(
                        $"| {Variants[m].Name} | {worker.WorkingSet64 / 1048576.0:0.0} | {worker.PrivateMemorySize64 / 1048576.0:0.0} | {worker.PeakWorkingSet64 / 1048576.0:0.0} |"));
                }

                report.AppendLine();
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            foreach (var host in hosts.Where(h => h is not null))
            {
                await host.DisposeAsync();
            }
        }

        report.Append(await ColdStartAsync(app, token, coldStartSets, log));
        return report.ToString();
    }

    private static double Total(LoadFigures figures) => figures.WorkerCpuMicroseconds + figures.ClientAndHostCpuMicroseconds;

    // Round r starts with variant r mod n, so none always runs first or last.
    private static IEnumerable<int> Rotated(int round) => Enumerable.Range(0, Variants.Length).Select(k => (round + k) % Variants.Length);

    /// <summary>A JSON object of about 1 KB: twenty string properties of 40 characters.</summary>
    private static byte[] JsonBody() =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 20).Select(i => FormattableString.Invariant($"\"field{i:00}\":\"{new string((char)('a' + i), 40)}\""))) + "}");

    /// <summary>
    /// The statuses that make the figures mean something, in both models: anonymous 200, protected 401 without a token
    /// and 200 with one (the same body as the anonymous one), the POST 200 with the property count; each answer the same
    /// bytes in both models. Returns the expected body per path.
    /// </summary>
    private static async Task<Dictionary<string, byte[]>> CheckAsync(HttpClient[] clients, string token, byte[] json)
    {
        var answers = new List<(int Anon, int Refused, int Authorized, int Post, byte[] AnonBody, byte[] PrivateBody, byte[] PostBody)>();
        foreach (var client in clients)
        {
            using var anon = await client.GetAsync(new Uri("api/anon", UriKind.Relative));
            using var refused = await client.GetAsync(new Uri("api/private", UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/private");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var authorized = await client.SendAsync(request);
            using var content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var post = await client.PostAsync(new Uri("api/items", UriKind.Relative), content);
            answers.Add(((int)anon.StatusCode, (int)refused.StatusCode, (int)authorized.StatusCode, (int)post.StatusCode,
                await anon.Content.ReadAsByteArrayAsync(), await authorized.Content.ReadAsByteArrayAsync(), await post.Content.ReadAsByteArrayAsync()));
        }

        var first = answers[0];
        var failures = answers.Select((a, m) =>
            (a.Anon, a.Refused, a.Authorized, a.Post) != ((int)HttpStatusCode.OK, (int)HttpStatusCode.Unauthorized, (int)HttpStatusCode.OK, (int)HttpStatusCode.OK)
            || !a.AnonBody.AsSpan().SequenceEqual(a.PrivateBody)
            || !a.AnonBody.AsSpan().SequenceEqual(first.AnonBody)
            || !a.PostBody.AsSpan().SequenceEqual(first.PostBody)
            || !"{\"properties\":20}"u8.SequenceEqual(a.PostBody)
                ? $"{Variants[m].Name}: anon {a.Anon}, private without a token {a.Refused}, with one {a.Authorized}, POST {a.Post} answering '{Encoding.UTF8.GetString(a.PostBody)}'"
                : null).OfType<string>().ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join("; ", failures)}; expected 200, 401, 200, 200 answering '{{\"properties\":20}}', the protected body equal to the anonymous one, and the same bodies in every variant.");
        }

        return new() { ["api/anon"] = first.AnonBody, ["api/private"] = first.PrivateBody, ["api/items"] = first.PostBody };
    }

    /// <summary>Per variant, from the start call (which spawns the worker) to the first authorized 200; the order rotating by set.</summary>
    private static async Task<string> ColdStartAsync(BenchApp app, string token, int sets, TextWriter log)
    {
        var times = Variants.Select(_ => new List<(double FirstAnswer, double Loaded)>()).ToArray();
        for (var set = 0; set < sets; set++)
        {
            foreach (var m in Rotated(set))
            {
                times[m].Add(await TimeStartAsync(app, Variants[m], token));
            }

            log.WriteLine($"http models: cold start set {set + 1}: " + string.Join(", ", Variants.Select((v, m) => FormattableString.Invariant($"{v.Name} {times[m][^1].FirstAnswer:0} ms"))));
        }

        var report = new StringBuilder();
        report.AppendLine("### Cold start per variant\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"From `FunctionsTestHost.StartAsync` (which spawns the worker process, `dotnet` on the app's build output) to the first answered request, `GET /api/private` with a token signed before the start (the JWKS fetch is inside the time); \"functions loaded\" is the start call's own figure (init, metadata and load done). {sets} sets of one start per variant, the order rotating. Load average after: {MachineInfo.LoadAverage()}.\n");
        report.AppendLine("| variant | first 200: median ms | min ms | max ms | functions loaded: median ms |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        for (var m = 0; m < Variants.Length; m++)
        {
            var first = times[m].Select(t => t.FirstAnswer).ToList();
            report.AppendLine(FormattableString.Invariant(
                $"| {Variants[m].Name} | {Statistics.Median(first):0} | {first.Min():0} | {first.Max():0} | {Statistics.Median(times[m].Select(t => t.Loaded)):0} |"));
        }

        report.AppendLine();
        for (var m = 1; m < Variants.Length; m++)
        {
            var ratios = times[m].Zip(times[0], (a, b) => a.FirstAnswer / b.FirstAnswer).ToList();
            report.AppendLine(FormattableString.Invariant($"- {Variants[m].Name} ÷ built-in, median of the per-set ratios: **{Statistics.Median(ratios):0.000}×**; per set: {string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}."));
        }

        report.AppendLine();
        return report.ToString();
    }

    private static async Task<(double FirstAnswer, double Loaded)> TimeStartAsync(BenchApp app, Variant variant, string token)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await app.StartAsync(authentication: true, model: variant.Model, requestLogs: variant.RequestLogs);
        using var client = LoadRun.Client(host.BaseAddress, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/private");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? (elapsed, host.FunctionsLoadedAfter.TotalMilliseconds)
            : throw new InvalidOperationException($"{variant.Name}: the first request answered {(int)response.StatusCode}; expected 200.");
    }

    /// <summary>One app as served: its HTTP model, and for ASP.NET Core integration whether its per-request logs are on.</summary>
    private sealed record Variant(string Name, HttpModel Model, bool RequestLogs);
}
