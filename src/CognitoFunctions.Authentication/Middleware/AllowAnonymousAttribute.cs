namespace CognitoFunctions.Authentication;

/// <summary>
/// Marks an HTTP function (or every function of a class) as reachable without a token: sign-up, login and the
/// like. Without it, the Cognito middleware requires a valid token. A <see cref="RequireCognitoTokenAttribute"/> on
/// the method wins over this attribute on its class; both on the same method or class count as requiring a token.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute
{
}
