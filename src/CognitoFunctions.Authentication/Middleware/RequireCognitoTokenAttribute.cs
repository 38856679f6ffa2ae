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

    /// <summary>
    /// Also ask Cognito (<c>GetUser</c> with the token) whether the token was revoked: signed out everywhere, its refresh
    /// token revoked, the user deleted or disabled. Such a token gets 401; when Cognito cannot answer, 503 (fail
    /// closed). Cognito's "still good" is remembered per token for <c>CognitoAuth__RevocationCheckInterval</c>, the
    /// bound on how late a revocation is seen. Only an access token can be checked, so the function then requires one
    /// (an ID token gets 403, whatever <see cref="TokenUse"/> says). Default <see langword="false"/>.
    /// </summary>
    public bool CheckRevocation { get; set; }
}
