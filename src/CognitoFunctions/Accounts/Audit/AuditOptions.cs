namespace CognitoFunctions.Accounts.Audit;

/// <summary>The audit events' settings: configuration section <c>Audit</c>.</summary>
internal sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The shortest <see cref="EmailHashKey"/> accepted, in characters: 32 random characters are far beyond guessing.</summary>
    public const int MinEmailHashKeyLength = 32;

    /// <summary>
    /// The key of the <c>EmailHash</c> the audit events carry: HMAC-SHA256 of the normalized email (trimmed, lower
    /// case) under this key, as lower-case hex. Unset (default): the events carry no email at all. Set it to a random
    /// secret of at least <see cref="MinEmailHashKeyLength"/> characters (e.g. <c>openssl rand -base64 48</c>) to find
    /// one address's events without storing the address: whoever has the key computes its hash, nobody without it can
    /// test guesses. A new key gives new hashes: events under the old one are then found with the old one.
    /// </summary>
    public string? EmailHashKey { get; set; }
}
