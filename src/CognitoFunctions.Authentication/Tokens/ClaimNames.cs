namespace CognitoFunctions.Authentication;

/// <summary>Claim names of Cognito tokens, as they appear in the token and in the principal.</summary>
internal static class ClaimNames
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string ClientId = "client_id";
    public const string TokenUse = "token_use";
    public const string Username = "username";
    public const string CognitoUsername = "cognito:username";
    public const string Email = "email";
    public const string Groups = "cognito:groups";
    public const string Scope = "scope";
}
