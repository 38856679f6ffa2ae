namespace CognitoFunctions.Authentication;

/// <summary>
/// Marks an HTTP function (or every function of a class) as reachable without a token: sign-up, login and the
/// like. Without it, the Cognito middleware requires a valid token. A <see cref="RequireCognitoTokenAttribute"/> on
/// the method wins over this attribute on its class; both on the same method or class count as requiring a token.
/// </summary>
/// <remarks>
/// Named apart from ASP.NET Core's <c>AllowAnonymousAttribute</c> so that a file importing both namespaces compiles.
/// The middleware honours that attribute too (recognised by its type name, so this package does not reference ASP.NET
/// Core): either marks a function anonymous.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class CognitoAllowAnonymousAttribute : Attribute
{
}
