using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CognitoFunctions.Benchmarks;

/// <summary>Runs <see cref="AllocationBenchmarks"/> in this process (BenchmarkDotNet's short job) and returns bytes and times per call.</summary>
internal static class AllocationRun
{
    public static IReadOnlyList<(string Name, double? Nanoseconds, long? BytesPerCall)> Run(BenchFixture fixture)
    {
        AllocationBenchmarks.Fixture = fixture;

        // In process: the generated out-of-process project would inherit this repository's build rules (locked
        // restore, warnings as errors), and allocations do not depend on the process anyway.
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cognitofunctions-benchmarkdotnet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<AllocationBenchmarks>(config);
        return
        [
            .. summary.Reports.Select(report => (
                report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                report.ResultStatistics?.Median,
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase))),
        ];
    }
}
