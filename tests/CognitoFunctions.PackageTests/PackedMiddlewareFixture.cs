using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// The middleware packed from the solution's build into a folder feed under a temporary folder, removed at the end:
/// once per test run, shared by the package's own tests and by every consumer app (see <see cref="PackedMiddlewareTests"/>).
/// The version is this run's own (a prerelease label with a GUID), so that no package restored before, from a feed
/// or the global packages folder, can stand in for it.
/// </summary>
public sealed class PackedMiddlewareFixture : IAsyncLifetime
{
    private MiddlewarePackage? _package;

    /// <summary>The configuration the solution was built in, which the package is packed from.</summary>
    internal static string Configuration => FunctionAppBuildOutput.Configuration(typeof(PackedMiddlewareFixture).Assembly);

    internal MiddlewarePackage Package => _package ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>This fixture's temporary folder: the feed, and the consumer apps' folders.</summary>
    internal DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("cognitofunctions-package-");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        // SemVer wants a letter in a prerelease label: a GUID's hex digits alone may have none.
        _package = await MiddlewarePackage.PackAsync(Root.FullName, $"packagetest-{Guid.NewGuid():N}", Configuration);

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        // xunit disposes a fixture whose InitializeAsync failed, which may have disposed already.
        if (Directory.Exists(Root.FullName))
        {
            Root.Delete(recursive: true);
        }

        return Task.CompletedTask;
    }
}
