using System.Text.RegularExpressions;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// A list-valued property of an options class (<c>CognitoAuth__TrustedPools</c>): its settings are numbered,
/// <c>CognitoAuth__TrustedPools__0__Region</c>, and <see cref="ElementKeys"/> spells them with <c>&lt;n&gt;</c> for each index.
/// </summary>
internal sealed record ListSetting(string Key, IReadOnlyList<string> ElementKeys)
{
    public const string Index = "<n>";

    /// <summary>The name of the Bicep parameter that holds the list: <c>cognitoAuthTrustedPools</c>.</summary>
    public string ParameterName => SettingsCatalog.ParameterName(Key);

    /// <summary>Whether <paramref name="key"/> is one of the list's numbered settings.</summary>
    public bool Contains(string key) => ElementKeys.Any(pattern => Matches(pattern, key));

    /// <summary>Whether <paramref name="key"/> is <paramref name="pattern"/> with a number for each <c>&lt;n&gt;</c>.</summary>
    public static bool Matches(string pattern, string key) =>
        Regex.IsMatch(key, "^" + Regex.Escape(pattern).Replace(Regex.Escape(Index), "[0-9]+", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
