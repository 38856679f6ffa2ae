using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>The server-side authentication flows the client starts with AdminInitiateAuth.</summary>
public enum AuthFlowType
{
    /// <summary>Username and password sent by the server (the app client lists ALLOW_ADMIN_USER_PASSWORD_AUTH).</summary>
    [JsonStringEnumMemberName("ADMIN_USER_PASSWORD_AUTH")]
    AdminUserPasswordAuth,

    /// <summary>New ID and access tokens for a refresh token (the app client lists ALLOW_REFRESH_TOKEN_AUTH).</summary>
    [JsonStringEnumMemberName("REFRESH_TOKEN_AUTH")]
    RefreshTokenAuth,

    /// <summary>Username and password through the public API, InitiateAuth (the app client lists ALLOW_USER_PASSWORD_AUTH).</summary>
    [JsonStringEnumMemberName("USER_PASSWORD_AUTH")]
    UserPasswordAuth,
}
