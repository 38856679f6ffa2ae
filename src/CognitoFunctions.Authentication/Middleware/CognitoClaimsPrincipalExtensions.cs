using System.Security.Claims;

namespace CognitoFunctions.Authentication;

/// <summary>Cognito claims of a principal, by their names in the token.</summary>
public static class CognitoClaimsPrincipalExtensions
{
    /// <summary>The user's immutable id (<c>sub</c>).</summary>
    public static string? GetSub(this ClaimsPrincipal principal) => Find(principal, ClaimNames.Subject);

    /// <summary>The user's email address (<c>email</c>, in ID tokens).</summary>
    public static string? GetEmail(this ClaimsPrincipal principal) => Find(principal, ClaimNames.Email);

    /// <summary>The Cognito username: <c>cognito:username</c> (ID tokens) or <c>username</c> (access tokens).</summary>
    public static string? GetUsername(this ClaimsPrincipal principal) =>
        Find(principal, ClaimNames.CognitoUsername) ?? Find(principal, ClaimNames.Username);

    /// <summary>The user's groups (<c>cognito:groups</c>); empty when none.</summary>
    public static IReadOnlyList<string> GetGroups(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(ClaimNames.Groups).Select(c => c.Value).ToArray();
    }

    private static string? Find(ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(type)?.Value;
    }
}
