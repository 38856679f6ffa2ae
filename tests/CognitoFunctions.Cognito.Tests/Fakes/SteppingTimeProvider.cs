namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>
/// The system clock, except that each reading of the wall-clock time is one second later than the last: two
/// signatures made by the same code path always carry different X-Amz-Date values. Timers are the system's.
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _steps;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromSeconds(Interlocked.Increment(ref _steps));
}
