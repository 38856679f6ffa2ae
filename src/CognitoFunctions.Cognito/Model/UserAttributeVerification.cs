namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// GetUserAttributeVerificationCode: Cognito sends the signed-in user a code that proves they own an attribute
/// (authorized by their access token, not IAM). The pool's AutoVerifiedAttributes must include the attribute.
/// </summary>
public sealed record GetUserAttributeVerificationCodeRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The attribute to prove, e.g. <c>email</c>.</summary>
    public required string AttributeName { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(GetUserAttributeVerificationCodeRequest)} {{ AccessToken = ***, AttributeName = {AttributeName} }}";
}

/// <summary>The answer of GetUserAttributeVerificationCode.</summary>
public sealed record GetUserAttributeVerificationCodeResponse
{
    /// <summary>Where the code went; cognito-local leaves it out.</summary>
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; init; }
}

/// <summary>Cognito's CodeDeliveryDetailsType.</summary>
public sealed record CodeDeliveryDetailsType
{
    /// <summary>The masked address the code went to, e.g. <c>u***@e***</c>.</summary>
    public string? Destination { get; init; }

    /// <summary><c>EMAIL</c> or <c>SMS</c>.</summary>
    public string? DeliveryMedium { get; init; }

    /// <summary>The attribute the code proves.</summary>
    public string? AttributeName { get; init; }
}

/// <summary>VerifyUserAttribute: the code from GetUserAttributeVerificationCode marks the attribute verified.</summary>
public sealed record VerifyUserAttributeRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The attribute to mark verified, e.g. <c>email</c>.</summary>
    public required string AttributeName { get; init; }

    /// <summary>The code Cognito sent.</summary>
    public required string Code { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(VerifyUserAttributeRequest)} {{ AccessToken = ***, AttributeName = {AttributeName}, Code = *** }}";
}
