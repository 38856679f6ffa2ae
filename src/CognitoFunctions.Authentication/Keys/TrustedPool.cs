using System.Text;

namespace CognitoFunctions.Authentication;

/// <summary>A trusted pool at run time: its issuer (also as UTF-8, to match <c>iss</c> without decoding it), its clients and its keys.</summary>
internal sealed class TrustedPool(string issuer, IReadOnlyList<string> clientIds, JwksKeySource keys)
{
    public string Issuer { get; } = issuer;

    public byte[] IssuerUtf8 { get; } = Encoding.UTF8.GetBytes(issuer);

    public IReadOnlyList<string> ClientIds { get; } = clientIds;

    public JwksKeySource Keys { get; } = keys;

    /// <summary>The configured client id equal to <paramref name="candidate"/> (ordinal), or null.</summary>
    public string? FindClient(string? candidate)
    {
        if (candidate is null)
        {
            return null;
        }

        foreach (var clientId in ClientIds)
        {
            if (string.Equals(clientId, candidate, StringComparison.Ordinal))
            {
                return clientId;
            }
        }

        return null;
    }
}
