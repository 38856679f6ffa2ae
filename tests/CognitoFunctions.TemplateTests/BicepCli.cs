using System.Reflection;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// The pinned Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64, restored with this project): compiles, lints
/// and evaluates templates offline.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>The CLI binary inside the restored package.</summary>
    public static string Path => Executable.Value;

    /// <summary>Runs <c>bicep args…</c> in <paramref name="workingDirectory"/> and collects its output.</summary>
    public static Task<ToolResult> RunAsync(IEnumerable<string> arguments, string workingDirectory) =>
        ToolProcess.RunAsync(ToolProcess.CreateStartInfo(Path, arguments, workingDirectory));

    /// <summary>
    /// Runs scripts/bicep-check.sh (build and lint, failing on any diagnostic: the gate of scripts/test.sh) on a template,
    /// with this build's CLI.
    /// </summary>
    public static Task<ToolResult> CheckAsync(string template)
    {
        var startInfo = ToolProcess.CreateStartInfo(
            "bash",
            [System.IO.Path.Combine(RepositoryLayout.Root, "scripts", "bicep-check.sh"), template],
            RepositoryLayout.Root);
        startInfo.Environment["BICEP_CLI"] = Path;
        return ToolProcess.RunAsync(startInfo);
    }

    private static string Locate()
    {
        var package = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCliPackage").Value;
        var path = System.IO.Path.Combine(package ?? "", "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}: restore the solution (scripts/test.sh does it).");
        }

        // NuGet does not promise to keep the executable bit of a package's files.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
