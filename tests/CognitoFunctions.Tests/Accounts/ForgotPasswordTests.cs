using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// A password reset is sent only for a proven email, as Cognito itself requires; every other case answers the same
/// success (errors: AccountErrorMappingTests, timing: UniformTimingTests).
/// </summary>
public sealed class ForgotPasswordTests : IDisposable
{
    private const string Email = "someone@example.com";

    private readonly AccountsHarness _harness = new();

    public ForgotPasswordTests() =>
        _harness.Cognito.Answer<ForgotPasswordRequest, ForgotPasswordResponse>("ForgotPassword", _ => new ForgotPasswordResponse());

    [Fact]
    public async Task A_proven_email_gets_a_reset_code()
    {
        Holds(AttributeType.Of("email", Email), AttributeType.Of("email_verified", "true"));

        var result = await _harness.Accounts.ForgotPasswordAsync(Email, Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(Email, ((ForgotPasswordRequest)_harness.Cognito.Calls.Single(c => c.Operation == "ForgotPassword").Request!).Username);
    }

    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public async Task An_unproven_email_gets_no_code_and_the_same_answer(string? verified)
    {
        Holds(verified is null ? [AttributeType.Of("email", Email)] : [AttributeType.Of("email", Email), AttributeType.Of("email_verified", verified)]);

        var result = await _harness.Accounts.ForgotPasswordAsync(Email, Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(0, _harness.Cognito.CountOf("ForgotPassword"));
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Id == 227);
    }

    [Fact]
    public async Task An_unknown_email_gets_no_code_and_the_same_answer()
    {
        _harness.Cognito.Throws("AdminGetUser", CognitoErrors.Refusal("AdminGetUser", "UserNotFoundException"));

        var result = await _harness.Accounts.ForgotPasswordAsync(Email, Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(0, _harness.Cognito.CountOf("ForgotPassword"));
    }

    public void Dispose() => _harness.Dispose();

    private void Holds(params AttributeType[] attributes) =>
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse { UserAttributes = attributes });
}
