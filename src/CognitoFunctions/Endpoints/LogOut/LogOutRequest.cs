using CognitoFunctions.Endpoints.Refresh;

namespace CognitoFunctions.Endpoints.LogOut;

/// <summary>The body of a logout as sent; the body itself may be left out.</summary>
internal sealed record LogOutRequest(string? RefreshToken)
{
    public static RequestBody<LogOutRequest, ValidLogOut> Body { get; } = new(
        LogOutJson.Default.LogOutRequest,
        [FieldRule.OptionalText("refreshToken", RefreshRequest.MaxTokenLength)],
        body => new ValidLogOut(string.IsNullOrEmpty(body.RefreshToken) ? null : body.RefreshToken))
    {
        WhenEmpty = new ValidLogOut(RefreshToken: null),
    };
}

/// <summary>A logout whose fields met their rules: the refresh token to revoke, if one was sent.</summary>
internal sealed record ValidLogOut(string? RefreshToken);
