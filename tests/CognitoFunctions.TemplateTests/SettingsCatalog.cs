using System.Reflection;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// Every setting the app's options classes bind, found by reflection so that a new options class or property is picked
/// up without touching the tests: an options class is a type with a <c>public const string SectionName</c> in one of the
/// app's assemblies; its bound properties are the public ones with a public setter (scalars) or a public getter
/// (lists and nested objects, which the configuration binder fills), recursively.
/// </summary>
internal sealed class SettingsCatalog
{
    /// <summary>The assemblies whose options classes make up the app's settings.</summary>
    public static readonly string[] AppAssemblies = ["CognitoFunctions", "CognitoFunctions.Cognito", "CognitoFunctions.Authentication"];

    private SettingsCatalog(IReadOnlyDictionary<string, Type> sections, IReadOnlyList<OptionsSetting> scalars, IReadOnlyList<ListSetting> lists)
    {
        Sections = sections;
        Scalars = scalars;
        Lists = lists;
    }

    /// <summary>Section name → options class.</summary>
    public IReadOnlyDictionary<string, Type> Sections { get; }

    public IReadOnlyList<OptionsSetting> Scalars { get; }

    public IReadOnlyList<ListSetting> Lists { get; }

    public static SettingsCatalog Discover()
    {
        var sections = AppAssemblies
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .ToDictionary(t => (string)t.Field!.GetRawConstantValue()!, t => t.Type, StringComparer.Ordinal);

        var scalars = new List<OptionsSetting>();
        var lists = new List<ListSetting>();
        foreach (var (section, type) in sections)
        {
            Collect(type, section, [], type, scalars, lists);
        }

        return new SettingsCatalog(sections, scalars, lists);
    }

    /// <summary>Whether <paramref name="key"/> lies under one of the options sections.</summary>
    public bool IsOurs(string key) => Sections.Keys.Any(section => key.StartsWith(section + "__", StringComparison.Ordinal));

    /// <summary>camelCase of the key without its separators: <c>CognitoAuth__ClockSkew</c> → <c>cognitoAuthClockSkew</c>.</summary>
    public static string ParameterName(string key)
    {
        var joined = key.Replace("__", "", StringComparison.Ordinal);
        return char.ToLowerInvariant(joined[0]) + joined[1..];
    }

    private static void Collect(Type type, string prefix, IReadOnlyList<PropertyInfo> path, Type options, List<OptionsSetting> scalars, List<ListSetting> lists)
    {
        foreach (var property in BoundProperties(type))
        {
            var key = $"{prefix}__{property.Name}";
            if (IsScalar(property.PropertyType))
            {
                scalars.Add(new OptionsSetting(key, options, [.. path, property]));
            }
            else if (ElementType(property.PropertyType) is { } element)
            {
                lists.Add(new ListSetting(key, ElementKeys(element, $"{key}__{ListSetting.Index}").ToList()));
            }
            else
            {
                Collect(property.PropertyType, key, [.. path, property], options, scalars, lists);
            }
        }
    }

    private static IEnumerable<string> ElementKeys(Type type, string prefix)
    {
        if (IsScalar(type))
        {
            return [prefix];
        }

        return BoundProperties(type).SelectMany(property =>
        {
            var key = $"{prefix}__{property.Name}";
            return IsScalar(property.PropertyType) ? [key]
                : ElementType(property.PropertyType) is { } element ? ElementKeys(element, $"{key}__{ListSetting.Index}")
                : ElementKeys(property.PropertyType, key);
        });
    }

    private static IEnumerable<PropertyInfo> BoundProperties(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        .Where(p => p.SetMethod is { IsPublic: true } || !IsScalar(p.PropertyType))
        .OrderBy(p => p.MetadataToken);

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);
    }

    private static Type? ElementType(Type type)
    {
        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null)
        {
            return null;
        }

        // A dictionary binds as Section__Property__<key>: none exists yet, and this catalog would need to learn it.
        return enumerable.GetGenericArguments()[0] is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? throw new NotSupportedException($"{type} binds as a dictionary, which the settings catalog does not enumerate yet.")
            : enumerable.GetGenericArguments()[0];
    }
}
