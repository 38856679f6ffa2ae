using System.Security.Claims;

namespace CognitoFunctions.Authentication;

/// <summary>Builds the <see cref="ClaimsPrincipal"/> of a validated token, keeping Cognito's claim names.</summary>
internal static class CognitoPrincipalFactory
{
    public const string AuthenticationType = "Cognito";

    public static ClaimsPrincipal Create(CognitoToken token)
    {
        var identity = new ClaimsIdentity(AuthenticationType, token.UsernameClaimType ?? ClaimNames.Subject, ClaimNames.Groups);

        // Claims created with the identity as subject are added as they are; any other claim would be cloned.
        Add(identity, ClaimNames.Subject, token.Subject, token.Issuer);
        Add(identity, ClaimNames.Issuer, token.Issuer, token.Issuer);
        Add(identity, ClaimNames.TokenUse, token.TokenUse == CognitoTokenUse.Id ? "id" : "access", token.Issuer);
        Add(identity, token.TokenUse == CognitoTokenUse.Id ? ClaimNames.Audience : ClaimNames.ClientId, token.ClientId, token.Issuer);
        if (token.Username is not null)
        {
            Add(identity, token.UsernameClaimType!, token.Username, token.Issuer);
        }

        if (token.Email is not null)
        {
            Add(identity, ClaimNames.Email, token.Email, token.Issuer);
        }

        foreach (var group in token.Groups)
        {
            Add(identity, ClaimNames.Groups, group, token.Issuer);
        }

        if (token.Scope is not null)
        {
            Add(identity, ClaimNames.Scope, token.Scope, token.Issuer);
        }

        return new ClaimsPrincipal(identity);
    }

    private static void Add(ClaimsIdentity identity, string type, string value, string issuer) =>
        identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, issuer, issuer, identity));
}
