using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Accounts;

/// <summary>Finding a user by username (AdminGetUser): the flows' one way to ask whether an account exists.</summary>
internal sealed class UserLookup(ICognitoIdentityProvider cognito)
{
    /// <summary>The user under <paramref name="username"/>, or null when there is none.</summary>
    public async Task<AdminGetUserResponse?> FindAsync(string username, CancellationToken cancellationToken)
    {
        try
        {
            return await cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = username }, cancellationToken);
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.UserNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The username to send Cognito for an email a client typed: its normalized (lower-case) form, under which every
    /// account this app creates lives. Only when the client typed capitals and no account holds the normalized form is
    /// the email sent as typed, for an account created before this rule on a case-sensitive pool. (Trying both in turn
    /// would count a wrong password twice, or send two reset codes, on a case-insensitive pool.)
    /// </summary>
    public async Task<string> UsernameForAsync(string typedEmail, CancellationToken cancellationToken)
    {
        var typed = typedEmail.Trim();
        var email = EmailAddress.Normalize(typed);
        if (email == typed)
        {
            return email;
        }

        return await FindAsync(email, cancellationToken) is not null ? email : typed;
    }
}
