using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>What `dotnet pack` of the middleware puts into its .nupkg and .snupkg.</summary>
[Collection(PackedMiddlewareTests.Name)]
public sealed class PackageContentsTests(PackedMiddlewareFixture fixture)
{
    private static readonly string Library = $"lib/net10.0/{MiddlewarePackage.Id}";

    private MiddlewarePackage Package => fixture.Package;

    [Fact]
    public void The_project_README_is_the_package_README_at_its_root()
    {
        using var package = ZipFile.OpenRead(Package.Nupkg);

        Assert.Equal("README.md", Nuspec(package, "readme").Single().Value);
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryLayout.Root, MiddlewarePackage.ProjectDirectory, "README.md")),
            ReadText(package, "README.md"));
    }

    [Fact]
    public void The_library_comes_with_XML_documentation_of_every_public_type()
    {
        using var package = ZipFile.OpenRead(Package.Nupkg);
        var documentation = XDocument.Parse(ReadText(package, $"{Library}.xml"));
        var documented = documentation.Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        using var library = new PEReader(ReadBytes(package, $"{Library}.dll"));
        var metadata = library.GetMetadataReader();
        var publicTypes = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(t => $"T:{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();

        Assert.Equal(MiddlewarePackage.Id, documentation.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.Contains("T:CognitoFunctions.Authentication.CognitoAuthenticationServiceCollectionExtensions", publicTypes);
        Assert.All(publicTypes, type => Assert.Contains(type, documented));
    }

    /// <summary>
    /// The public surface, kept small and changed on purpose only: a type added to or removed from the package shows
    /// here (and belongs in the package README).
    /// </summary>
    [Fact]
    public void The_public_types_are_exactly_the_documented_surface()
    {
        string[] surface =
        [
            "CognitoAllowAnonymousAttribute",
            "CognitoAuthenticationApplicationBuilderExtensions",
            "CognitoAuthenticationProblem",
            "CognitoAuthenticationServiceCollectionExtensions",
            "CognitoAuthenticationTelemetry",
            "CognitoAuthOptions",
            "CognitoClaimsPrincipalExtensions",
            "CognitoFunctionContextExtensions",
            "CognitoFunctionPolicy",
            "CognitoPoolKeyStatus",
            "CognitoToken",
            "CognitoTokenFailure",
            "CognitoTokenCheckContext",
            "CognitoTokenCheckResult",
            "CognitoTokenRequirement",
            "CognitoTokenUse",
            "CognitoTokenValidationResult",
            "CognitoTrustedPool",
            "ICognitoKeyStatus",
            "ICognitoTokenCheck",
            "ICognitoTokenValidator",
            "RequireCognitoTokenAttribute",
        ];
        using var package = ZipFile.OpenRead(Package.Nupkg);
        using var library = new PEReader(ReadBytes(package, $"{Library}.dll"));
        var metadata = library.GetMetadataReader();

        var publicTypes = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(t => (Namespace: metadata.GetString(t.Namespace), Name: metadata.GetString(t.Name)))
            .ToList();

        Assert.All(publicTypes, t => Assert.Equal("CognitoFunctions.Authentication", t.Namespace));
        Assert.Equal(surface.Order(StringComparer.Ordinal), publicTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void It_depends_on_the_packages_its_project_references_and_on_none_of_our_other_projects()
    {
        using var package = ZipFile.OpenRead(Package.Nupkg);
        var dependencies = Nuspec(package, "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal);
        var referenced = XDocument.Load(Path.Combine(RepositoryLayout.Root, MiddlewarePackage.ProjectDirectory, $"{MiddlewarePackage.Id}.csproj"))
            .Descendants("PackageReference")
            .Where(r => !string.Equals((string?)r.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.Ordinal);
        var ourOtherProjects = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != MiddlewarePackage.Id)
            .ToList();
        using var library = new PEReader(ReadBytes(package, $"{Library}.dll"));
        var metadata = library.GetMetadataReader();
        var assemblyReferences = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();

        Assert.Equal(referenced, dependencies);
        Assert.NotEmpty(ourOtherProjects);
        Assert.All(ourOtherProjects, project => Assert.DoesNotContain(project, assemblyReferences));
    }

    [Fact]
    public void It_declares_its_license_as_an_SPDX_expression()
    {
        using var package = ZipFile.OpenRead(Package.Nupkg);

        var license = Assert.Single(Nuspec(package, "license"));
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
    }

    [Fact]
    public void The_symbol_package_holds_the_portable_PDB_of_the_packed_library()
    {
        using var package = ZipFile.OpenRead(Package.Nupkg);
        using var symbols = ZipFile.OpenRead(Package.Snupkg);

        using var library = new PEReader(ReadBytes(package, $"{Library}.dll"));
        var codeView = library.ReadCodeViewDebugDirectoryData(library.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(ReadBytes(symbols, $"{Library}.pdb"));
        var pdbId = new BlobContentId(pdbProvider.GetMetadataReader().DebugMetadataHeader!.Id);

        Assert.Equal(codeView.Guid, pdbId.Guid);
    }

    /// <summary>
    /// The package names its repository and commit, and its PDB maps the sources to that repository at that commit,
    /// whether or not the clone has a remote (this test packs a clone's build, as a local `dotnet pack` does).
    /// </summary>
    [Fact]
    public async Task The_nuspec_names_the_repository_and_commit_and_the_PDBs_source_link_maps_every_tracked_source_there()
    {
        var root = RepositoryLayout.Root.TrimEnd('/');
        var commit = (await GitAsync(root, "rev-parse", "HEAD")).Trim();
        using var package = ZipFile.OpenRead(Package.Nupkg);
        using var symbols = ZipFile.OpenRead(Package.Snupkg);

        var repository = Assert.Single(Nuspec(package, "repository"));
        var url = (string)repository.Attribute("url")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(commit, (string?)repository.Attribute("commit"));
        Assert.Matches("^https://github\\.com/[^/]+/[^/]+$", url);
        Assert.Equal(url, Assert.Single(Nuspec(package, "projectUrl")).Value);

        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(ReadBytes(symbols, $"{Library}.pdb"));
        var pdb = pdbProvider.GetMetadataReader();
        var sourceLink = JsonNode.Parse(Encoding.UTF8.GetString(CustomDebugInformation(pdb, EntityHandle.ModuleDefinition, SourceLinkKind)!))!;
        var mapping = Assert.Single(sourceLink["documents"]!.AsObject());
        var documents = pdb.Documents.Select(d => (Handle: d, Name: pdb.GetString(pdb.GetDocument(d).Name))).ToList();

        // A CI build (ContinuousIntegrationBuild) maps the clone's folder to "/_" so the PDB holds no machine path; a
        // local build keeps the folder. Either way the source link maps that one prefix.
        var prefix = documents.Any(d => d.Name.StartsWith("/_/", StringComparison.Ordinal)) ? "/_" : root;
        Assert.Equal(prefix + "/*", mapping.Key);
        Assert.Equal($"{url.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal)}/{commit}/*", mapping.Value!.GetValue<string>());

        // Generated files (under obj/) are in no commit: their text is in the PDB instead.
        var generated = documents.Where(d => d.Name.Contains("/obj/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(generated);
        var notEmbedded = generated.Where(d => CustomDebugInformation(pdb, d.Handle, EmbeddedSourceKind) is null).Select(d => d.Name).ToList();
        Assert.True(notEmbedded.Count == 0, $"not embedded: {string.Join(", ", notEmbedded)}");
        Assert.All(documents.Except(generated), d => Assert.StartsWith(prefix + "/src/", d.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_build_is_deterministic_and_packing_it_again_gives_the_same_bytes()
    {
        using (var package = ZipFile.OpenRead(Package.Nupkg))
        using (var library = new PEReader(ReadBytes(package, $"{Library}.dll")))
        {
            Assert.Contains(library.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.Reproducible);
        }

        using var again = new TemporaryFolder("cognitofunctions-repack-");
        var suffix = Package.Version[(Package.Version.IndexOf('-', StringComparison.Ordinal) + 1)..];
        var repacked = await MiddlewarePackage.PackAsync(again.Path, suffix, PackedMiddlewareFixture.Configuration);

        Assert.Equal(await File.ReadAllBytesAsync(Package.Nupkg), await File.ReadAllBytesAsync(repacked.Nupkg));
        Assert.Equal(await File.ReadAllBytesAsync(Package.Snupkg), await File.ReadAllBytesAsync(repacked.Snupkg));
    }

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private static byte[]? CustomDebugInformation(MetadataReader pdb, EntityHandle parent, Guid kind) =>
        pdb.GetCustomDebugInformation(parent)
            .Select(pdb.GetCustomDebugInformation)
            .Where(information => pdb.GetGuid(information.Kind) == kind)
            .Select(information => pdb.GetBlobBytes(information.Value))
            .FirstOrDefault();

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var result = await ToolProcess.RunAsync(ToolProcess.CreateStartInfo("git", arguments, directory));
        return result.ExitCode == 0 ? result.StandardOutput : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.StandardError}");
    }

    private static IEnumerable<XElement> Nuspec(ZipArchive package, string localName) =>
        MiddlewarePackage.Nuspec(MiddlewarePackage.ReadNuspec(package), localName);

    private static string ReadText(ZipArchive package, string path)
    {
        using var reader = new StreamReader(Entry(package, path).Open());
        return reader.ReadToEnd();
    }

    private static MemoryStream ReadBytes(ZipArchive package, string path)
    {
        var bytes = new MemoryStream();
        using (var entry = Entry(package, path).Open())
        {
            entry.CopyTo(bytes);
        }

        bytes.Position = 0;
        return bytes;
    }

    private static ZipArchiveEntry Entry(ZipArchive package, string path) =>
        package.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"The package has no {path}; it has: {string.Join(", ", package.Entries.Select(e => e.FullName))}.");
}
