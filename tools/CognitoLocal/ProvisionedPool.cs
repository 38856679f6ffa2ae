namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>What provisioning created: the values the app's <c>Cognito__*</c> settings take.</summary>
public sealed record ProvisionedPool(
    string Region,
    string UserPoolId,
    string UserPoolArn,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Groups,
    Uri JwksUri)
{
    /// <summary>The <c>iss</c> of the pool's tokens.</summary>
    public string Issuer => $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    /// <summary>
    /// The account app's <c>Cognito__*</c> settings that name this pool, served at <paramref name="serviceUrl"/>.
    /// <c>Cognito__ClientSecret</c> is always written, empty for a client without a secret, as in
    /// local.settings.sample.json: an inherited value can then never pair a secret with the wrong client.
    /// </summary>
    public Dictionary<string, string> AppSettings(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return new(StringComparer.Ordinal)
        {
            ["Cognito__Region"] = Region,
            ["Cognito__UserPoolId"] = UserPoolId,
            ["Cognito__ClientId"] = ClientId,
            ["Cognito__ClientSecret"] = ClientSecret ?? "",
            ["Cognito__ServiceUrl"] = serviceUrl.ToString(),
            ["Cognito__JwksUri"] = JwksUri.ToString(),
        };
    }

    /// <summary>The middleware package's settings that trust this pool and its client, as the first trusted pool.</summary>
    public Dictionary<string, string> TrustedPoolSettings() => new(StringComparer.Ordinal)
    {
        ["CognitoAuth__TrustedPools__0__Region"] = Region,
        ["CognitoAuth__TrustedPools__0__UserPoolId"] = UserPoolId,
        ["CognitoAuth__TrustedPools__0__ClientIds__0"] = ClientId,
        ["CognitoAuth__TrustedPools__0__JwksUri"] = JwksUri.ToString(),
    };

    /// <summary>
    /// <see cref="TrustedPoolSettings"/> for a JWKS served over http on loopback (cognito-local, a test's JWKS server),
    /// which the middleware allows only in Development: so the app runs as Development with the https rule off.
    /// </summary>
    public Dictionary<string, string> TrustedPoolSettingsOverHttp()
    {
        var settings = TrustedPoolSettings();
        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        settings["CognitoAuth__RequireHttpsJwks"] = "false";
        return settings;
    }
}
