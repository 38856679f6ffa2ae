using System.Diagnostics;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>The result of a finished Node.js script.</summary>
public sealed record NodeResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the repository's Node.js tool scripts (tools/node) to completion.</summary>
public static class NodeProcess
{
    /// <summary>Runs <c>node tools/node/&lt;script&gt; args…</c> and collects its output.</summary>
    public static async Task<NodeResult> RunAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        RepositoryLayout.EnsureNodeToolsInstalled();
        var startInfo = CreateStartInfo(script, arguments);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new NodeResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>A start description for <c>node tools/node/&lt;script&gt;</c> with redirected output.</summary>
    public static ProcessStartInfo CreateStartInfo(string script, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.NodeTools,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryLayout.NodeTools, script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE"] = "1";
        return startInfo;
    }
}
