using CognitoFunctions.Benchmarks;

// Modes: --enumeration-timing [--pairs N] (the real app against cognito-local: can timing tell a known email from an
// unknown one?); --e2e or --cold-start (the bench function app through the test host; with --smoke a short pass that checks
// statuses, no timing meant) with [--rounds N] [--seconds S] [--concurrency C] [--pairs N] [--report PATH (appended to)];
// --http-models (the same functions in the built-in model and in ASP.NET Core integration, both through the test host:
// load, memory, cold start; --smoke checks statuses only) with the same options;
// --revocation (what [RequireCognitoToken(CheckRevocation = true)] adds per request, remembered and not, through the
// test host with a loopback GetUser; --smoke checks statuses only) with [--rounds N] [--report PATH];
// --smoke (seconds; checks every contender answers rightly, asserts no timing), or the full run:
// [--rounds N] [--warmup N] [--report PATH] [--no-allocations]; or --export PATH (the tokens for the Node peer, then exit).
var smoke = args.Contains("--smoke");
var rounds = Option("--rounds") ?? (smoke ? 3 : 41);
var warmup = Option("--warmup") ?? (smoke ? 1 : 6);
var validPerUse = smoke ? 20 : 1_000;
var rejectedPerKind = smoke ? 20 : 250;
var reportPath = args.SkipWhile(a => a != "--report").Skip(1).FirstOrDefault();
var loadBefore = MachineInfo.LoadAverage();

if (args.Contains("--enumeration-timing"))
{
    var timing = await EnumerationTimingRun.RunAsync(Option("--pairs") ?? (smoke ? 2 : 60), smoke, Console.Out);
    Console.WriteLine(timing);
    if (reportPath is not null)
    {
        await File.AppendAllTextAsync(reportPath, timing);
    }

    return 0;
}

if (args.Contains("--http-models"))
{
    await using var app = await BenchApp.CreateAsync(smoke ? 8 : 512);
    var duration = Option("--seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMilliseconds(smoke ? 250 : 3_000);
    var section = await HttpModelsRun.RunAsync(app, Option("--rounds") ?? (smoke ? 1 : 6), duration, Option("--concurrency") ?? 16, Option("--pairs") ?? (smoke ? 1 : 7), Console.Out);
    Console.WriteLine(section);
    if (smoke)
    {
        Console.WriteLine("smoke: every status and body was checked in every variant; the timings of so short a run measure nothing.");
    }

    if (reportPath is not null)
    {
        await File.AppendAllTextAsync(reportPath, section);
    }

    return 0;
}

if (args.Contains("--revocation"))
{
    var revocationRounds = Option("--rounds") ?? (smoke ? 1 : 9);
    var perSlice = smoke ? 2 : 20;
    await using var app = await BenchApp.CreateAsync(RevocationRun.TokensNeeded(revocationRounds, perSlice));
    var section = await RevocationRun.RunAsync(app, revocationRounds, perSlice, Console.Out);
    Console.WriteLine(section);
    if (smoke)
    {
        Console.WriteLine("smoke: every answer was 200 and GetUser was asked once per unseen token; the timings of so short a run measure nothing.");
    }

    if (reportPath is not null)
    {
        await File.AppendAllTextAsync(reportPath, section);
    }

    return 0;
}

if (args.Contains("--e2e") || args.Contains("--cold-start"))
{
    await using var app = await BenchApp.CreateAsync(smoke ? 8 : 512);
    var section = args.Contains("--e2e")
        ? await EndToEndRun.RunAsync(app, Option("--rounds") ?? (smoke ? 1 : 6), Option("--seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMilliseconds(smoke ? 250 : 3_000), Option("--concurrency") ?? 16, smoke, Console.Out)
        : await ColdStartRun.RunAsync(app, Option("--pairs") ?? (smoke ? 1 : 7), Console.Out);
    Console.WriteLine(section);
    if (reportPath is not null)
    {
        await File.AppendAllTextAsync(reportPath, section);
    }

    return 0;
}

Console.WriteLine($"generating {validPerUse} ID + {validPerUse} access tokens and {rejectedPerKind} of each rejected kind (two RSA-2048 keys)...");
using var fixture = await BenchFixture.CreateAsync(validPerUse, rejectedPerKind);
var exportPath = args.SkipWhile(a => a != "--export").Skip(1).FirstOrDefault();
if (exportPath is not null)
{
    await TokenExport.WriteAsync(fixture, exportPath);
    Console.WriteLine($"{fixture.Valid.Length} tokens and their JWKS written to {exportPath}");
    return 0;
}

var fetchesBefore = (fixture.FirstSightJwks.Requests, fixture.CachedJwks.Requests);
var contenders = Contenders.All(fixture);
var paired = PairedRun.Run(contenders, warmup, rounds, Console.Out);
var fetchesAfter = (fixture.FirstSightJwks.Requests, fixture.CachedJwks.Requests);
var loadAfterPaired = MachineInfo.LoadAverage();
var report = new Report(fixture, paired, rounds, warmup, loadBefore, loadAfterPaired, fetchesBefore, fetchesAfter);
Console.WriteLine(report.PairedTable());
if (smoke)
{
    Console.WriteLine("smoke: every answer was checked; the times of so few, barely warmed rounds measure nothing (run scripts/benchmarks.sh).");
}

if (fetchesAfter != fetchesBefore || fetchesBefore != (1, 1))
{
    Console.Error.WriteLine($"JWKS fetches: {fetchesBefore} after set-up, {fetchesAfter} after the run; expected one per validator and none after warm-up.");
    return 1;
}

if (!smoke && !args.Contains("--no-allocations"))
{
    report.Allocations = AllocationRun.Run(fixture);
    report.LoadAfterAllocations = MachineInfo.LoadAverage();
}

if (reportPath is not null)
{
    await File.WriteAllTextAsync(reportPath, report.Markdown());
    Console.WriteLine($"report written to {reportPath}");
}

return 0;

int? Option(string name)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
