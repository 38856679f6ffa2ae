using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary>The tokens a login or a refresh answers with; <c>message</c> and <c>token</c> (the ID token) are the original tutorial's.</summary>
internal sealed record TokenResponse(
    string Message,
    string Token,
    string IdToken,
    string AccessToken,
    string? RefreshToken,
    int ExpiresIn,
    string TokenType,
    string Username)
{
    public static TokenResponse From(TokenSet tokens) =>
        new("Success", tokens.IdToken, tokens.IdToken, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, "Bearer", tokens.Username);
}
