using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// Travels with one call's request message through the retries (the resilience handler resends the same
/// message), so the client learns afterwards how many attempts were sent and how each ended.
/// </summary>
internal sealed class CallRecord
{
    public static readonly HttpRequestOptionsKey<CallRecord> Key = new("CognitoFunctions.Cognito.CallRecord");

    private readonly Lock _lock = new();
    private int _count;
    private bool _lastOutcomeUnknown;
    private bool _earlierOutcomeUnknown;

    public CallAttempts Attempts
    {
        get
        {
            lock (_lock)
            {
                return new CallAttempts(_count, _earlierOutcomeUnknown);
            }
        }
    }

    public void AttemptStarted()
    {
        lock (_lock)
        {
            _earlierOutcomeUnknown |= _count > 0 && _lastOutcomeUnknown;
            _count++;
            // Unknown until an answer proves otherwise: a timeout or a broken connection leaves it so.
            _lastOutcomeUnknown = true;
        }
    }

    public void AttemptAnswered(bool outcomeKnown)
    {
        lock (_lock)
        {
            _lastOutcomeUnknown = !outcomeKnown;
        }
    }
}
