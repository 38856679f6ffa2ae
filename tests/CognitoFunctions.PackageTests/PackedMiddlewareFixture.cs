using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// The middleware packed from the solution's build into a folder feed under a temporary folder, removed at the end:
/// once per test run, shared by the package's own tests and by every consumer app (see <see cref="PackedMiddlewareTests"/>).
/// The version is this run's own (a prerelease label with a GUID), so that no package restored before, from a feed
/// or the global packages folder, can stand in for it. Once packed, the consumer apps of both HTTP models start
/// building side by side (the worker SDK's build is the slow part) while the other tests of the collection run.
/// </summary>
public sealed class PackedMiddlewareFixture : IAsyncLifetime
{
    private readonly Dictionary<HttpModel, Task<ConsumerApp>> _apps = [];
    private MiddlewarePackage? _package;

    /// <summary>The configuration the solution was built in, which the package is packed from.</summary>
    internal static string Configuration => FunctionAppBuildOutput.Configuration(typeof(PackedMiddlewareFixture).Assembly);

    internal MiddlewarePackage Package => _package ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>This fixture's temporary folder: the feed, and the consumer apps' folders.</summary>
    private DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("cognitofunctions-package-");

    /// <summary>The consumer app of <paramref name="model"/>, once built against the package.</summary>
    internal Task<ConsumerApp> BuiltAppAsync(HttpModel model) =>
        _apps.TryGetValue(model, out var app) ? app : throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // SemVer wants a letter in a prerelease label: a GUID's hex digits alone may have none.
        _package = await MiddlewarePackage.PackAsync(Root.FullName, $"packagetest-{Guid.NewGuid():N}", Configuration);
        foreach (var model in Enum.GetValues<HttpModel>())
        {
            _apps[model] = BuildAsync(model);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var build in _apps.Values)
        {
            try
            {
                (await build).RemoveRestoredPackage();
            }
            catch (InvalidOperationException)
            {
                // A failed build has failed its app's tests already; its folder goes with the rest.
            }
        }

        // xunit disposes a fixture whose InitializeAsync failed, which may have disposed already.
        if (Directory.Exists(Root.FullName))
        {
            Root.Delete(recursive: true);
        }
    }

    private async Task<ConsumerApp> BuildAsync(HttpModel model)
    {
        var app = ConsumerApp.Create(Path.Combine(Root.FullName, model.ToString()), Package, model);
        await app.BuildAsync();
        return app;
    }
}
