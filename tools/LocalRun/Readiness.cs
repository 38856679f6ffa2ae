namespace CognitoFunctions.LocalRun;

/// <summary>Whether the app answers yet: used where the host gives no signal of its own (func start).</summary>
internal static class Readiness
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// One probe. The functions answer POST /api/user/login with an empty object with 400 (validation, before any
    /// Cognito call). Once GET /api/health exists, probe that instead:
    /// <c>(await http.GetAsync(new Uri(baseAddress, "api/health"), cancellationToken)).IsSuccessStatusCode</c>.
    /// </summary>
    public static async Task<bool> ProbeAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(baseAddress, "api/user/login"), content, cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.BadRequest;
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
    public static async Task<bool> WaitAsync(Uri baseAddress, Task exited, TimeSpan timeout, CancellationToken cancellationToken)
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
                if (await ProbeAsync(http, baseAddress, deadline.Token))
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
