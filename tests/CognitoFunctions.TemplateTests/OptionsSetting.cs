using System.Reflection;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// One scalar setting an options class binds: its configuration key as app settings spell it
/// (<c>Cognito__UserPoolId</c>), the options class and the property path from it to the bound property.
/// </summary>
internal sealed record OptionsSetting(string Key, Type Options, IReadOnlyList<PropertyInfo> Path)
{
    /// <summary>The name of the Bicep parameter that feeds the setting: camelCase of section and property (<c>cognitoUserPoolId</c>).</summary>
    public string ParameterName => SettingsCatalog.ParameterName(Key);

    /// <summary>The bound property's value in an instance of <see cref="Options"/>.</summary>
    public object? Read(object options) => Path.Aggregate((object?)options, (owner, property) => owner is null ? null : property.GetValue(owner));
}
