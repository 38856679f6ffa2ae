using System.Text.Json.Nodes;
using Xunit;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// An xunit fixture: a <see cref="CognitoLocalPool"/> (cognito-local with the user pool, app client and groups of
/// aws-cognito.yaml, parameter defaults unless a derived fixture says otherwise), and helpers to arrange users in it.
/// Stopped when the tests that share it are done, whether they passed or not.
/// </summary>
public class CognitoLocalFixture : IAsyncLifetime
{
    /// <summary>The region the local pool pretends to live in.</summary>
    public const string Region = CognitoLocalPool.Region;

    private CognitoLocalPool? _local;

    /// <summary>The running server.</summary>
    public CognitoLocalServer Server => Local.Server;

    /// <summary>The pool, client and groups provisioned from the template.</summary>
    public ProvisionedPool Pool => Local.Pool;

    /// <summary>An HTTP client for the server (and anything else a test calls).</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Unsigned Cognito API calls to the server.</summary>
    public RawCognitoApi Api => new(Http, Server.Endpoint);

    /// <summary>Parameter values other than the template's defaults, for fixtures that derive from this one.</summary>
    protected virtual IReadOnlyDictionary<string, string> TemplateParameters { get; } = new Dictionary<string, string>();

    /// <summary>Creates a confirmed user with a verified email and a permanent password, as sign-up does.</summary>
    public Task CreateUserAsync(string email, string password, CancellationToken cancellationToken = default) =>
        Api.CreateUserAsync(Pool.UserPoolId, email, password, cancellationToken);

    /// <summary>Logs a user in with ADMIN_USER_PASSWORD_AUTH and returns the AuthenticationResult.</summary>
    public async Task<JsonObject> LogInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var response = await Api.CallAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = Pool.UserPoolId,
            ["ClientId"] = Pool.ClientId,
            ["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["PASSWORD"] = password },
        }, cancellationToken);
        return response["AuthenticationResult"]!.AsObject();
    }

    private CognitoLocalPool Local => _local ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _local = await CognitoLocalPool.StartAsync(Http, TemplateParameters);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }
}
