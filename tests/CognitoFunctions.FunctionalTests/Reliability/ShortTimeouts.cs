using System.Globalization;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Cognito client timeouts far below the defaults (5 s per attempt, 15 s in all), so that fault tests finish quickly,
/// and an upper bound on answer times that only holds when the app honours them.
/// </summary>
internal static class ShortTimeouts
{
    public static readonly TimeSpan Attempt = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan Total = TimeSpan.FromMilliseconds(1500);

    public const int Retries = 2;

    // Room for a machine busy with other builds; still well below one default total timeout (15 s).
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public static void Apply(IDictionary<string, string> settings)
    {
        settings["Cognito__AttemptTimeout"] = Attempt.ToString("c", CultureInfo.InvariantCulture);
        settings["Cognito__TotalTimeout"] = Total.ToString("c", CultureInfo.InvariantCulture);
        settings["Cognito__MaxRetryAttempts"] = Retries.ToString(CultureInfo.InvariantCulture);
        settings["Cognito__RetryBaseDelay"] = "00:00:00.050";
    }

    /// <summary>The longest an answer may take when <paramref name="timedOutCalls"/> Cognito calls run out of time.</summary>
    public static TimeSpan Bound(int timedOutCalls) => (Total * timedOutCalls) + Margin;
}
