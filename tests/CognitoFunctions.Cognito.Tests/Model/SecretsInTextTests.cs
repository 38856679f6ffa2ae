using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Cognito.Tests.Model;

/// <summary>Request and response objects can end up in logs through ToString: passwords, codes and tokens never show.</summary>
public sealed class SecretsInTextTests
{
    private const string Secret = "Sup3r-Secret-Value";

    public static TheoryData<object> ObjectsHoldingSecrets => new()
    {
        new AdminSetUserPasswordRequest { Username = "a@example.com", Password = Secret, Permanent = true },
        AdminInitiateAuthRequest.ForPassword("a@example.com", Secret),
        AdminInitiateAuthRequest.ForRefreshToken(Secret, "sub"),
        new AuthFlowResponse { AuthenticationResult = new AuthenticationResultType { AccessToken = Secret, IdToken = Secret, RefreshToken = Secret } },
        new AuthenticationResultType { AccessToken = Secret, IdToken = Secret, RefreshToken = Secret },
        new ConfirmForgotPasswordRequest { Username = "a@example.com", ConfirmationCode = Secret, Password = Secret },
        new ChangePasswordRequest { AccessToken = Secret, PreviousPassword = Secret, ProposedPassword = Secret },
        new RevokeTokenRequest { Token = Secret },
        new DeleteUserRequest { AccessToken = Secret },
    };

    [Theory]
    [MemberData(nameof(ObjectsHoldingSecrets))]
    public void ToString_leaves_secrets_out(object value)
    {
        var text = value.ToString()!;

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.StartsWith(value.GetType().Name, text, StringComparison.Ordinal);
    }
}
