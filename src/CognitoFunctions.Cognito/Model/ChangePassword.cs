namespace CognitoFunctions.Cognito.Model;

/// <summary>ChangePassword: the signed-in user changes their password (authorized by their access token, not IAM).</summary>
public sealed record ChangePasswordRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The current password.</summary>
    public required string PreviousPassword { get; init; }

    /// <summary>The new password; the pool's password policy applies.</summary>
    public required string ProposedPassword { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ChangePasswordRequest)} {{ AccessToken = ***, PreviousPassword = ***, ProposedPassword = *** }}";
}
