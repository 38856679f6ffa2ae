using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Shared;

/// <summary>
/// Refuses, at start-up, a key under an options section that no property of the options binds: the configuration
/// binder ignores such a key, so a misspelt <c>Cognito__ClientSecrt</c> would leave the setting at its default
/// without a word. The message names the key as it is spelled in app settings. One source file compiled into the
/// Cognito client, the app and the middleware package, so every section of settings is refused alike.
/// </summary>
internal static class UnknownSettings
{
    /// <summary>
    /// Binds <paramref name="section"/> of <paramref name="configuration"/> to the options, and fails their validation
    /// (at start-up with <c>ValidateOnStart</c>) for every key under it that names no settable property. A key that
    /// <paramref name="renamed"/> lists (an old setting name, mapped to the property that replaced it) is refused
    /// with a message naming its new name, so an upgraded app that still carries it is told what to write instead.
    /// </summary>
    public static OptionsBuilder<TOptions> BindRefusingUnknownKeys<TOptions>(
        this OptionsBuilder<TOptions> builder,
        IConfiguration configuration,
        string section,
        IReadOnlyDictionary<string, string>? renamed = null)
        where TOptions : class
    {
        var settings = configuration.GetSection(section);
        builder.Bind(settings);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new Validator<TOptions>(builder.Name, settings, section, renamed));
        return builder;
    }

    /// <summary>The keys under <paramref name="settings"/> that no property of <paramref name="type"/> binds, as app settings spell them.</summary>
    public static List<string> Find(IConfiguration settings, Type type, string prefix)
    {
        var unknown = new List<string>();
        CollectObject(settings, type, prefix, unknown);
        return unknown;
    }

    private static void CollectObject(IConfiguration settings, Type type, string prefix, List<string> unknown)
    {
        foreach (var child in settings.GetChildren())
        {
            var name = $"{prefix}__{child.Key}";
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !IsBound(property))
            {
                unknown.Add(name);
            }
            else
            {
                CollectValue(child, property.PropertyType, name, unknown);
            }
        }
    }

    private static void CollectValue(IConfigurationSection settings, Type type, string name, List<string> unknown)
    {
        if (IsScalar(type))
        {
            // One value: nothing below it is read.
            unknown.AddRange(settings.GetChildren().Select(child => $"{name}__{child.Key}"));
            return;
        }

        if (ElementType(type) is { } element)
        {
            // A list's or a dictionary's keys are the binder's to read (indexes, names): only their values have settings.
            foreach (var item in settings.GetChildren())
            {
                CollectValue(item, element, $"{name}__{item.Key}", unknown);
            }

            return;
        }

        CollectObject(settings, type, name, unknown);
    }

    // A read-only scalar (a computed value such as an endpoint) is not a setting; a read-only list or object is
    // filled in place by the binder.
    private static bool IsBound(PropertyInfo property) =>
        property.GetIndexParameters().Length == 0 && (property.SetMethod?.IsPublic == true || !IsScalar(property.PropertyType));

    private static bool IsScalar(Type type) =>
        TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).CanConvertFrom(typeof(string));

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var generic = interfaces.Where(i => i.IsGenericType).ToList();
        return generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1]
            ?? generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private sealed class Validator<TOptions>(string? optionsName, IConfiguration settings, string section, IReadOnlyDictionary<string, string>? renamed)
        : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (!string.Equals(name ?? Options.DefaultName, optionsName ?? Options.DefaultName, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Skip;
            }

            var unknown = Find(settings, typeof(TOptions), section);
            return unknown.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(unknown.Select(Message));
        }

        private string Message(string key)
        {
            var name = key[(section.Length + 2)..];
            if (renamed is null || !renamed.TryGetValue(name, out var current))
            {
                return $"{key} is not a setting of the {section} section (a misspelling?): remove it or correct its name. It would otherwise be ignored.";
            }

            var form = typeof(TOptions).GetProperty(current)?.PropertyType == typeof(TimeSpan)
                ? ", a duration written hh:mm:ss (00:00:30 for 30 seconds)"
                : "";
            return $"{key} is an old name: the setting is now {section}__{current}{form}. Rename it; it would otherwise be ignored.";
        }
    }
}
