using System.Text.Json.Nodes;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>What each operation puts on the wire: AWS JSON 1.1 headers, the exact body, signed or not.</summary>
public sealed class WireFormatTests
{
    public static TheoryData<string> OperationNames => [.. OperationCalls.All.Keys];

    [Fact]
    public void The_operation_catalog_lists_exactly_the_operations_the_client_has_a_method_for_and_how_each_is_authorized()
    {
        var methods = typeof(ICognitoIdentityProvider).GetMethods().Select(m => m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^"Async".Length] : m.Name);

        Assert.Equal(methods.Order(StringComparer.Ordinal), OperationCalls.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            OperationCalls.All.Select(o => (o.Key, o.Value.Signed)).OrderBy(o => o.Key, StringComparer.Ordinal),
            CognitoOperations.All.Select(o => (o.Name, o.IamAuthorized)).OrderBy(o => o.Name, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task An_operation_is_one_POST_with_its_target_and_exact_body_signed_only_when_IAM_authorizes_it(string operation)
    {
        var (call, signed, body) = OperationCalls.All[operation];
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(fake.Address);

        await call(services.Client());

        var request = Assert.Single(fake.Requests);
        Assert.Equal(operation, request.Operation);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), request.Body), $"expected {body}\nsent     {request.Body.ToJsonString()}");
        Assert.Equal(signed, request.IsSigned);
        if (signed)
        {
            Assert.True(request.Signature!.IsValid, request.Signature.Failure);
        }
    }

    [Fact]
    public async Task Context_data_is_sent_in_the_API_references_shape()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(fake.Address);
        var context = new ContextDataType
        {
            IpAddress = "203.0.113.7",
            ServerName = "myapp.azurewebsites.net",
            ServerPath = "/api/auth/login",
            HttpHeaders = [new HttpHeader { HeaderName = "User-Agent", HeaderValue = "curl/8.0" }],
        };

        await services.Client().AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("a@example.com", "pw", context));

        var expected = JsonNode.Parse("""{"IpAddress":"203.0.113.7","ServerName":"myapp.azurewebsites.net","ServerPath":"/api/auth/login","HttpHeaders":[{"headerName":"User-Agent","headerValue":"curl/8.0"}]}""");
        var sent = Assert.Single(fake.Requests).Body["ContextData"];
        Assert.True(JsonNode.DeepEquals(expected, sent), sent?.ToJsonString());
    }

    [Fact]
    public async Task With_a_client_secret_every_operation_that_needs_it_carries_SECRET_HASH_or_the_secret()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?> { ["Cognito:ClientSecret"] = TestClients.ClientSecret });
        var client = services.Client();
        const string sub = "8f2c4e1a-0b5d-4c6e-9f7a-1d2e3f405162";

        await client.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("user@example.com", "pw"));
        await client.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken("refresh-token", sub));
        await client.ForgotPasswordAsync(new ForgotPasswordRequest { Username = "user@example.com" });
        await client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = "user@example.com", ConfirmationCode = "123456", Password = "pw" });
        await client.RevokeTokenAsync(new RevokeTokenRequest { Token = "refresh-token" });
        await client.InitiateAuthAsync(InitiateAuthRequest.ForPassword("user@example.com", "pw"));
        var answer = new RespondToAuthChallengeRequest
        {
            ChallengeName = "SOFTWARE_TOKEN_MFA",
            Session = "session",
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = sub, ["SOFTWARE_TOKEN_MFA_CODE"] = "123456" },
        };
        await client.AdminRespondToAuthChallengeAsync(answer);
        await client.RespondToAuthChallengeAsync(answer);

        // Expected hashes computed outside .NET (Python's hmac) for this secret and client id.
        const string hashForEmail = "pOT8b8O0SzdOKewzzDLHPps969VreGON2SI7AaKiFTM=";
        const string hashForSub = "d1vlKfwWaE2CpriD3FCOyCyEcr6SRryS1/s5SECMG9Q=";
        var requests = fake.Requests;
        Assert.Equal(hashForEmail, requests[0].Body["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Equal(hashForSub, requests[1].Body["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Null(requests[1].Body["AuthParameters"]!["USERNAME"]);
        Assert.Equal(hashForEmail, requests[2].Body["SecretHash"]!.GetValue<string>());
        Assert.Equal(hashForEmail, requests[3].Body["SecretHash"]!.GetValue<string>());
        Assert.Equal(TestClients.ClientSecret, requests[4].Body["ClientSecret"]!.GetValue<string>());
        Assert.Equal(hashForEmail, requests[5].Body["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        // A challenge's answer is hashed with the USERNAME it names: the Cognito username (the sub), as Cognito requires.
        Assert.Equal(hashForSub, requests[6].Body["ChallengeResponses"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Equal(hashForSub, requests[7].Body["ChallengeResponses"]!["SECRET_HASH"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refreshing_with_a_client_secret_but_no_Cognito_username_fails_before_anything_is_sent()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?> { ["Cognito:ClientSecret"] = TestClients.ClientSecret });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => services.Client().AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken("refresh-token")));

        Assert.Contains("SecretHashUsername", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Without_a_client_secret_no_secret_field_is_sent()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?> { ["Cognito:ClientSecret"] = "" });

        await services.Client().AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken("refresh-token"));
        await services.Client().RevokeTokenAsync(new RevokeTokenRequest { Token = "refresh-token" });

        Assert.Null(fake.Requests[0].Body["AuthParameters"]!["SECRET_HASH"]);
        Assert.Null(fake.Requests[1].Body["ClientSecret"]);
    }
}
