using System.Reflection;
using System.Runtime.InteropServices;

namespace CognitoFunctions.Benchmarks;

/// <summary>What the report says about the machine and the software measured.</summary>
internal static class MachineInfo
{
    public static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?[(line.IndexOf(':') + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

    public static string Runtime => $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})";

    public static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The JIT and GC settings in force, as environment variables set them (none set: the runtime's defaults).</summary>
    public static string JitSettings()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && (k.Contains("Tiered", StringComparison.Ordinal) || k.Contains("GC", StringComparison.Ordinal) || k.Contains("ReadyToRun", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}")
            .ToList();
        return set.Count == 0 ? "runtime defaults (TieredCompilation on, TieredPGO on, workstation non-concurrent GC)" : string.Join(", ", set);
    }
}
