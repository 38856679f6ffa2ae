
namespace CognitoFunctions.Endpoints.Refresh;

/// <summary>The body of a refresh as sent.</summary>
internal sealed record RefreshRequest(string? RefreshToken, string? Username)
{
    /// <summary>The longest refresh token (or other token) a request may carry.</summary>
    public const int MaxTokenLength = 8192;

    public const int MaxUsernameLength = 128;

    public static RequestBody<RefreshRequest, ValidRefresh> Body { get; } = new(
        RefreshJson.Default.RefreshRequest,
        [
            FieldRule.Text("refreshToken", MaxTokenLength),
            FieldRule.TextWhenClientHasSecret("username", MaxUsernameLength, "The login answer's `username`; required only when the app client has a secret."),
        ],
        body => new ValidRefresh(body.RefreshToken!, body.Username));
}

/// <summary>A refresh whose fields met their rules; <c>Username</c> is there when the app client has a secret.</summary>
internal sealed record ValidRefresh(string RefreshToken, string? Username);
