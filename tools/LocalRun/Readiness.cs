namespace CognitoFunctions.LocalRun;

/// <summary>Whether the app answers yet: used where the host gives no signal of its own (func start).</summary>
internal static class Readiness
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>One <paramref name="probe"/> of the app at <paramref name="baseAddress"/>.</summary>
    public static async Task<bool> ProbeAsync(HttpClient http, Uri baseAddress, ReadinessProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(probe);
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, probe.Path), cancellationToken);
            return probe.AnyAnswer || response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // This probe timed out; the next one may not.
            return false;
        }
    }

    /// <summary>Probes until the app answers, <paramref name="exited"/> completes (false) or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> WaitAsync(Uri baseAddress, ReadinessProbe probe, Task exited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exited);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (!exited.IsCompleted)
            {
                if (await ProbeAsync(http, baseAddress, probe, deadline.Token))
                {
                    return true;
                }

                await Task.WhenAny(exited, timer.WaitForNextTickAsync(deadline.Token).AsTask());
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{baseAddress} did not answer within {timeout.TotalSeconds:0} s.");
        }

        return false;
    }
}
