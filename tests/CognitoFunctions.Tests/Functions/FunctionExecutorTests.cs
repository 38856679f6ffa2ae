using System.Reflection;
using CognitoFunctions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Tests.Functions;

/// <summary>
/// The worker SDK's generated executor calls a function in a public class directly; for one in a non-public class it
/// builds a new reflection invoker on every invocation (about 4× slower under load, docs/benchmarks). The app's
/// function classes are internal, so Directory.Build.targets turns the generated executor off and the worker's own
/// executor (one invoker per function, cached) runs them. This fails if either half of that is undone.
/// </summary>
public sealed class FunctionExecutorTests
{
    private static readonly Assembly App = typeof(OpenApiDocumentProvider).Assembly;

    [Fact]
    public void No_function_is_left_on_the_generated_executors_per_invocation_path()
    {
        var functions = App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToList();
        Assert.NotEmpty(functions);

        var generatedExecutor = App.GetTypes().Any(t => t.Name == "DirectFunctionExecutor");
        var slow = functions.Where(m => !IsVisible(m.DeclaringType!)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.False(
            generatedExecutor && slow.Count > 0,
            $"The generated executor would rebuild an invoker per invocation for: {string.Join(", ", slow)}. Make those classes public or keep FunctionsEnableExecutorSourceGen=false.");
    }

    private static bool IsVisible(Type type) => type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!));
}
