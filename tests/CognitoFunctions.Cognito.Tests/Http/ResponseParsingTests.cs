using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>Answers shaped as in Cognito's API reference are read into the response types.</summary>
public sealed class ResponseParsingTests
{
    [Fact]
    public async Task AdminGetUser_reads_attributes()
    {
        const string body = """
            {"Enabled":true,"UserAttributes":[{"Name":"sub","Value":"d16b4aa8-8633-4f47-9c1e-e4a6e3c1a3a1"},{"Name":"email","Value":"testuser@example.com"},{"Name":"custom:signup_nonce","Value":"n0nce"}],
             "UserCreateDate":1689980857.949,"UserLastModifiedDate":1689980857.949,"UserStatus":"FORCE_CHANGE_PASSWORD","Username":"testuser","MFAOptions":[]}
            """;
        var user = await AnswerAsync(body, c => c.AdminGetUserAsync(new AdminGetUserRequest { Username = "testuser" }));

        Assert.Equal("n0nce", user.UserAttributes.ValueOf("custom:signup_nonce"));
        Assert.Null(user.UserAttributes.ValueOf("phone_number"));
    }

    [Fact]
    public async Task AdminInitiateAuth_reads_tokens_or_a_challenge()
    {
        var tokens = await AnswerAsync(
            """{"AuthenticationResult":{"AccessToken":"eyJ.a.b","ExpiresIn":3600,"IdToken":"eyJ.c.d","RefreshToken":"eyJ.e.f.g.h","TokenType":"Bearer"},"ChallengeParameters":{}}""",
            c => c.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("u", "p")));
        var challenge = await AnswerAsync(
            """{"ChallengeName":"NEW_PASSWORD_REQUIRED","ChallengeParameters":{"USER_ID_FOR_SRP":"u","requiredAttributes":"[]","userAttributes":"{}"},"Session":"AYABe..."}""",
            c => c.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("u", "p")));

        Assert.Equal(3600, tokens.AuthenticationResult!.ExpiresIn);
        Assert.Equal("eyJ.e.f.g.h", tokens.AuthenticationResult.RefreshToken);
        Assert.Null(tokens.ChallengeName);
        Assert.Equal("NEW_PASSWORD_REQUIRED", challenge.ChallengeName);
        Assert.Null(challenge.AuthenticationResult);
    }

    [Fact]
    public async Task ListUsers_reads_users_with_status_and_fractional_epoch_dates_and_the_pagination_token()
    {
        var page = await AnswerAsync(
            """{"PaginationToken":"next-page","Users":[{"Attributes":[{"Name":"email","Value":"a@example.com"}],"Enabled":true,"UserCreateDate":1689980857.949,"UserLastModifiedDate":1700000001,"UserStatus":"FORCE_CHANGE_PASSWORD","Username":"u1"}]}""",
            c => c.ListUsersAsync(new ListUsersRequest()));

        Assert.Equal("next-page", page.PaginationToken);
        var user = Assert.Single(page.Users);
        Assert.Equal("u1", user.Username);
        Assert.True(user.Enabled);
        Assert.Equal("FORCE_CHANGE_PASSWORD", user.UserStatus);
        Assert.Equal("a@example.com", user.Attributes.ValueOf("email"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1689980857949), user.UserCreateDate);
    }

    [Fact]
    public async Task DescribeUserPool_reads_the_password_policy()
    {
        var pool = (await AnswerAsync(
            """{"UserPool":{"Id":"us-east-1_TestPool1","Name":"users","Policies":{"PasswordPolicy":{"MinimumLength":8,"RequireUppercase":true,"RequireLowercase":true,"RequireNumbers":true,"RequireSymbols":true,"TemporaryPasswordValidityDays":7}},"SchemaAttributes":[{"Name":"custom:signup_nonce","AttributeDataType":"String","Mutable":true,"Required":false,"StringAttributeConstraints":{"MinLength":"1","MaxLength":"64"}}],"UsernameAttributes":["email"],"CreationDate":1700000000.5,"EstimatedNumberOfUsers":3}}""",
            c => c.DescribeUserPoolAsync())).UserPool!;

        var policy = pool.Policies!.PasswordPolicy!;
        Assert.Equal((8, true, true, true, true), (policy.MinimumLength, policy.RequireUppercase, policy.RequireLowercase, policy.RequireNumbers, policy.RequireSymbols));
    }

    private static async Task<T> AnswerAsync<T>(string body, Func<ICognitoIdentityProvider, Task<T>> call)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok(body));
        await using var services = TestClients.Create(fake.Address);
        return await call(services.Client());
    }
}
