using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>What AdminCreateUser does about the invitation message.</summary>
public enum MessageActionType
{
    /// <summary>Send no invitation (the app sets the password itself).</summary>
    [JsonStringEnumMemberName("SUPPRESS")]
    Suppress,

    /// <summary>Send the invitation again to an existing user.</summary>
    [JsonStringEnumMemberName("RESEND")]
    Resend,
}
