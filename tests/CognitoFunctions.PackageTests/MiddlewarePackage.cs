using System.IO.Compression;
using System.Xml.Linq;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// The middleware packed from its build output (<c>dotnet pack --no-build</c>) into a folder feed, under a prerelease
/// version of its own, so that no package restored before (from a feed or the global packages folder) can stand in.
/// </summary>
internal sealed class MiddlewarePackage
{
    /// <summary>The project folder, relative to the repository root.</summary>
    public const string ProjectDirectory = "src/CognitoFunctions.Authentication";

    public const string Id = "CognitoFunctions.Authentication";

    // Zip entry times: NuGet writes the packing time unless it is told one; with it, equal inputs give equal bytes.
    private const string Timestamp = "1767225600";

    private MiddlewarePackage(string feed, string version)
    {
        Feed = feed;
        Version = version;
    }

    /// <summary>The folder feed holding the .nupkg and the .snupkg.</summary>
    public string Feed { get; }

    /// <summary>The package's version, e.g. <c>0.1.0-packagetest-…</c>.</summary>
    public string Version { get; }

    public string Nupkg => Path.Combine(Feed, $"{Id}.{Version}.nupkg");

    public string Snupkg => Path.Combine(Feed, $"{Id}.{Version}.snupkg");

    /// <summary>
    /// Packs the project's <paramref name="configuration"/> build into <c>feed</c> under <paramref name="directory"/>
    /// (its nuspec files go to <c>nuspec</c> there, not into the project's obj folder).
    /// </summary>
    public static async Task<MiddlewarePackage> PackAsync(string directory, string versionSuffix, string configuration)
    {
        var feed = Path.Combine(directory, "feed");
        var nuspecs = Path.Combine(directory, "nuspec") + Path.DirectorySeparatorChar;
        var project = Path.Combine(RepositoryLayout.Root, ProjectDirectory);
        await DotnetCli.RunAsync(directory, "pack", project, "--no-build", "-c", configuration, "-o", feed,
            $"-p:VersionSuffix={versionSuffix}", $"-p:DeterministicTimestamp={Timestamp}", $"-p:NuspecOutputPath={nuspecs}");

        var nupkg = Directory.GetFiles(feed, $"{Id}.*.nupkg") is [var single] ? single : throw new InvalidOperationException($"Not one {Id} package in {feed}.");
        using var archive = ZipFile.OpenRead(nupkg);
        return new MiddlewarePackage(feed, Nuspec(ReadNuspec(archive), "version").Single().Value);
    }

    /// <summary>The nuspec at the root of a package.</summary>
    public static XDocument ReadNuspec(ZipArchive package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entry = package.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The nuspec's elements named <paramref name="localName"/> (whatever the schema version's namespace).</summary>
    public static IEnumerable<XElement> Nuspec(XDocument nuspec, string localName)
    {
        ArgumentNullException.ThrowIfNull(nuspec);
        return nuspec.Descendants().Where(e => e.Name.LocalName == localName);
    }
}
