using Microsoft.AspNetCore.Routing;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The function a request goes to and the values its route template captured.</summary>
internal sealed record FunctionMatch(HttpFunction Function, RouteValueDictionary RouteValues);
