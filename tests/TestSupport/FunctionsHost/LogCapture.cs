namespace CognitoFunctions.Testing.FunctionsHost.Fixtures;

/// <summary>Every host and worker log line written while the capture was open.</summary>
public sealed class LogCapture : IDisposable
{
    private readonly List<string> _lines;
    private readonly Lock _gate;
    private readonly Action _stop;

    internal LogCapture(List<string> lines, Lock gate, Action stop)
    {
        _lines = lines;
        _gate = gate;
        _stop = stop;
    }

    /// <summary>The lines so far, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Stops capturing.</summary>
    public void Dispose() => _stop();
}
