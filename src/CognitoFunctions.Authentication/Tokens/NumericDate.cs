namespace CognitoFunctions.Authentication;

/// <summary>
/// JWT NumericDate arithmetic in ticks, with the stock handler's rules: out-of-range dates are clamped to the Unix
/// epoch and year 9999, a token is expired when <c>exp</c> &lt; now − skew, and not yet valid when
/// <c>nbf</c> &gt; now + skew.
/// </summary>
internal static class NumericDate
{
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static long ToTicks(long seconds) =>
        DateTime.UnixEpoch.Ticks + (Math.Clamp(seconds, 0, MaxSeconds) * TimeSpan.TicksPerSecond);

    public static bool IsExpired(long expiresTicks, long nowTicks, long skewTicks) => expiresTicks < nowTicks - skewTicks;

    public static bool IsNotYetValid(long notBeforeTicks, long nowTicks, long skewTicks) => notBeforeTicks > nowTicks + skewTicks;
}
