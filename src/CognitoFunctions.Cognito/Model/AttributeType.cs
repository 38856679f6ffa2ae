namespace CognitoFunctions.Cognito.Model;

/// <summary>A user attribute, e.g. <c>email</c> or <c>custom:signup_nonce</c> (Cognito's AttributeType).</summary>
public sealed record AttributeType
{
    /// <summary>The attribute's name; custom attributes carry the <c>custom:</c> prefix.</summary>
    public required string Name { get; init; }

    /// <summary>The attribute's value.</summary>
    public string? Value { get; init; }

    /// <summary>Shorthand for <c>new AttributeType { Name = name, Value = value }</c>.</summary>
    public static AttributeType Of(string name, string value) => new() { Name = name, Value = value };
}
