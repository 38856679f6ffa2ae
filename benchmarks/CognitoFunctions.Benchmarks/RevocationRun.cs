using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// What a revocation check (<c>[RequireCognitoToken(CheckRevocation = true)]</c>) adds to a request, through the test
/// host and the real worker, paired: one client sends requests one at a time, and every round runs the four variants
/// slice by slice in turn (starting at a different one each round), so they share the host's load. Cognito is a
/// loopback server answering <c>GetUser</c> at once, so the figure for an unremembered token is the package's own cost
/// plus one loopback round trip; against real Cognito add the network round trip to the region (tens of milliseconds
/// from another cloud), once per token per <c>RevocationCheckInterval</c>. Every answer must be 200.
/// </summary>
internal static class RevocationRun
{
    private const int Slices = 10;
    private static readonly byte[] GetUserAnswer = """{"Username":"bench","UserAttributes":[{"Name":"sub","Value":"bench"}]}"""u8.ToArray();

    // Half of the bench tokens are access tokens; variants c and d each take a new one per request, warm-up included.
    public static int TokensNeeded(int rounds, int perSlice) => 2 * ((2 * (rounds + 1) * Slices * perSlice) + 1);

    public static async Task<string> RunAsync(BenchApp app, int rounds, int perSlice, TextWriter log)
    {
        var getUserCalls = 0;
        await using var cognito = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref getUserCalls);
            context.Response.ContentType = "application/x-amz-json-1.1";
            if (context.Request.Headers["X-Amz-Target"] != "AWSCognitoIdentityProviderService.GetUser")
            {
                context.Response.StatusCode = 400;
                return;
            }

            await context.Response.Body.WriteAsync(GetUserAnswer);
        });
        await using var host = await app.StartAsync(authentication: true, serviceUrl: cognito.Address);
        using var client = LoadRun.Client(host.BaseAddress, 1);

        var access = app.Tokens.Where(t => t.IsAccess).Select(t => t.Compact).ToArray();
        var repeated = access[0];
        var fresh = new Queue<string>(access.Skip(1));
        (string Name, string Path, Func<string> Token)[] variants =
        [
            ("a. `/api/private`, repeated token (validation cache hit)", "api/private", () => repeated),
            ("b. `/api/revocation-checked`, repeated token (answer remembered)", "api/revocation-checked", () => repeated),
            ("c. `/api/private`, a token never seen (signature checked)", "api/private", fresh.Dequeue),
            ("d. `/api/revocation-checked`, a token never seen (signature checked, GetUser asked)", "api/revocation-checked", fresh.Dequeue),
        ];

        var perRequest = variants.Select(_ => new double[rounds]).ToArray();
        var callsBefore = 0;
        for (var round = -1; round < rounds; round++)
        {
            if (round == 0)
            {
                callsBefore = Volatile.Read(ref getUserCalls);
            }

            for (var slice = 0; slice < Slices; slice++)
            {
                for (var step = 0; step < variants.Length; step++)
                {
                    var index = (step + Math.Max(round, 0)) % variants.Length;
                    var ticks = await TimeAsync(client, variants[index].Path, variants[index].Token, perSlice);
                    if (round >= 0)
                    {
                        perRequest[index][round] += ticks * 1_000_000.0 / Stopwatch.Frequency / (Slices * perSlice);
                    }
                }
            }

            log.WriteLine(round < 0 ? "revocation: warm-up done" : $"revocation: round {round + 1}/{rounds}");
        }

        var calls = Volatile.Read(ref getUserCalls) - callsBefore;
        var expectedCalls = rounds * Slices * perSlice;
        if (calls != expectedCalls)
        {
            throw new InvalidOperationException($"Expected {expectedCalls} GetUser calls in the measured rounds (one per unseen token), saw {calls}.");
        }

        var ratios = perRequest.Select(v => v.Select((t, r) => t / perRequest[0][r]).ToArray()).ToArray();
        var remembered = perRequest[1].Select((t, r) => t - perRequest[0][r]).ToArray();
        var asked = perRequest[3].Select((t, r) => t - perRequest[2][r]).ToArray();
        var report = new StringBuilder();
        report.AppendLine("## Revocation-checked functions\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"benchmarks/BenchFunctionApp through the test host (built-in HTTP model), one client sending one request at a time (keep-alive), `GET` with an access token. Cognito's `GetUser` is a loopback server that answers at once (the package's own cost plus one loopback round trip; against real Cognito add the round trip to its region). Paired: {rounds} rounds after one warm-up round, each of {Slices} slices × {perSlice} requests per variant, the variants' order rotating; a figure is the median over rounds of the mean time per request, and a ratio is to variant a of the same round. `GetUser` calls in the measured rounds: {calls} (one per unseen token on d, none on b). Load average after: {MachineInfo.LoadAverage()}.\n");
        report.AppendLine("| variant | median µs per request | min µs | max µs | median ratio to a |");
        report.AppendLine("|---|---|---|---|---|");
        for (var i = 0; i < variants.Length; i++)
        {
            report.AppendLine(FormattableString.Invariant($"| {variants[i].Name} | {Statistics.Median(perRequest[i]):0} | {perRequest[i].Min():0} | {perRequest[i].Max():0} | {Statistics.Median(ratios[i]):0.000}× |"));
        }

        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"A remembered answer adds **{Statistics.Median(remembered):0} µs** per request (median of the per-round differences b − a; per round: {string.Join(", ", remembered.Select(d => d.ToString("0", CultureInfo.InvariantCulture)))})."));
        report.AppendLine(FormattableString.Invariant($"Asking Cognito adds **{Statistics.Median(asked):0} µs** per request on loopback (median of d − c; per round: {string.Join(", ", asked.Select(d => d.ToString("0", CultureInfo.InvariantCulture)))}).\n"));
        return report.ToString();
    }

    private static async Task<long> TimeAsync(HttpClient client, string path, Func<string> token, int count)
    {
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token());
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            total += Stopwatch.GetTimestamp() - started;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        return total;
    }
}
