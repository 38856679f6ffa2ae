namespace CognitoFunctions.Endpoints.Identity;

/// <summary>Who the caller's token says they are; <c>message</c> only on the original tutorial's private route.</summary>
internal sealed record IdentityResponse(string? Message, string Sub, string? Email, string? Username, IReadOnlyList<string> Groups, string TokenUse);
