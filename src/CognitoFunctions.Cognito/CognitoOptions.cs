namespace CognitoFunctions.Cognito;

/// <summary>
/// The app's own user pool: configuration section <c>Cognito</c>, so <c>Cognito__UserPoolId</c> in
/// local.settings.json and in Azure app settings.
/// </summary>
public sealed class CognitoOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Cognito";

    /// <summary>AWS region of the user pool, e.g. <c>us-east-1</c>. Required.</summary>
    public string Region { get; set; } = "";

    /// <summary>The user pool id, e.g. <c>us-east-1_AbCdEf123</c>. Required.</summary>
    public string UserPoolId { get; set; } = "";

    /// <summary>The app client id. Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app client's secret, only when the client has one (then SECRET_HASH is sent). Optional.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Endpoint override, e.g. a cognito-local address for local runs. Optional; default
    /// <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/</c>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Address of the pool's JWKS. Optional; default <c>&lt;issuer&gt;/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>The <c>iss</c> of the pool's tokens: <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/&lt;UserPoolId&gt;</c>.</summary>
    public string Issuer => $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    /// <summary>The Cognito endpoint the client calls: <see cref="ServiceUrl"/> or the region's.</summary>
    public Uri Endpoint => ServiceUrl ?? new Uri($"https://cognito-idp.{Region}.amazonaws.com/");

    /// <summary>The JWKS address: <see cref="JwksUri"/> or the issuer's well-known document.</summary>
    public Uri EffectiveJwksUri => JwksUri ?? new Uri($"{Issuer}/.well-known/jwks.json");
}
