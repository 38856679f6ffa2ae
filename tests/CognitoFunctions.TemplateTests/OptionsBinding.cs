using Microsoft.Extensions.Configuration;

namespace CognitoFunctions.TemplateTests;

/// <summary>Binds app settings to the options classes the way the app does (the host turns <c>__</c> into sections).</summary>
internal static class OptionsBinding
{
    /// <summary>A fresh instance of each options class (its defaults) and one bound from <paramref name="settings"/>.</summary>
    public static IReadOnlyDictionary<Type, (object Defaults, object Bound)> Bind(IEnumerable<KeyValuePair<string, string>> settings, SettingsCatalog catalog)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value)))
            .Build();
        return catalog.Sections.ToDictionary(
            s => s.Value,
            s =>
            {
                var bound = Create(s.Value);
                configuration.GetSection(s.Key).Bind(bound);
                return (Create(s.Value), bound);
            });
    }

    /// <summary>The scalar settings whose bound value differs from the options class's default, with both values.</summary>
    public static IReadOnlyList<string> DifferencesFromDefaults(IReadOnlyDictionary<Type, (object Defaults, object Bound)> options, SettingsCatalog catalog) =>
        catalog.Scalars
            .Select(s => (Setting: s, Default: s.Read(options[s.Options].Defaults), Bound: s.Read(options[s.Options].Bound)))
            .Where(v => !SameValue(v.Default, v.Bound))
            .Select(v => $"{v.Setting.Key}: default '{v.Default}', bound '{v.Bound}'")
            .ToList();

    // The binder turns a present but empty value into null, whatever the default.
    private static bool SameValue(object? a, object? b) =>
        Equals(a, b) || (a is null or "" && b is null or "");

    private static object Create(Type type) => Activator.CreateInstance(type, nonPublic: true)!;
}
