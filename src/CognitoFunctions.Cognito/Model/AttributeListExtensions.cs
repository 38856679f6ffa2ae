namespace CognitoFunctions.Cognito.Model;

/// <summary>Reading a user's attribute list.</summary>
public static class AttributeListExtensions
{
    /// <summary>The value of the attribute named <paramref name="name"/> (ordinal match), or null when absent.</summary>
    public static string? ValueOf(this IEnumerable<AttributeType>? attributes, string name) =>
        attributes?.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))?.Value;
}
