using System.Diagnostics;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// <see cref="Count"/> operations run by a fixed number of concurrent workers, with each operation's latency and
/// result, and the wall time of the whole run.
/// </summary>
internal sealed class LoadRun<T>
{
    private LoadRun(IReadOnlyList<T> results, IReadOnlyList<TimeSpan> latencies, TimeSpan elapsed)
    {
        Results = results;
        Latencies = [.. latencies.Order()];
        Elapsed = elapsed;
    }

    public IReadOnlyList<T> Results { get; }

    /// <summary>Latencies, shortest first.</summary>
    public IReadOnlyList<TimeSpan> Latencies { get; }

    public TimeSpan Elapsed { get; }

    public int Count => Results.Count;

    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>The latency below which <paramref name="percent"/> % of the operations finished (nearest rank).</summary>
    public TimeSpan Percentile(double percent) =>
        Latencies[Math.Clamp((int)Math.Ceiling(percent / 100 * Count) - 1, 0, Count - 1)];

    /// <summary>Runs <paramref name="operation"/> for 0 … <paramref name="count"/> − 1 with <paramref name="concurrency"/> workers.</summary>
    public static async Task<LoadRun<T>> RunAsync(int count, int concurrency, Func<int, Task<T>> operation)
    {
        var results = new T[count];
        var latencies = new TimeSpan[count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var begin = Stopwatch.GetTimestamp();
                results[index] = await operation(index);
                latencies[index] = Stopwatch.GetElapsedTime(begin);
            }
        }));
        await Task.WhenAll(workers);
        return new LoadRun<T>(results, latencies, Stopwatch.GetElapsedTime(started));
    }
}
