namespace CognitoFunctions.Authentication;

/// <summary>The kind of a Cognito token (its <c>token_use</c> claim), or either kind in a requirement.</summary>
public enum CognitoTokenUse
{
    /// <summary>In a requirement: an ID token or an access token.</summary>
    Any = 0,

    /// <summary>An ID token (<c>token_use</c> = <c>id</c>): carries <c>aud</c> and the user's attributes.</summary>
    Id = 1,

    /// <summary>An access token (<c>token_use</c> = <c>access</c>): carries <c>client_id</c> and <c>scope</c>, no <c>aud</c>.</summary>
    Access = 2,
}
