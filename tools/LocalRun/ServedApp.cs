using System.Text.Json;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// The function app a run serves: CognitoFunctions by default, or another app given by its build output
/// (<c>--app</c>), in either HTTP model (built-in or ASP.NET Core integration).
/// </summary>
/// <param name="Name">For the run's messages: CognitoFunctions, or the other app's assembly name.</param>
/// <param name="GivenBuildOutput">The other app's build output; null for CognitoFunctions, whose output is found when needed.</param>
/// <param name="FuncDirectory">Where <c>func start</c> runs: the project folder (func builds it) or the build output.</param>
/// <param name="SettingsDirectory">Where local.settings.json goes, unless the run is throw-away.</param>
/// <param name="Readiness">What tells, under func start, that the app answers.</param>
internal sealed record ServedApp(string Name, string? GivenBuildOutput, string FuncDirectory, string SettingsDirectory, ReadinessProbe Readiness)
{
    private const string WorkerConfig = "worker.config.json";

    /// <summary>
    /// The build output the functions test host runs (for CognitoFunctions: built with this tool, same configuration;
    /// looked up only here, since func start builds the project itself).
    /// </summary>
    public string BuildOutput => GivenBuildOutput ?? FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(ServedApp).Assembly);

    /// <summary>CognitoFunctions, served from its project folder.</summary>
    public static ServedApp Default { get; } = new(
        "CognitoFunctions",
        null,
        Path.Combine(RepositoryLayout.Root, "src", "CognitoFunctions"),
        Path.Combine(RepositoryLayout.Root, "src", "CognitoFunctions"),
        ReadinessProbe.AppHealth);

    /// <summary>The app whose build output is <paramref name="directory"/>; refused with the fix if it is not one.</summary>
    public static ServedApp FromBuildOutput(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.GetFullPath(directory);
        var config = Path.Combine(full, WorkerConfig);
        if (!File.Exists(config))
        {
            var hint = Directory.Exists(full) && Directory.EnumerateFiles(full, "*.csproj").Any()
                ? $" It is a project folder: build it (dotnet build) and give its output, e.g. {Path.Combine(directory, "bin", "Debug", "net10.0")}."
                : " Build the app (dotnet build) and give its build output, the folder holding worker.config.json, e.g. <project>/bin/Debug/net10.0.";
            throw new LocalRunException($"--app: {full} holds no {WorkerConfig}, so it is not a function app's build output.{hint}");
        }

        return new ServedApp(AssemblyName(config), full, full, full, ReadinessProbe.HostAnswers);
    }

    // worker.config.json names the app's dll (description.defaultWorkerPath), e.g. "MyApp.dll".
    private static string AssemblyName(string config)
    {
        try
        {
            var path = JsonNode.Parse(File.ReadAllText(config))?["description"]?["defaultWorkerPath"]?.GetValue<string>();
            return path is { Length: > 0 } ? Path.GetFileNameWithoutExtension(path) : Path.GetFileName(Path.GetDirectoryName(config)!);
        }
        catch (JsonException ex)
        {
            throw new LocalRunException($"--app: {config} is not valid JSON ({ex.Message}).", ex);
        }
    }
}
