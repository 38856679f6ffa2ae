using System.Text.Json.Nodes;
using Xunit;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// An xunit fixture: a cognito-local server on a free loopback port, in a temporary data directory, with the
/// user pool, app client and groups of aws-cognito.yaml (parameter defaults). Stopped when the tests that
/// share it are done, whether they passed or not.
/// </summary>
public class CognitoLocalFixture : IAsyncLifetime
{
    /// <summary>The region the local pool pretends to live in.</summary>
    public const string Region = "us-east-1";

    private CognitoLocalServer? _server;
    private ProvisionedPool? _pool;

    /// <summary>The running server.</summary>
    public CognitoLocalServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The pool, client and groups provisioned from the template.</summary>
    public ProvisionedPool Pool => _pool ?? throw new InvalidOperationException("The fixture is not initialised.");

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

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await CognitoLocalServer.StartAsync(Region);
        var template = new TemplateEvaluator(CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate), TemplateParameters, region: Region);
        _pool = await TemplateProvisioner.ProvisionAsync(Api, _server.Endpoint, template, Region);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
