using System.Text.Json.Nodes;
using System.Xml.Linq;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// A function app that installs the middleware, as another team would write it: its own folder outside the repository
/// (none of our Directory.Build or Directory.Packages files apply), package references only, the worker packages at
/// the versions this repository uses, the middleware from the folder feed. Its sources are the files under
/// ConsumerApps/&lt;its HTTP model&gt;/.
/// </summary>
internal sealed class ConsumerApp
{
    private static readonly string[] WorkerPackages =
    [
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.Azure.Functions.Worker.Sdk",
    ];

    private readonly string _directory;
    private readonly MiddlewarePackage _package;

    private ConsumerApp(string directory, MiddlewarePackage package)
    {
        _directory = directory;
        _package = package;
    }

    /// <summary>The build output: what the functions test host runs.</summary>
    public string OutputDirectory => Path.Combine(_directory, "bin", "Release", "net10.0");

    /// <summary>Writes the app of <paramref name="model"/>, referencing <paramref name="package"/>, into <paramref name="directory"/>.</summary>
    public static ConsumerApp Create(string directory, MiddlewarePackage package, HttpModel model)
    {
        ArgumentNullException.ThrowIfNull(package);
        Directory.CreateDirectory(directory);
        foreach (var source in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ConsumerApps", model.ToString())))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(directory, "PackageConsumer.csproj"), ProjectFile(package, model));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(package.Feed));
        return new ConsumerApp(directory, package);
    }

    /// <summary>
    /// <c>dotnet build -c Release</c>, as its owners would run it. The worker SDK's inner WorkerExtensions project warns
    /// NU1603 (as in our apps); outside our Directory.Build files that is a warning, as in any user's build.
    /// </summary>
    public Task BuildAsync() => DotnetCli.RunAsync(_directory, "build", "-c", "Release");

    /// <summary>
    /// Deletes the copy of the middleware the app's restore extracted into the global packages folder: its version
    /// is this run's own, so nothing else uses it.
    /// </summary>
    public void RemoveRestoredPackage()
    {
        var assets = Path.Combine(_directory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return;
        }

        var folders = JsonNode.Parse(File.ReadAllText(assets))?["packageFolders"]?.AsObject() ?? [];
        foreach (var (folder, _) in folders)
        {
            var versions = Path.Combine(folder, MiddlewarePackage.Id.ToLowerInvariant());
            var restored = Path.Combine(versions, _package.Version.ToLowerInvariant());
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }

            if (Directory.Exists(versions) && !Directory.EnumerateFileSystemEntries(versions).Any())
            {
                Directory.Delete(versions);
            }
        }
    }

    // As the templates write it: the ASP.NET Core integration app has the HTTP extension for ASP.NET Core and the
    // shared framework it runs on instead of the built-in HTTP extension.
    private static string ProjectFile(MiddlewarePackage package, HttpModel model)
    {
        var central = XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var httpExtension = model == HttpModel.AspNetCoreIntegration
            ? "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore"
            : "Microsoft.Azure.Functions.Worker.Extensions.Http";
        var references = WorkerPackages.Append(httpExtension).Select(id => (Id: id, Version: central[id])).Append((MiddlewarePackage.Id, package.Version));
        return new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("AzureFunctionsVersion", "v4"),
                new XElement("OutputType", "Exe"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("Nullable", "enable")),
            model == HttpModel.AspNetCoreIntegration
                ? new XElement("ItemGroup", new XElement("FrameworkReference", new XAttribute("Include", "Microsoft.AspNetCore.App")))
                : null,
            new XElement("ItemGroup", references.Select(r =>
                new XElement("PackageReference", new XAttribute("Include", r.Id), new XAttribute("Version", r.Version)))),
            new XElement("ItemGroup",
                new XElement("None", new XAttribute("Update", "host.json"), new XAttribute("CopyToOutputDirectory", "PreserveNewest"))))
            .ToString();
    }

    // The folder feed first, then the sources this repository restores from (its nuget.config), nothing inherited.
    private static string NuGetConfig(string feed)
    {
        var sources = XDocument.Load(Path.Combine(RepositoryLayout.Root, "nuget.config")).Descendants("packageSources").Elements("add");
        return new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "middleware-under-test"), new XAttribute("value", feed)),
                    sources.Select(s => new XElement(s))))).ToString();
    }
}
