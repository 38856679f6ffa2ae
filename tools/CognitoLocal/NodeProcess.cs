using System.Diagnostics;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>Runs the repository's Node.js tool scripts (tools/node) to completion.</summary>
public static class NodeProcess
{
    /// <summary>Runs <c>node tools/node/&lt;script&gt; args…</c> and collects its output.</summary>
    public static Task<ToolResult> RunAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        ToolProcess.RunAsync(CreateStartInfo(script, arguments), cancellationToken);

    /// <summary>
    /// A start description for <c>node tools/node/&lt;script&gt;</c> with redirected output. Every node start goes
    /// through here, so a fresh clone without <c>npm ci</c> fails here with the fix instead of with node's own error.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(string script, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        RepositoryLayout.EnsureNodeToolsInstalled();
        var startInfo = ToolProcess.CreateStartInfo(
            "node",
            [Path.Combine(RepositoryLayout.NodeTools, script), .. arguments],
            workingDirectory ?? RepositoryLayout.NodeTools);
        startInfo.Environment["AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE"] = "1";
        return startInfo;
    }
}
