using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// Runs the .NET CLI as a user would, to completion: without the MSBuild variables of the test run that started it
/// (a build outside the repository may pick another SDK), without MSBuild nodes or a compiler server left behind.
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    private static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet args…</c> in <paramref name="workingDirectory"/>; returns its output, throws with it on failure.</summary>
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = ToolProcess.CreateStartInfo(Executable, [.. arguments, "-nodeReuse:false", "-p:UseSharedCompilation=false"], workingDirectory);
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        using var bound = new CancellationTokenSource(Bound);
        var result = await ToolProcess.RunAsync(startInfo, bound.Token);
        var output = result.StandardOutput + result.StandardError;
        return result.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"`dotnet {string.Join(' ', arguments)}` exited with {result.ExitCode}:\n{output}");
    }
}
