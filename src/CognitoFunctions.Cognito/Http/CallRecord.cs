using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// Travels with one call's request message through the retries (the resilience handler resends the same
/// message): the operation, so that the retry classifier can ask whether it may be sent again, and how many
/// attempts were sent and how each ended, so that the client learns it afterwards.
/// </summary>
internal sealed class CallRecord(CognitoOperation operation)
{
    public static readonly HttpRequestOptionsKey<CallRecord> Key = new("CognitoFunctions.Cognito.CallRecord");

    private readonly Lock _lock = new();
    private int _count;
    private bool _lastOutcomeUnknown;
    private bool _earlierOutcomeUnknown;

    public CognitoOperation Operation { get; } = operation;

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

    /// <summary>Cognito may have carried out some attempt: the last one, or one before it.</summary>
    public bool AnyOutcomeUnknown
    {
        get
        {
            lock (_lock)
            {
                return _earlierOutcomeUnknown || (_count > 0 && _lastOutcomeUnknown);
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

    public void AttemptEnded(bool outcomeKnown)
    {
        lock (_lock)
        {
            _lastOutcomeUnknown = !outcomeKnown;
        }
    }
}
