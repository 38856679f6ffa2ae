using System.Text.RegularExpressions;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// The README's metrics table lists every instrument the sources create, with its kind and unit as created, and no
/// instrument that is gone: an operator reads the table to build a query, so a renamed instrument or a changed unit
/// must change it too.
/// </summary>
public sealed partial class MetricsTableTests
{
    [Fact]
    public void The_metrics_table_lists_every_instrument_the_code_creates_with_its_kind_and_unit()
    {
        var created = CreatedInstruments().Matches(TelemetrySource.Text)
            .Select(m => (Name: m.Groups["name"].Value, Kind: m.Groups["kind"].Value.ToLowerInvariant(), Unit: m.Groups["unit"].Value))
            .ToHashSet();
        var listed = ReadmeRows().ToHashSet();

        Assert.NotEmpty(created);
        Assert.True(created.SetEquals(listed),
            "Created but not listed as such: " + string.Join(", ", created.Except(listed))
            + "; listed but not created as such: " + string.Join(", ", listed.Except(created)));
    }

    private static IEnumerable<(string Name, string Kind, string Unit)> ReadmeRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));
        var start = Array.IndexOf(readme, "### Metrics");
        Assert.True(start >= 0, "the README has a section \"### Metrics\"");
        foreach (var line in readme.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 5 && cells[2].StartsWith('`'))
            {
                yield return (cells[2].Trim('`'), cells[3], cells[4].Trim('`'));
            }
        }
    }

    // meter.CreateCounter<long>("cognito.auth.requests", "{request}", ...) or meter.CreateHistogram(\n "name",\n "s", ...)
    [GeneratedRegex("""\.Create(?<kind>Counter|Histogram|UpDownCounter|Gauge)(?:<\w+>)?\(\s*"(?<name>[a-z0-9_.]+)",\s*"(?<unit>[^"]*)"\s*,""")]
    private static partial Regex CreatedInstruments();
}
