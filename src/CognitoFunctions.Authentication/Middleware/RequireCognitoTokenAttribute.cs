namespace CognitoFunctions.Authentication;

/// <summary>
/// Requirements on the token of an HTTP function (on the method, or on its class for every function in it). Every
/// attribute that applies must be met (class and method ones together); within one attribute, any listed group and
/// any listed scope is enough. A valid token that fails them gets 403 with <c>error="insufficient_scope"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireCognitoTokenAttribute : Attribute
{
    /// <summary>The kind of token required: an ID token, an access token or either (the default).</summary>
    public CognitoTokenUse TokenUse { get; set; } = CognitoTokenUse.Any;

    /// <summary>Groups (<c>cognito:groups</c>) of which the user must be in at least one. None by default.</summary>
    public string[]? Groups { get; set; }

    /// <summary>Scopes (the access token's <c>scope</c>) of which the token must carry at least one. None by default.</summary>
    public string[]? Scopes { get; set; }
}
