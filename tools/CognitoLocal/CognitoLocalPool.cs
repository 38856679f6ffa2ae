namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// A cognito-local server on a free loopback port, in a temporary data directory, with the user pool, app client and
/// groups of aws-cognito.yaml provisioned in it. Stopped (and its folder removed) when disposed.
/// </summary>
public sealed class CognitoLocalPool : IAsyncDisposable
{
    /// <summary>The region the local pool pretends to live in.</summary>
    public const string Region = "us-east-1";

    private CognitoLocalPool(CognitoLocalServer server, ProvisionedPool pool)
    {
        Server = server;
        Pool = pool;
    }

    /// <summary>The running server.</summary>
    public CognitoLocalServer Server { get; }

    /// <summary>The pool, client and groups provisioned from the template.</summary>
    public ProvisionedPool Pool { get; }

    /// <summary>
    /// Starts cognito-local and provisions the template under <paramref name="templateParameters"/> (the template's
    /// defaults for the others), calling it through <paramref name="http"/>.
    /// </summary>
    public static async Task<CognitoLocalPool> StartAsync(HttpClient http, IReadOnlyDictionary<string, string>? templateParameters = null, CancellationToken cancellationToken = default)
    {
        var server = await CognitoLocalServer.StartAsync(Region, cancellationToken: cancellationToken);
        try
        {
            var template = new TemplateEvaluator(CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate), templateParameters, region: Region);
            var pool = await TemplateProvisioner.ProvisionAsync(new RawCognitoApi(http, server.Endpoint), server.Endpoint, template, Region, cancellationToken);
            return new CognitoLocalPool(server, pool);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
