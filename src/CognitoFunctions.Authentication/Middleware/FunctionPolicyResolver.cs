using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Finds each function's method from its definition (<see cref="FunctionDefinition.EntryPoint"/>, "Namespace.Type.Method",
/// in <see cref="FunctionDefinition.PathToAssembly"/>) and reads its policy once per function id. A method that
/// cannot be found requires a valid token.
/// </summary>
internal sealed class FunctionPolicyResolver(ILogger<FunctionPolicyResolver> logger)
{
    private const string HttpTriggerBinding = "httpTrigger";

    private readonly ConcurrentDictionary<string, CognitoFunctionPolicy> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CognitoFunctionPolicy?> _guards = new(StringComparer.Ordinal);

    public CognitoFunctionPolicy Get(FunctionDefinition function) =>
        _policies.TryGetValue(function.Id, out var policy) ? policy : _policies.GetOrAdd(function.Id, Resolve(function));

    /// <summary>
    /// The policy the middleware enforces on the function, or null when it leaves the function alone: a function that
    /// is not HTTP-triggered, or is anonymous. Decided from the function's definition alone, before its request is read.
    /// </summary>
    public CognitoFunctionPolicy? Guard(FunctionDefinition function) =>
        _guards.TryGetValue(function.Id, out var guard) ? guard : _guards.GetOrAdd(function.Id, ResolveGuard(function));

    internal static bool IsHttpTriggered(FunctionDefinition function) =>
        function.InputBindings.Values.Any(b => string.Equals(b.Type, HttpTriggerBinding, StringComparison.OrdinalIgnoreCase));

    private CognitoFunctionPolicy? ResolveGuard(FunctionDefinition function) =>
        IsHttpTriggered(function) && Get(function) is { AllowsAnonymous: false } policy ? policy : null;

    private CognitoFunctionPolicy Resolve(FunctionDefinition function)
    {
        var method = FindMethod(function);
        if (method is null)
        {
            AuthenticationLog.EntryPointNotFound(logger, function.EntryPoint, function.Name);
            return CognitoFunctionPolicy.AnyValidToken;
        }

        var policy = CognitoFunctionPolicy.For(method);
        if (policy.Conflicting)
        {
            AuthenticationLog.ConflictingAttributes(logger, function.Name);
        }

        return policy;
    }

    internal static MethodInfo? FindMethod(FunctionDefinition function)
    {
        var entryPoint = function.EntryPoint;
        var lastDot = entryPoint.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return null;
        }

        var type = FindAssembly(function.PathToAssembly)?.GetType(entryPoint[..lastDot], throwOnError: false);
        var methodName = entryPoint[(lastDot + 1)..];
        var candidates = type?
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToArray() ?? [];

        // Overloads: the one whose [Function] attribute names this function.
        return candidates.Length == 1
            ? candidates[0]
            : candidates.FirstOrDefault(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == function.Name);
    }

    private static Assembly? FindAssembly(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var fullPath = Path.GetFullPath(path);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && string.Equals(assembly.Location, fullPath, StringComparison.Ordinal))
            {
                return assembly;
            }
        }

        try
        {
            return Assembly.Load(AssemblyName.GetAssemblyName(fullPath));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            return null;
        }
    }
}
