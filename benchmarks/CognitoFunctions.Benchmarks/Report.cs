using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using BenchmarkDotNet.Attributes;
using CognitoFunctions.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>The dated markdown report: machine, versions, method, raw figures, ratios, and each goal met or missed by how much.</summary>
internal sealed class Report(
    BenchFixture fixture,
    IReadOnlyList<ContenderFigures> paired,
    int rounds,
    int warmup,
    string loadBefore,
    string loadAfterPaired,
    (int FirstSight, int Cached) fetchesBefore,
    (int FirstSight, int Cached) fetchesAfter)
{
    private static readonly Dictionary<string, long> AllocationGoals = new()
    {
        ["d. ours, first sight + principal"] = 4096,
        ["e. ours, repeated token (cache hit)"] = 0,
    };

    public IReadOnlyList<(string Name, double? Nanoseconds, long? BytesPerCall)>? Allocations { get; set; }

    public string? LoadAfterAllocations { get; set; }

    public string PairedTable()
    {
        var text = new StringBuilder();
        text.AppendLine("| contender | tokens | µs per token (median) | ratio to floor: median | min | max | bytes per token (thread) | goal | verdict |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var f in paired)
        {
            text.AppendLine(Invariant($"| {f.Contender.Name} | {f.Contender.Tokens.Length} | {f.MedianMicroseconds:F2} | {f.MedianRatio:F3}× | {f.MinRatio:F3}× | {f.MaxRatio:F3}× | {f.BytesPerToken:F0} | {f.Contender.Goal ?? "—"} | {Verdict(f.MedianRatio, f.Contender.GoalRatio)} |"));
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var tokenLengths = fixture.Valid.Select(t => t.Compact.Length).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Token validation benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine();
        text.AppendLine("Written by `scripts/benchmarks.sh`. Timing goals are checked here, never in CI.");
        text.AppendLine();
        text.AppendLine("## Machine and software");
        text.AppendLine();
        text.AppendLine(Invariant($"- Cores (`nproc`): {Environment.ProcessorCount}; CPU: {MachineInfo.CpuModel()}"));
        text.AppendLine(Invariant($"- Load average (1, 5, 15 min): {loadBefore} at the start, {loadAfterPaired} after the paired run{(LoadAfterAllocations is null ? string.Empty : $", {LoadAfterAllocations} after the allocation run")}. Other builds shared the host."));
        text.AppendLine(Invariant($"- Runtime: {MachineInfo.Runtime}; JIT and GC: {MachineInfo.JitSettings()}"));
        text.AppendLine(Invariant($"- Packages: CognitoFunctions.Authentication {MachineInfo.VersionOf(typeof(ICognitoTokenValidator))}, Microsoft.IdentityModel.JsonWebTokens {MachineInfo.VersionOf(typeof(JsonWebTokenHandler))}, System.IdentityModel.Tokens.Jwt {MachineInfo.VersionOf(typeof(JwtSecurityTokenHandler))}, BenchmarkDotNet {MachineInfo.VersionOf(typeof(BenchmarkAttribute))}"));
        text.AppendLine();
        text.AppendLine("## Method");
        text.AppendLine();
        text.AppendLine(Invariant($"- Tokens generated at run time: two RSA-2048 keys (one signs the ID tokens, the other the access tokens, as a pool publishes two), {fixture.Valid.Length / 2} distinct ID and {fixture.Valid.Length / 2} distinct access tokens of Cognito's shape (iss, sub, aud or client_id, token_use, auth_time, iat, exp, jti, origin_jti, event_id, email, email_verified, cognito:username or username, cognito:groups, scope, version), {tokenLengths.Min()}–{tokenLengths.Max()} characters; {fixture.Rejected.First().Value.Length} distinct tokens of each rejected kind, all signed."));
        text.AppendLine(Invariant($"- Paired: one process; {warmup} warm-up rounds (not measured, so every path runs tier-1 code), then {rounds} rounds; each round times every contender over its whole token set and the floor too, cut into 20 slices that the contenders take in turn (starting at a different contender each round), so that all of them share the same moments of the host's load. A figure is the median over rounds of (contender's time per token ÷ that round's floor time per token); min and max over rounds beside it. Every answer is checked: the floor and the accepting contenders must accept every token, the rejecting ones must reject each token for the stated reason."));
        text.AppendLine("- Bytes per token (thread): `GC.GetAllocatedBytesForCurrentThread` around each contender's measured rounds, divided by tokens; BenchmarkDotNet's MemoryDiagnoser (short job, in process) below measures the same calls independently.");
        text.AppendLine("- Stock handlers: `MapInboundClaims = false`, `ValidIssuer`, `ValidAudience` (ID tokens), lifetime with 30 s skew, `ValidAlgorithms = RS256`, keys from `JsonWebKeySet.Create(jwks).GetSigningKeys()`. Access tokens have no `aud`: audience validation is off for them and the caller reads `client_id` from the identity and compares it (as any Cognito middleware on the stock handler must); `token_use` and `sub` are read for both. The benchmark passes the stock handler the right parameter set for the token kind (a real middleware would first have to peek at `token_use`), which favours the stock handler slightly.");
        text.AppendLine("- Ours: `AddCognitoAuthentication` over in-memory configuration (one trusted pool, default options otherwise), `ICognitoTokenValidator` from DI; the JWKS is answered from memory by a handler in front of the HTTP client (no network). First sight uses a validator with `CacheSize = 0`, so every call is a full validation; the cache-hit contender uses the default cache, filled before the run. `PenaltyWindow = 01:00:00` keeps the unknown-kid contender inside one penalty window.");
        text.AppendLine(Invariant($"- JWKS fetches: {fetchesBefore.FirstSight} + {fetchesBefore.Cached} at set-up (one per validator), {fetchesAfter.FirstSight - fetchesBefore.FirstSight} + {fetchesAfter.Cached - fetchesBefore.Cached} during warm-up and measured rounds (unknown kid included)."));
        text.AppendLine();
        text.AppendLine("## Paired figures (ratios to the floor in the same round)");
        text.AppendLine();
        text.Append(PairedTable());
        text.AppendLine();
        text.AppendLine("What each contender does:");
        text.AppendLine();
        foreach (var f in paired)
        {
            text.AppendLine(Invariant($"- **{f.Contender.Name}**: {f.Contender.Description}."));
        }

        text.AppendLine();
        if (Allocations is not null)
        {
            text.AppendLine("## Allocations (BenchmarkDotNet 0.15.8, MemoryDiagnoser, ShortRun job, in process)");
            text.AppendLine();
            text.AppendLine("Times here come from a separate short job and are for reference only: the ratios above are the figures.");
            text.AppendLine();
            text.AppendLine("| benchmark | median ns per call | bytes allocated per call | goal | verdict |");
            text.AppendLine("|---|---:|---:|---|---|");
            foreach (var (name, nanoseconds, bytes) in Allocations)
            {
                var goal = AllocationGoals.TryGetValue(name, out var limit) ? (long?)limit : null;
                text.AppendLine(Invariant($"| {name} | {nanoseconds:F0} | {bytes} | {(goal is { } g ? $"≤ {g} B" : "—")} | {AllocationVerdict(bytes, goal)} |"));
            }

            text.AppendLine();
        }

        text.AppendLine("## Reading the figures");
        text.AppendLine();
        text.AppendLine("- Ours checks structure, `alg`, `kid`, claim types and duplicates, `iss`, `token_use`, the client and `exp`/`nbf` on the decoded bytes before it pays for RSA, and returns a result instead of throwing: so expired, foreign-issuer, wrong-client and unknown-kid tokens cost a parse and no signature check, while the stock handler verifies the signature first and then builds an exception for an expired token.");
        text.AppendLine("- First sight is one RSA verification plus a stack-buffer parse and one `CognitoToken`; the `ClaimsPrincipal` is built only when a function asks for it (once per invocation), which is the difference between d and d'.");
        text.AppendLine("- A repeated token is a dictionary lookup keyed by the token string itself (ordinal), no hashing of our own and no allocation.");
        text.AppendLine("- min and max show single rounds disturbed by other processes on this shared host; the medians are the figures.");
        text.AppendLine();
        return text.ToString();
    }

    private static string Verdict(double ratio, double? goal) => goal switch
    {
        null => "—",
        { } g when ratio <= g => "met",
        { } g => Invariant($"missed by {(ratio / g - 1) * 100:F1} %"),
    };

    private static string AllocationVerdict(long? bytes, long? goal) => (bytes, goal) switch
    {
        (_, null) => "—",
        (null, _) => "not measured",
        ({ } b, { } g) when b <= g => "met",
        ({ } b, { } g) => Invariant($"missed by {b - g} B"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
