using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>Provisioning and reuse against a real cognito-local, restarted on the same data directory as a second run would.</summary>
public sealed class LocalPoolTests : IAsyncLifetime
{
    private const string Password = "Local-Admin-Pass-1";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("local-pool-");
    private CognitoLocalServer? _server;

    private string StateFile => Path.Combine(_data.FullName, "local-run.json");

    private CognitoLocalServer Server => _server!;

    private RawCognitoApi Api => new(Http, Server.Endpoint);

    public async Task InitializeAsync() => _server = await CognitoLocalServer.StartAsync(LocalPool.Region, _data.FullName);

    [Fact]
    public async Task The_first_run_provisions_the_template_and_records_the_ids()
    {
        var outcome = await EnsureAsync();

        Assert.Equal(PoolOrigin.Provisioned, outcome.Origin);
        Assert.StartsWith("local_", outcome.Pool.UserPoolId, StringComparison.Ordinal);
        Assert.Equal(["admin"], outcome.Pool.Groups);
        Assert.Equal(new Uri(Server.Endpoint, $"{outcome.Pool.UserPoolId}/.well-known/jwks.json"), outcome.Pool.JwksUri);
        var state = PoolState.Read(StateFile)!;
        Assert.Equal((outcome.Pool.UserPoolId, outcome.Pool.ClientId), (state.UserPoolId, state.ClientId));
    }

    [Fact]
    public async Task A_second_run_on_the_same_data_reuses_the_pool_client_and_users()
    {
        var first = await EnsureAsync();
        await CreateUserAsync(first.Pool, "kept@example.com");
        await RestartAsync();

        var second = await EnsureAsync();

        Assert.Equal(PoolOrigin.Reused, second.Origin);
        Assert.False(second.TemplateChanged);
        Assert.Equal(
            (first.Pool.UserPoolId, first.Pool.UserPoolArn, first.Pool.ClientId, first.Pool.ClientSecret),
            (second.Pool.UserPoolId, second.Pool.UserPoolArn, second.Pool.ClientId, second.Pool.ClientSecret));
        Assert.Equal(first.Pool.Groups, second.Pool.Groups);
        Assert.Equal(new Uri(Server.Endpoint, $"{second.Pool.UserPoolId}/.well-known/jwks.json"), second.Pool.JwksUri);
        Assert.Single((await Api.CallAsync("ListUserPools", new JsonObject { ["MaxResults"] = 10 }))["UserPools"]!.AsArray());
        await Api.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = second.Pool.UserPoolId, ["Username"] = "kept@example.com" });
    }

    [Fact]
    public async Task A_recorded_pool_that_is_gone_is_provisioned_again()
    {
        var first = await EnsureAsync();
        await Api.CallAsync("DeleteUserPool", new JsonObject { ["UserPoolId"] = first.Pool.UserPoolId });

        var second = await EnsureAsync();

        Assert.Equal(PoolOrigin.ReplacedMissing, second.Origin);
        Assert.Equal(first.Pool.UserPoolId, second.PreviousUserPoolId);
        Assert.NotEqual(first.Pool.UserPoolId, second.Pool.UserPoolId);
        Assert.Equal(second.Pool.UserPoolId, PoolState.Read(StateFile)!.UserPoolId);
    }

    [Fact]
    public async Task A_recorded_client_that_is_gone_is_provisioned_again()
    {
        var first = await EnsureAsync();
        await Api.CallAsync("DeleteUserPoolClient", new JsonObject { ["UserPoolId"] = first.Pool.UserPoolId, ["ClientId"] = first.Pool.ClientId });

        var second = await EnsureAsync();

        Assert.Equal(PoolOrigin.ReplacedMissing, second.Origin);
        Assert.NotEqual(first.Pool.ClientId, second.Pool.ClientId);
    }

    [Fact]
    public async Task A_changed_template_is_noticed_on_reuse()
    {
        await EnsureAsync();
        var changed = Path.Combine(_data.FullName, "aws-cognito.yaml");
        File.WriteAllText(changed, File.ReadAllText(RepositoryLayout.AwsCognitoTemplate) + "\n# changed\n");

        var second = await LocalPool.EnsureAsync(Api, Server.Endpoint, StateFile, changed, CancellationToken.None);

        Assert.Equal(PoolOrigin.Reused, second.Origin);
        Assert.True(second.TemplateChanged);
    }

    [Fact]
    public async Task An_unreadable_state_file_means_a_fresh_pool()
    {
        File.WriteAllText(StateFile, "{ not json");

        var outcome = await EnsureAsync();

        Assert.Equal(PoolOrigin.Provisioned, outcome.Origin);
        Assert.Equal(outcome.Pool.UserPoolId, PoolState.Read(StateFile)!.UserPoolId);
    }

    [Fact]
    public async Task Admin_puts_an_existing_user_in_the_admin_group_and_their_next_tokens_carry_it()
    {
        var pool = (await EnsureAsync()).Pool;
        await CreateUserAsync(pool, "first-admin@example.com");

        Assert.True(await AdminMembership.TryAddAsync(Api, pool, "first-admin@example.com", CancellationToken.None));
        Assert.True(await AdminMembership.TryAddAsync(Api, pool, "first-admin@example.com", CancellationToken.None));

        var tokens = (await Api.CallAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = pool.UserPoolId,
            ["ClientId"] = pool.ClientId,
            ["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "first-admin@example.com", ["PASSWORD"] = Password },
        }))["AuthenticationResult"]!;
        var groups = Jwt.Payload(tokens["AccessToken"]!.GetValue<string>())["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>());
        Assert.Equal(["admin"], groups);
    }

    [Fact]
    public async Task Admin_for_an_unknown_email_creates_nobody()
    {
        var pool = (await EnsureAsync()).Pool;

        Assert.False(await AdminMembership.TryAddAsync(Api, pool, "nobody@example.com", CancellationToken.None));

        var users = (await Api.CallAsync("ListUsers", new JsonObject { ["UserPoolId"] = pool.UserPoolId }))["Users"]!.AsArray();
        Assert.Empty(users);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _data.Delete(recursive: true);
    }

    private Task<PoolOutcome> EnsureAsync() =>
        LocalPool.EnsureAsync(Api, Server.Endpoint, StateFile, RepositoryLayout.AwsCognitoTemplate, CancellationToken.None);

    private async Task RestartAsync()
    {
        await Server.DisposeAsync();
        _server = await CognitoLocalServer.StartAsync(LocalPool.Region, _data.FullName);
    }

    private Task CreateUserAsync(ProvisionedPool pool, string email) => Api.CreateUserAsync(pool.UserPoolId, email, Password);
}
