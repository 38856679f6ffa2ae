using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// A closed-loop load client: <c>concurrency</c> workers on keep-alive connections, each sending its next request (a GET,
/// or a POST of a fixed JSON body with its Content-Length) as soon as the last one answered, for a fixed time. Every answer must be 200 with the expected body. The CPU time the worker
/// process and this process (client and test host) spent during the run is divided by the requests answered: unlike
/// latency, it does not depend on how the 2 cores are shared between the three parties.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadFigures> RunAsync(HttpClient client, int workerProcessId, string path, Func<long, string?> token, int concurrency, TimeSpan duration, byte[] expectedBody, byte[]? jsonBody = null)
    {
        using var worker = Process.GetProcessById(workerProcessId);
        using var self = Process.GetCurrentProcess();
        var workerCpu = worker.TotalProcessorTime;
        var selfCpu = self.TotalProcessorTime;
        long next = -1;
        var latencies = new List<long>[concurrency];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = new List<long>(4096);
            while (stop.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(jsonBody is null ? HttpMethod.Get : HttpMethod.Post, path);
                if (jsonBody is not null)
                {
                    request.Content = new ByteArrayContent(jsonBody) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                }

                if (token(Interlocked.Increment(ref next)) is { } compact)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", compact);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetTimestamp() - started);
                if (response.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(expectedBody))
                {
                    throw new InvalidOperationException($"{request.Method} {path} answered {(int)response.StatusCode} with {body.Length} bytes; expected 200 with the fixed body.");
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stop.Elapsed;
        worker.Refresh();
        self.Refresh();
        workerCpu = worker.TotalProcessorTime - workerCpu;
        selfCpu = self.TotalProcessorTime - selfCpu;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(double quantile) => all[Math.Min(all.Length - 1, (int)(quantile * all.Length))] * 1000.0 / Stopwatch.Frequency;
        double PerRequest(TimeSpan cpu) => cpu.TotalMicroseconds / all.Length;
        return new LoadFigures(all.Length / elapsed.TotalSeconds, Ms(0.50), Ms(0.99), all.Length, PerRequest(workerCpu), PerRequest(selfCpu));
    }

    public static HttpClient Client(Uri baseAddress, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
