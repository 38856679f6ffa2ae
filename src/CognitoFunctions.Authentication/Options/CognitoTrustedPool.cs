namespace CognitoFunctions.Authentication;

/// <summary>
/// One user pool whose tokens are accepted: <c>CognitoAuth__TrustedPools__0__UserPoolId</c> and so on.
/// </summary>
public sealed class CognitoTrustedPool
{
    /// <summary>AWS region of the pool, e.g. <c>us-east-1</c>. Required.</summary>
    public string Region { get; set; } = "";

    /// <summary>The pool id, e.g. <c>us-east-1_AbCdEf123</c>. Required.</summary>
    public string UserPoolId { get; set; } = "";

    /// <summary>
    /// The app clients whose tokens are accepted: an ID token's <c>aud</c> or an access token's <c>client_id</c>
    /// must be one of them. At least one is required.
    /// </summary>
    public IList<string> ClientIds { get; } = new List<string>();

    /// <summary>Address of the pool's JWKS. Optional; default <c>&lt;issuer&gt;/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>
    /// Address of the pool's Cognito API, asked by revocation-checked functions (<c>GetUser</c>). Optional; default
    /// <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/</c>. Set it for a local double such as cognito-local (http is
    /// allowed only in the Development environment).
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The <c>iss</c> of the pool's tokens: <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/&lt;UserPoolId&gt;</c>.</summary>
    public string Issuer => $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    /// <summary>The JWKS address in use: <see cref="JwksUri"/> or the issuer's well-known document.</summary>
    public Uri EffectiveJwksUri => JwksUri ?? new Uri($"{Issuer}/.well-known/jwks.json");

    /// <summary>The Cognito API address in use: <see cref="ServiceUrl"/> or the region's public endpoint.</summary>
    public Uri EffectiveServiceUrl => ServiceUrl ?? new Uri($"https://cognito-idp.{Region}.amazonaws.com/");
}
