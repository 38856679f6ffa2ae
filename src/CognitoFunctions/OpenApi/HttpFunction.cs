using System.Reflection;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// An HTTP function as its attributes declare it: name, route, methods, and what the JWT middleware requires of its
/// callers, resolved by the middleware itself (<see cref="CognitoFunctionPolicy"/>). The document is built from these,
/// so it cannot disagree with the code about them.
/// </summary>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, CognitoFunctionPolicy Policy)
{
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
                    if (trigger.Methods is not { Length: > 0 } methods || string.IsNullOrEmpty(trigger.Route) || trigger.Route.Contains('{', StringComparison.Ordinal))
                    {
                        throw new NotSupportedException($"Function {function.Name}: the OpenAPI document needs explicit methods and a route without parameters.");
                    }

                    functions.Add(new HttpFunction(function.Name, trigger.Route, [.. methods.Select(m => m.ToUpperInvariant())], CognitoFunctionPolicy.For(method)));
                }
            }
        }

        return functions;
    }
}
