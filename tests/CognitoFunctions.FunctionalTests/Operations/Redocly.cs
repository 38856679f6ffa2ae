using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>
/// Redocly CLI, the OpenAPI linter pinned in tools/node, with the rules of tools/node/redocly.yaml and the exceptions
/// of tools/node/.redocly.lint-ignore.yaml (which name the document <c>openapi.json</c> beside them).
/// </summary>
internal static class Redocly
{
    private const string Cli = "node_modules/@redocly/cli/bin/cli.js";
    private const string Config = "redocly.yaml";
    private const string IgnoreFile = ".redocly.lint-ignore.yaml";

    /// <summary>Lints the document; the report is JSON on standard output (totals and problems).</summary>
    public static async Task<ToolResult> LintAsync(byte[] document)
    {
        using var folder = new TemporaryFolder("openapi-lint-");
        await File.WriteAllBytesAsync(folder.File("openapi.json"), document);
        File.Copy(Path.Combine(RepositoryLayout.NodeTools, Config), folder.File(Config));
        File.Copy(Path.Combine(RepositoryLayout.NodeTools, IgnoreFile), folder.File(IgnoreFile));
        var startInfo = NodeProcess.CreateStartInfo(Cli, ["lint", folder.File("openapi.json"), "--config", folder.File(Config), "--format", "json"], folder.Path);
        // Nothing leaves the machine: no usage telemetry, no check for a newer version.
        startInfo.Environment["REDOCLY_TELEMETRY"] = "off";
        startInfo.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        return await ToolProcess.RunAsync(startInfo);
    }
}
