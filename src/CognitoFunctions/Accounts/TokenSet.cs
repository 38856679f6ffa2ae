namespace CognitoFunctions.Accounts;

/// <summary>Tokens Cognito issued on login or refresh, with what the response reports about them.</summary>
/// <param name="IdToken">The ID token.</param>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token (login only: Cognito issues none on refresh).</param>
/// <param name="ExpiresIn">Seconds the access token lives.</param>
/// <param name="Username">The Cognito username (the <c>sub</c> in email pools), needed to refresh with a client secret.</param>
internal sealed record TokenSet(string IdToken, string AccessToken, string? RefreshToken, int ExpiresIn, string Username)
{
    /// <summary>The user's <c>sub</c>, as the access token names it (for the audit events).</summary>
    public string? Sub { get; init; }

    public override string ToString() => $"{nameof(TokenSet)} {{ ExpiresIn = {ExpiresIn}, Username = {Username}, Sub = {Sub} }}";
}

/// <summary>A user as the admin listing shows it.</summary>
internal sealed record UserSummary(string Username, string? Sub, string? Email, bool EmailVerified, string? Status, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>One page of users and the token for the next one (null on the last page).</summary>
internal sealed record UserPage(IReadOnlyList<UserSummary> Users, string? PaginationToken);
