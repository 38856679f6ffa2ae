using System.Globalization;
using System.Text.Json.Nodes;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests;

/// <summary>
/// What cognito-local does not implement: AdminUserGlobalSignOut, ListUsers pagination, password
/// policy enforcement and real Cognito's answer to a wrong password. These round-trip against a loopback fake that
/// answers with the shapes of Cognito's API reference; each test's name says which gap it covers.
/// </summary>
public sealed class CognitoLocalGapTests
{
    [Fact]
    public async Task AdminUserGlobalSignOut_round_trips_against_a_fake_because_cognito_local_does_not_implement_it()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(request => request.Body["Username"]!.GetValue<string>() == "known@example.com"
            ? CognitoAnswer.Ok()
            : CognitoAnswer.Error("UserNotFoundException", "User does not exist."));
        await using var services = TestClients.Create(fake.Address);
        var client = services.Client();

        await client.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { Username = "known@example.com" });
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => client.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { Username = "unknown@example.com" }));

        Assert.Equal(CognitoErrorCode.UserNotFound, error.Code);
        Assert.All(fake.Requests, r => Assert.True(r.Signature!.IsValid, r.Signature.Failure));
    }

    [Fact]
    public async Task ListUsers_pages_through_a_fake_because_cognito_local_returns_every_user_in_one_page()
    {
        var users = Enumerable.Range(1, 5).Select(i => $"user{i}@example.com").ToArray();
        await using var fake = await CognitoFaultProxy.StartAsync(request => Page(users, request.Body));
        await using var services = TestClients.Create(fake.Address);
        var client = services.Client();

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await client.ListUsersAsync(new ListUsersRequest { Limit = 2, PaginationToken = token });
            seen.AddRange(page.Users.Select(u => u.Attributes.ValueOf("email")!));
            token = page.PaginationToken;
        }
        while (token is not null);

        Assert.Equal(users, seen);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task ListUsers_with_an_invalid_pagination_token_is_an_InvalidParameter_error_against_a_fake_because_cognito_local_has_no_pagination()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("InvalidParameterException", "Pagination token is invalid"));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().ListUsersAsync(new ListUsersRequest { PaginationToken = "garbage" }));

        Assert.Equal(CognitoErrorCode.InvalidParameter, error.Code);
    }

    public static TheoryData<string> PasswordSettingOperations => ["AdminSetUserPassword", "ConfirmForgotPassword", "ChangePassword"];

    [Theory]
    [MemberData(nameof(PasswordSettingOperations))]
    public async Task A_password_breaking_the_policy_is_InvalidPassword_against_a_fake_because_cognito_local_never_enforces_the_policy(string operation)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("InvalidPasswordException", "Password did not conform with policy: Password must have uppercase characters"));
        await using var services = TestClients.Create(fake.Address);
        var client = services.Client();

        Task call = operation switch
        {
            "AdminSetUserPassword" => client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = "a@example.com", Password = "weak", Permanent = true }),
            "ConfirmForgotPassword" => client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = "a@example.com", ConfirmationCode = "123456", Password = "weak" }),
            _ => client.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "access", PreviousPassword = "Old-Pass-1", ProposedPassword = "weak" }),
        };
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => call);

        Assert.Equal(CognitoErrorCode.InvalidPassword, error.Code);
        Assert.Equal(operation, Assert.Single(fake.Requests).Operation);
    }

    [Fact]
    public async Task A_wrong_password_is_NotAuthorized_as_real_Cognito_answers_against_a_fake_because_cognito_local_says_InvalidPassword()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("a@example.com", "wrong")));

        Assert.Equal(CognitoErrorCode.NotAuthorized, error.Code);
    }

    private static CognitoAnswer Page(string[] users, JsonObject request)
    {
        var limit = request["Limit"]?.GetValue<int>() ?? 60;
        var start = request["PaginationToken"] is { } token ? int.Parse(token.GetValue<string>()[5..], CultureInfo.InvariantCulture) : 0;
        var page = users.Skip(start).Take(limit).Select(email => (JsonNode)new JsonObject
        {
            ["Username"] = email,
            ["Attributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = email }),
            ["Enabled"] = true,
            ["UserStatus"] = "CONFIRMED",
            ["UserCreateDate"] = 1700000000,
            ["UserLastModifiedDate"] = 1700000000,
        }).ToArray();
        var answer = new JsonObject { ["Users"] = new JsonArray(page) };
        if (start + limit < users.Length)
        {
            answer["PaginationToken"] = $"from-{start + limit}";
        }

        return CognitoAnswer.Ok(answer.ToJsonString());
    }
}
