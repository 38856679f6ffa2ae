using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// azure-functionapp.bicep compiled (<c>bicep build</c>: the ARM JSON Azure receives) and evaluated for given parameters
/// (<c>bicep snapshot</c>: the resources a deployment would create). Both run offline in a temporary folder.
/// </summary>
internal static class AzureTemplate
{
    public const string FileName = "azure-functionapp.bicep";

    /// <summary>The folder of the dashboards, beside the template.</summary>
    public const string DashboardsFolder = "dashboards";

    /// <summary>The Azure Monitor workbook the template deploys (loaded with loadTextContent).</summary>
    public const string WorkbookFileName = "workbook.json";

    /// <summary>The workbook's path in the repository.</summary>
    public static string WorkbookPath => Path.Combine(RepositoryLayout.Root, DashboardsFolder, WorkbookFileName);

    /// <summary>The parameters without a default, with valid values: everything else stays at its default.</summary>
    public static readonly IReadOnlyDictionary<string, JsonNode?> Required = new Dictionary<string, JsonNode?>
    {
        ["awsAccountId"] = "123456789012",
        ["awsWebIdentityAudience"] = "api://cognito-functions-aws",
    };

    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string ResourceGroup = "rg-cognito-functions";

    private static readonly Lazy<Task<JsonObject>> Compiled = new(() => BuildAsync(Text));
    private static readonly Lazy<Task<AzureDeployment>> Defaults = new(() => SnapshotAsync(Required));

    public static string Text => File.ReadAllText(RepositoryLayout.AzureFunctionAppTemplate);

    /// <summary>The template as ARM JSON.</summary>
    public static Task<JsonObject> CompiledAsync() => Compiled.Value;

    /// <summary>A deployment with <see cref="Required"/> alone.</summary>
    public static Task<AzureDeployment> WithDefaultsAsync() => Defaults.Value;

    /// <summary>A deployment with <see cref="Required"/> and these parameters, of the template or of a changed copy.</summary>
    public static async Task<AzureDeployment> SnapshotAsync(IReadOnlyDictionary<string, JsonNode?> parameters, string? templateText = null)
    {
        using var folder = new TemporaryFolder("bicep-snapshot-");
        await WriteCopyAsync(folder, templateText ?? Text);
        var all = new Dictionary<string, JsonNode?>(Required);
        foreach (var (name, value) in parameters)
        {
            all[name] = value?.DeepClone();
        }

        await File.WriteAllTextAsync(folder.File("main.bicepparam"), BicepParameterFile.Write(FileName, all));
        var result = await BicepCli.RunAsync(
            [
                "snapshot", "main.bicepparam",
                "--subscription-id", SubscriptionId, "--resource-group", ResourceGroup,
                "--location", "westeurope", "--tenant-id", "00000000-0000-0000-0000-0000000000b2",
            ],
            folder.Path);
        Assert.True(result.ExitCode == 0 && File.Exists(folder.File("main.snapshot.json")), "bicep snapshot failed:\n" + result.StandardError + result.StandardOutput);

        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(folder.File("main.snapshot.json")))!.AsObject();
        Assert.True(snapshot["diagnostics"] is not JsonArray { Count: > 0 }, "bicep snapshot diagnostics: " + snapshot["diagnostics"]!.ToJsonString());
        return AzureDeployment.Parse(snapshot);
    }

    /// <summary>
    /// Writes a copy of the template into <paramref name="folder"/> with the files it loads at compile time (the
    /// workbook under dashboards/), so that the copy compiles as the original does; returns the copy's path.
    /// </summary>
    public static async Task<string> WriteCopyAsync(TemporaryFolder folder, string templateText)
    {
        Directory.CreateDirectory(folder.File(DashboardsFolder));
        File.Copy(WorkbookPath, folder.File(Path.Combine(DashboardsFolder, WorkbookFileName)));
        await File.WriteAllTextAsync(folder.File(FileName), templateText);
        return folder.File(FileName);
    }

    private static async Task<JsonObject> BuildAsync(string templateText)
    {
        using var folder = new TemporaryFolder("bicep-build-");
        await WriteCopyAsync(folder, templateText);
        var result = await BicepCli.RunAsync(["build", FileName, "--outfile", "template.json"], folder.Path);
        Assert.True(result.ExitCode == 0, "bicep build failed:\n" + result.StandardError + result.StandardOutput);
        return JsonNode.Parse(await File.ReadAllTextAsync(folder.File("template.json")))!.AsObject();
    }
}
