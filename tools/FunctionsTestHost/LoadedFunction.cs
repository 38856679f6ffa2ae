namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>One loaded function.</summary>
/// <param name="Name">The function name (<c>[Function("…")]</c>).</param>
/// <param name="FunctionId">The id the worker assigned; invocations name it.</param>
/// <param name="EntryPoint">The method the worker calls.</param>
/// <param name="RouteTemplate">For an HTTP function, its full route template including the prefix (e.g. <c>api/items/{id:int}</c>); otherwise null.</param>
/// <param name="Methods">For an HTTP function, the methods it accepts (lower case), or null for all.</param>
public sealed record LoadedFunction(string Name, string FunctionId, string EntryPoint, string? RouteTemplate, IReadOnlyList<string>? Methods);
