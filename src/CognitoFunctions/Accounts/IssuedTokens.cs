using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>Reading the tokens Cognito issued at the end of a login or a refresh.</summary>
internal static class IssuedTokens
{
    /// <summary>
    /// The tokens of <paramref name="result"/>. They come straight from Cognito over an authenticated call: read, not
    /// validated. Tokens this app cannot read (or none) are Cognito's (or a proxy's) fault, not the client's:
    /// upstream-error, never an unhandled exception.
    /// </summary>
    public static AccountResult<TokenSet> Read(AccountOperation operation, AuthenticationResultType? result, ILogger logger)
    {
        if (result is not { IdToken: { } id, AccessToken: { } access })
        {
            AccountLog.UnreadableTokens(logger, operation.Name, "the answer has neither tokens nor a challenge");
            return new AccountFailure.UpstreamError();
        }

        AccessTokenClaims claims;
        try
        {
            AccessTokenClaims.EnsureJws(id, "ID");
            claims = AccessTokenClaims.Read(access);
        }
        catch (FormatException ex)
        {
            AccountLog.UnreadableTokens(logger, operation.Name, ex.Message);
            return new AccountFailure.UpstreamError();
        }

        var expiresIn = result.ExpiresIn ?? (int)(claims.Exp - claims.Iat);
        return new TokenSet(id, access, result.RefreshToken, expiresIn, claims.Username) { Sub = claims.Sub };
    }
}
