using System.Text.Json.Nodes;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// The comparisons of the settings test, as functions that return what is wrong (empty: consistent), so that the tests
/// can also show them failing on a changed sample or template.
/// </summary>
internal static class SettingsCoverage
{
    /// <summary>local.settings.sample.json against the options classes: the same scalar keys under the options sections.</summary>
    public static IReadOnlyList<string> SampleProblems(JsonObject sample, SettingsCatalog catalog)
    {
        var values = sample["Values"]!.AsObject().Select(p => p.Key).ToList();
        var problems = new List<string>();
        foreach (var setting in catalog.Scalars.Where(s => !values.Contains(s.Key)))
        {
            problems.Add($"{setting.Key} ({setting.Options.Name}) is missing from local.settings.sample.json");
        }

        foreach (var key in values.Where(catalog.IsOurs).Where(k => catalog.Scalars.All(s => s.Key != k)))
        {
            problems.Add(catalog.Lists.FirstOrDefault(l => l.Contains(key)) is { } list
                ? $"{key} belongs to the list setting {list.Key}, which the sample leaves out (an empty entry would fail validation)"
                : $"{key} is in local.settings.sample.json but no options property binds it");
        }

        foreach (var key in values.Where(k => !catalog.IsOurs(k) && !PlatformSettings.SampleValues.ContainsKey(k)))
        {
            problems.Add($"{key} is neither under an options section nor a known platform key (PlatformSettings.SampleValues)");
        }

        foreach (var key in sample["Host"]?.AsObject().Select(p => p.Key).Where(k => !PlatformSettings.SampleHost.ContainsKey(k)) ?? [])
        {
            problems.Add($"Host.{key} is not a known platform key (PlatformSettings.SampleHost)");
        }

        return problems;
    }

    /// <summary>
    /// The template's app settings against the options classes: every scalar key is set, every other setting is a
    /// numbered setting of a list or a known platform setting.
    /// </summary>
    public static IReadOnlyList<string> TemplateProblems(IReadOnlyDictionary<string, string> appSettings, SettingsCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var setting in catalog.Scalars.Where(s => !appSettings.ContainsKey(s.Key)))
        {
            problems.Add($"{setting.Key} ({setting.Options.Name}) is not an app setting of azure-functionapp.bicep");
        }

        foreach (var key in appSettings.Keys.Where(k => catalog.Scalars.All(s => s.Key != k)))
        {
            if (!catalog.Lists.Any(l => l.Contains(key)) && !PlatformSettings.TemplateOnly.ContainsKey(key))
            {
                problems.Add($"{key} is an app setting of azure-functionapp.bicep that no options property binds");
            }
        }

        return problems;
    }
}
