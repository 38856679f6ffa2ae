using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Authentication;

/// <summary>What an <see cref="ICognitoTokenCheck"/> decides on: the invocation, its validated token and its principal.</summary>
public sealed class CognitoTokenCheckContext
{
    private readonly CognitoAuthenticationFeature _authentication;

    internal CognitoTokenCheckContext(FunctionContext functionContext, CognitoAuthenticationFeature authentication)
    {
        FunctionContext = functionContext;
        _authentication = authentication;
    }

    /// <summary>
    /// The invocation: its function (<c>FunctionDefinition.Name</c>), its scoped services (<c>InstanceServices</c>) and
    /// its HTTP request (<c>GetHttpRequestDataAsync()</c>).
    /// </summary>
    public FunctionContext FunctionContext { get; }

    /// <summary>The validated token; shared by every request that presents it, so read-only.</summary>
    public CognitoToken Token => _authentication.Token;

    /// <summary>
    /// The principal the function will see through <c>GetCognitoPrincipal()</c>: claims added to its identity here
    /// are the function's too. Built on first use.
    /// </summary>
    public ClaimsPrincipal Principal => _authentication.Principal;

    /// <summary>Cancelled when the invocation is.</summary>
    public CancellationToken CancellationToken => FunctionContext.CancellationToken;

    /// <summary>
    /// Adds a claim to the principal's Cognito identity. Its issuer is <see cref="ClaimsIdentity.DefaultIssuer"/>
    /// (<c>LOCAL AUTHORITY</c>), so it cannot pass for a claim of the token, whose issuer is the pool's.
    /// </summary>
    /// <param name="type">The claim's type, e.g. <c>tenant</c>.</param>
    /// <param name="value">The claim's value.</param>
    public void AddClaim(string type, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(value);
        var identity = (ClaimsIdentity)Principal.Identity!;
        identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
    }
}
