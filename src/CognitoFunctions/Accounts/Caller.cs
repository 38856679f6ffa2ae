using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Accounts;

/// <summary>
/// Who sent the request, as the app sees them: what Cognito's threat protection should see of the client (its address
/// among it; none when the address is unknown, as in local runs) and, on routes that require a token, the
/// <c>sub</c> of that token's user. The audit events name the caller by these two.
/// </summary>
internal sealed record Caller(ContextDataType? Context, string? Sub = null)
{
    /// <summary>A caller of whom nothing is known: no address, no token.</summary>
    public static Caller Unknown { get; } = new(Context: null);

    /// <summary>The client's address (the last <c>X-Forwarded-For</c> entry), or null when unknown.</summary>
    public string? Address => Context?.IpAddress;
}
