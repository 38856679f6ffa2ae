using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The email proof flows on the scripted Cognito: what each sends and answers (errors: AccountErrorMappingTests).</summary>
public sealed class EmailVerificationTests : IDisposable
{
    private readonly AccountsHarness _harness = new();

    [Fact]
    public async Task An_unproven_email_gets_a_code_for_the_email_attribute_with_the_users_access_token()
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", request =>
            request.Username == "user-1" ? User(verified: null) : throw new InvalidOperationException("another user"));
        GetUserAttributeVerificationCodeRequest? sent = null;
        _harness.Cognito.Answer<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse>("GetUserAttributeVerificationCode", request =>
        {
            sent = request;
            return new() { CodeDeliveryDetails = new() { Destination = "u***@e***", DeliveryMedium = "EMAIL", AttributeName = "email" } };
        });

        var result = await _harness.Email.SendCodeAsync("the-access-token", "user-1", Caller.Unknown, CancellationToken.None);

        Assert.Equal(new EmailCodeDelivery(Sent: true, "u***@e***", "EMAIL"), result.Value);
        Assert.Equal(new GetUserAttributeVerificationCodeRequest { AccessToken = "the-access-token", AttributeName = "email" }, sent);
    }

    [Fact]
    public async Task A_code_request_without_delivery_details_as_cognito_local_answers_is_still_sent()
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified: "false"));
        _harness.Cognito.Answer<object, GetUserAttributeVerificationCodeResponse>("GetUserAttributeVerificationCode", _ => new());

        var result = await _harness.Email.SendCodeAsync("the-access-token", "user-1", Caller.Unknown, CancellationToken.None);

        Assert.Equal(new EmailCodeDelivery(Sent: true, null, null), result.Value);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public async Task A_verified_email_gets_no_code(string verified)
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified));

        var result = await _harness.Email.SendCodeAsync("the-access-token", "user-1", Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.False(result.Value!.Sent);
        Assert.Equal(0, _harness.Cognito.CountOf("GetUserAttributeVerificationCode"));
    }

    [Fact]
    public async Task Verification_sends_the_code_for_the_email_attribute()
    {
        VerifyUserAttributeRequest? sent = null;
        _harness.Cognito.Answer<VerifyUserAttributeRequest, object?>("VerifyUserAttribute", request => { sent = request; return null; });

        var result = await _harness.Email.VerifyAsync("the-access-token", "654321", Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(new VerifyUserAttributeRequest { AccessToken = "the-access-token", AttributeName = "email", Code = "654321" }, sent);
        Assert.DoesNotContain("654321", sent!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("the-access-token", sent.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private static AdminGetUserResponse User(string? verified) => new()
    {
        UserAttributes = verified is null
            ? [AttributeType.Of("email", "u@example.com")]
            : [AttributeType.Of("email", "u@example.com"), AttributeType.Of("email_verified", verified)],
    };
}
