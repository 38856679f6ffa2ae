using System.Reflection;
using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// An HTTP function as its attributes declare it: name, route, methods, and what the JWT middleware requires of
/// its token. The document is built from these, so it cannot disagree with the code about them.
/// </summary>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, bool Anonymous, IReadOnlyList<RequireCognitoTokenAttribute> Requirements)
{
    /// <summary>A token alone does not do: a token use, a group or a scope is required too (so 403 is possible).</summary>
    public bool HasRequirements => Requirements.Any(r => r.TokenUse != CognitoTokenUse.Any || r.Groups is { Length: > 0 } || r.Scopes is { Length: > 0 });

    /// <summary>Every HTTP-triggered function of <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<HttpFunction> In(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var functions = new List<HttpFunction>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function
                    && method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null) is { } trigger)
                {
                    functions.Add(From(function.Name, trigger, method));
                }
            }
        }

        return functions;
    }

    private static HttpFunction From(string name, HttpTriggerAttribute trigger, MethodInfo method)
    {
        // The middleware also honours these attributes on classes; this app keeps them on methods, where the
        // document reads them, and says so rather than describe a class-level rule wrongly.
        var type = method.DeclaringType!;
        if (type.IsDefined(typeof(AllowAnonymousAttribute)) || type.IsDefined(typeof(RequireCognitoTokenAttribute)))
        {
            throw new NotSupportedException($"{type.Name}: put [AllowAnonymous] and [RequireCognitoToken] on the function methods, where the OpenAPI document reads them.");
        }

        if (trigger.Methods is not { Length: > 0 } methods || string.IsNullOrEmpty(trigger.Route) || trigger.Route.Contains('{', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Function {name}: the OpenAPI document needs explicit methods and a route without parameters.");
        }

        var requirements = method.GetCustomAttributes<RequireCognitoTokenAttribute>().ToList();
        var anonymous = method.IsDefined(typeof(AllowAnonymousAttribute)) && requirements.Count == 0;
        return new HttpFunction(name, trigger.Route, [.. methods.Select(m => m.ToUpperInvariant())], anonymous, requirements);
    }
}
