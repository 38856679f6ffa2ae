using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Testing;

/// <summary>
/// The EventIds of an assembly's <c>[LoggerMessage]</c> methods, read by reflection: every one set, within the
/// assembly's range, and none given twice. One source file linked into the unit tests of each src project. An assembly
/// with more than one range checks each with <c>declaredIn</c>, the types whose messages have that range.
/// </summary>
internal static class LoggerMessageIds
{
    public static void AssertSetUniqueAndWithin(Assembly assembly, int first, int last, Func<Type, bool>? declaredIn = null)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var messages = assembly.GetTypes()
            .Where(type => declaredIn?.Invoke(type) ?? true)
            .SelectMany(type => type.GetMethods(All))
            .Select(method => (Name: $"{method.DeclaringType!.Name}.{method.Name}", method.GetCustomAttribute<LoggerMessageAttribute>()?.EventId))
            .Where(message => message.EventId is not null)
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.True(
            message.EventId >= first && message.EventId <= last,
            $"{message.Name} has EventId {message.EventId}, outside {first}–{last} (an EventId left unset is -1)."));
        Assert.Empty(messages.GroupBy(message => message.EventId).Where(ids => ids.Count() > 1).Select(ids => string.Join(", ", ids.Select(m => m.Name))));
    }
}
