using Xunit.Abstractions;

namespace CognitoFunctions.Testing.FunctionsHost.Fixtures;

/// <summary>
/// Sends host and worker log lines to the output of the test that is running. A class or collection fixture
/// outlives its tests, so each test attaches its <see cref="ITestOutputHelper"/> and detaches when done; lines
/// logged before the first test (start-up) are kept and go to the first test's output. The latest lines
/// stay readable, so a test can check what the worker logged.
/// </summary>
public sealed class TestOutputLog
{
    private const int KeptLines = 1000;
    private readonly Lock _gate = new();
    private readonly List<string> _beforeFirstTest = [];
    private readonly Queue<string> _recent = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly List<List<string>> _captures = [];
    private ITestOutputHelper? _output;
    private bool _attachedOnce;

    /// <summary>Routes lines to <paramref name="output"/> until <see cref="Detach"/>.</summary>
    public void Attach(ITestOutputHelper output)
    {
        lock (_gate)
        {
            _output = output;
            if (!_attachedOnce)
            {
                _attachedOnce = true;
                foreach (var line in _beforeFirstTest)
                {
                    output.WriteLine(line);
                }

                _beforeFirstTest.Clear();
            }
        }
    }

    /// <summary>Stops routing lines to the last attached test.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _output = null;
        }
    }

    /// <summary>The latest lines (up to 1000), oldest first.</summary>
    public IReadOnlyList<string> RecentLines()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <summary>Completes with the first line from now on that <paramref name="match"/> accepts; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    /// <summary>Keeps every line from now on (not only the latest 1000) until the returned capture is disposed.</summary>
    public LogCapture Capture()
    {
        var lines = new List<string>();
        lock (_gate)
        {
            _captures.Add(lines);
        }

        return new LogCapture(lines, _gate, () =>
        {
            lock (_gate)
            {
                _captures.Remove(lines);
            }
        });
    }

    /// <summary>Writes one line to the attached test; between tests it is only kept among the recent lines.</summary>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            if (_recent.Count == KeptLines)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(line);
            foreach (var capture in _captures)
            {
                capture.Add(line);
            }

            foreach (var waiter in _waiters.Where(w => w.Match(line)))
            {
                waiter.Seen.TrySetResult(line);
            }
            if (_output is { } output)
            {
                try
                {
                    output.WriteLine(line);
                }
                catch (InvalidOperationException)
                {
                    // The test finished while a late line was on its way.
                }
            }
            else if (!_attachedOnce && _beforeFirstTest.Count < KeptLines)
            {
                _beforeFirstTest.Add(line);
            }
        }
    }
}
