using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>Many invocations in flight at once: every reply goes back to the request it answers.</summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class ConcurrencyTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Fifty_parallel_requests_finishing_in_reverse_order_each_get_their_own_answer()
    {
        const int count = 50;
        // The first request sleeps longest, so the worker's replies come back in the reverse order.
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await Client.GetAsync($"/api/delay/{(count - i) * 10}?tag=request-{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return (Sent: $"request-{i}", Received: body["tag"]!.GetValue<string>(), Finished: Stopwatch.GetTimestamp());
        });

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(r.Sent, r.Received));
        Assert.True(results[0].Finished > results[^1].Finished, "the longest delay finished last");
    }

    [Fact]
    public async Task Fifty_parallel_posts_each_get_their_own_body_back()
    {
        var bodies = Enumerable.Range(0, 50).Select(i => RandomNumberGenerator.GetBytes(1000 + (i * 997))).ToArray();

        var echoed = await Task.WhenAll(bodies.Select(async body =>
        {
            using var content = new ByteArrayContent(body);
            using var response = await Client.PostAsync("/api/binary", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.Equal(bodies, echoed);
    }

    [Fact]
    public async Task A_client_that_hangs_up_cancels_the_invocation_in_the_worker()
    {
        using var hangUp = new CancellationTokenSource();
        var running = Fixture.Log.WaitForLineAsync(line => line.Contains("Waiting 10000 ms for hang-up", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var call = Client.GetAsync("/api/delay/10000?tag=hang-up", hangUp.Token);
        await running;
        // Only now: the 8 s bound is for the cancellation alone, not for the request's start on a slow machine.
        var cancelled = Fixture.Log.WaitForLineAsync(line => line.Contains("Cancelled for 'invocation:", StringComparison.Ordinal), TimeSpan.FromSeconds(8));

        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        // The worker answers the cancelled invocation long before its 10 s delay would have ended.
        await cancelled;
    }

    [Fact]
    public async Task A_thousand_sequential_requests_all_succeed()
    {
        var latencies = new List<double>(1000);
        for (var i = 0; i < 1000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await Client.GetAsync("/api/things");
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        latencies.Sort();
        Output.WriteLine($"1000 sequential GET /api/things (keep-alive): mean {latencies.Average():0.00} ms, p50 {latencies[499]:0.00} ms, p90 {latencies[899]:0.00} ms, p99 {latencies[989]:0.00} ms, max {latencies[^1]:0.00} ms");
    }
}
