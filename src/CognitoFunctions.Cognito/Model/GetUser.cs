namespace CognitoFunctions.Cognito.Model;

/// <summary>GetUser: reads the user an access token belongs to (Cognito checks the token, revocation included).</summary>
public sealed record GetUserRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(GetUserRequest)} {{ AccessToken = *** }}";
}

/// <summary>The answer of GetUser.</summary>
public sealed record GetUserResponse
{
    /// <summary>The Cognito username.</summary>
    public string Username { get; init; } = "";

    /// <summary>The attributes the app client may read.</summary>
    public IReadOnlyList<AttributeType> UserAttributes { get; init; } = [];
}
