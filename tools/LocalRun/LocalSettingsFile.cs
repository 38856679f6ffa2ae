using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.LocalRun;

/// <summary>What happened to local.settings.json.</summary>
internal enum SettingsWrite
{
    /// <summary>It did not exist: written from the sample.</summary>
    Created,

    /// <summary>It existed: the managed values (and settings missing from it) were changed, the rest kept.</summary>
    Updated,

    /// <summary>It already held every managed value.</summary>
    Unchanged,
}

/// <summary>The settings file after the run dealt with it.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="Write">Created, updated or left alone.</param>
/// <param name="Changes">One line per value changed or added (secrets not shown).</param>
/// <param name="Values">Its <c>Values</c>, the app settings of the run.</param>
internal sealed record SettingsOutcome(string Path, SettingsWrite Write, IReadOnlyList<string> Changes, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Writes local.settings.json from local.settings.sample.json with the local pool's values. The run owns only the
/// values it is given (the <c>Cognito__*</c> ones that name the pool); in a file that already exists it changes
/// those, adds settings the sample has and the file lacks, keeps everything else, and reports each change.
/// </summary>
internal static class LocalSettingsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static SettingsOutcome Apply(string samplePath, string path, IReadOnlyDictionary<string, string> managed)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var sample = Parse(samplePath);
        var sampleValues = ValuesOf(sample, samplePath);
        var exists = File.Exists(path);
        var settings = exists ? Parse(path) : sample;
        var values = ValuesOf(settings, path);
        var changes = new List<string>();

        foreach (var (name, value) in managed)
        {
            var current = values[name] is JsonValue v ? v.ToString() : null;
            if (current == value)
            {
                continue;
            }

            values[name] = value;
            if (exists)
            {
                changes.Add(name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                    ? $"{name} changed"
                    : $"{name}: {Show(current)} -> {value}");
            }
        }

        if (exists)
        {
            foreach (var (name, value) in sampleValues.Where(p => !values.ContainsKey(p.Key)).ToList())
            {
                values[name] = value?.DeepClone();
                changes.Add($"{name}: added from local.settings.sample.json");
            }
        }

        var write = !exists ? SettingsWrite.Created : changes.Count > 0 ? SettingsWrite.Updated : SettingsWrite.Unchanged;
        if (write != SettingsWrite.Unchanged)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, settings.ToJsonString(Indented) + "\n");
            File.Move(temporary, path, overwrite: true);
        }

        var appSettings = values.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
        return new SettingsOutcome(System.IO.Path.GetFullPath(path), write, changes, appSettings);
    }

    private static JsonObject Parse(string path)
    {
        try
        {
            // Strict JSON on purpose: comments would not survive the rewrite, so a file with them is left to its owner.
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new LocalRunException($"{path} is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new LocalRunException(
                $"{path} is not plain JSON ({ex.Message}). The local run rewrites the Cognito__ values in it and would lose what it "
                + "cannot parse (comments, trailing commas): fix the file, or delete it to get a fresh copy of local.settings.sample.json.", ex);
        }
    }

    private static JsonObject ValuesOf(JsonObject settings, string path) =>
        settings["Values"] as JsonObject ?? throw new LocalRunException($"{path} has no \"Values\" object.");

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;
}
