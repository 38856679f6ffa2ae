using BenchmarkDotNet.Attributes;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// BenchmarkDotNet's view of a, b, d and e, for the allocation figures (its times come from a separate, short job
/// and are reported for reference only: the ratios come from the paired run). Each call takes the next valid token,
/// so first sight stays first sight (the validator behind it has its cache off).
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private int _next;

    internal static BenchFixture? Fixture { get; set; }

    private static BenchFixture F => Fixture ?? throw new InvalidOperationException("The fixture is set before the run.");

    [Benchmark(Baseline = true, Description = "a. floor")]
    public bool Floor() => Contenders.VerifyFloor(F, Next());

    [Benchmark(Description = "b. JsonWebTokenHandler + ClaimsIdentity")]
    public bool StockWithIdentity() => Contenders.Stock(F, Next());

    [Benchmark(Description = "d. ours, first sight + principal")]
    public bool OursFirstSight() => Contenders.OursFirstSight(F, Next());

    [Benchmark(Description = "d'. ours, first sight, CognitoToken only")]
    public bool OursTokenOnly() => Contenders.OursTokenOnly(F, Next());

    [Benchmark(Description = "e. ours, repeated token (cache hit)")]
    public bool OursCacheHit() => Contenders.OursCached(F, Next());

    private BenchToken Next()
    {
        var tokens = F.Valid;
        var token = tokens[_next];
        _next = _next + 1 == tokens.Length ? 0 : _next + 1;
        return token;
    }
}
