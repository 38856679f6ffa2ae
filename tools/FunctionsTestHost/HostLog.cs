namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The host's one log: every line goes to the caller's sink, and the latest lines are kept so that a failed
/// start can say what the worker printed before it died.
/// </summary>
internal sealed class HostLog(Action<string>? sink)
{
    private const int KeptLines = 200;
    private readonly Queue<string> _recent = new();

    public void Write(string line)
    {
        lock (_recent)
        {
            if (_recent.Count == KeptLines)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(line);
        }

        try
        {
            sink?.Invoke(line);
        }
        catch (InvalidOperationException)
        {
            // A test output that is no longer attached to a running test refuses lines; the host carries on.
        }
    }

    public string Recent()
    {
        lock (_recent)
        {
            return string.Join(Environment.NewLine, _recent);
        }
    }
}
