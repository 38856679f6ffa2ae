using CognitoFunctions.Accounts;

namespace CognitoFunctions.Functions;

/// <summary>The token response of login and refresh.</summary>
internal static class TokenAnswers
{
    public static TokenResponse ForLogin(TokenSet tokens) =>
        new("Success", tokens.IdToken, tokens.IdToken, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, "Bearer", tokens.Username);
}
