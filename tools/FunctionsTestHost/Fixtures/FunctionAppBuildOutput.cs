using System.Reflection;
using System.Runtime.Versioning;

namespace CognitoFunctions.Testing.FunctionsHost.Fixtures;

/// <summary>
/// Finds a function app's build output without building anything: <c>&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;TFM&gt;</c>, with the
/// configuration and target framework of the calling assembly (a test project, the benchmarks or the local run, which builds the app through a ProjectReference
/// with <c>ReferenceOutputAssembly=false</c>).
/// </summary>
public static class FunctionAppBuildOutput
{
    /// <summary>The output folder of the app project at <paramref name="projectDirectory"/> (relative to the repository root).</summary>
    public static string Locate(string projectDirectory, Assembly caller)
    {
        var output = ProjectOutput(projectDirectory, caller);
        return File.Exists(Path.Combine(output, "worker.config.json"))
            ? output
            : throw new InvalidOperationException(
                $"No built function app in '{output}'. Build the solution first; the test project must reference {projectDirectory} with ReferenceOutputAssembly=false.");
    }

    /// <summary>Any project's output folder for the calling assembly's configuration and target framework.</summary>
    public static string ProjectOutput(string projectDirectory, Assembly caller)
    {
        var configuration = Configuration(caller);
        var framework = new FrameworkName(caller.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
            ?? throw new InvalidOperationException($"{caller.GetName().Name} carries no TargetFramework attribute."));
        var tfm = $"net{framework.Version.Major}.{framework.Version.Minor}";
        return Path.Combine(RepositoryRoot.Path, projectDirectory, "bin", configuration, tfm);
    }

    /// <summary>The build configuration of the calling assembly (Release, Debug), which its project references were built in.</summary>
    public static string Configuration(Assembly caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException($"{caller.GetName().Name} carries no AssemblyConfiguration attribute.");
    }
}
