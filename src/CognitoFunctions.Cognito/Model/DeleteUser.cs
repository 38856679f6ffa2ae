namespace CognitoFunctions.Cognito.Model;

/// <summary>DeleteUser: the signed-in user deletes their own account (authorized by their access token, not IAM).</summary>
public sealed record DeleteUserRequest
{
    /// <summary>The user's access token; Cognito checks it (signature, expiry, revocation) and deletes its user.</summary>
    public required string AccessToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(DeleteUserRequest)} {{ AccessToken = *** }}";
}
