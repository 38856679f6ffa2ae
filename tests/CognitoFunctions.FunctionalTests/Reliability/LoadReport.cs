using System.Globalization;
using System.Text;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The figures of a load run as a Markdown table, for the test output and a file the docs can quote.</summary>
internal sealed class LoadReport(LoadSettings settings)
{
    private readonly StringBuilder _rows = new();
    private readonly List<string> _notes = [];

    public void Add<T>(string what, LoadRun<T> run, int concurrency) =>
        _rows.AppendLine(CultureInfo.InvariantCulture,
            $"| {what} | {run.Count} | {concurrency} | {run.Elapsed.TotalSeconds:F2} | {run.PerSecond:F0} | {Ms(run.Percentile(50))} | {Ms(run.Percentile(95))} | {Ms(run.Percentile(99))} | {Ms(run.Latencies[^1])} |");

    public void Note(string line) => _notes.Add(line);

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores: LOAD_SIGNUPS={settings.SignUps}, LOAD_CONCURRENCY={settings.Concurrency}, LOAD_PRIVATE_REQUESTS={settings.PrivateRequests}; each run against a fresh cognito-local pool.");
        text.AppendLine();
        text.AppendLine("| operation | requests | concurrency | wall time (s) | per second | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.Append(_rows);
        text.AppendLine();
        foreach (var note in _notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }

    private static string Ms(TimeSpan latency) => latency.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
}
