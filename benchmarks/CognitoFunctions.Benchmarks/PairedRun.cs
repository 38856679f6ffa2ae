using System.Diagnostics;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// The paired measurement: in one process, every round times every contender over its whole token set, the floor
/// included. A round is cut into slices: each contender runs its next slice of tokens in turn (starting at a
/// different contender each round), so that all contenders and the floor share the same few milliseconds of the
/// host's load. A contender's figure is the median over rounds of its time divided by the same round's floor time,
/// so drift between rounds (other load on the host, frequency changes) cancels out of the ratios. Warm-up rounds,
/// not measured, run every path until the JIT has settled (tier-1 code, with the runtime's default tiered PGO).
/// Every answer of every round is checked: a contender that throws or answers wrongly stops the run.
/// </summary>
internal static class PairedRun
{
    private const int Slices = 20;

    public static IReadOnlyList<ContenderFigures> Run(IReadOnlyList<Contender> contenders, int warmupRounds, int rounds, TextWriter log)
    {
        var floorIndex = contenders.ToList().FindIndex(c => c.Name == Contenders.Floor);
        var elapsed = contenders.Select(_ => new double[rounds]).ToArray();
        var allocated = new long[contenders.Count];
        for (var round = -warmupRounds; round < rounds; round++)
        {
            for (var slice = 0; slice < Slices; slice++)
            {
                for (var step = 0; step < contenders.Count; step++)
                {
                    var index = (step + Math.Max(round, 0)) % contenders.Count;
                    var contender = contenders[index];
                    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                    var ticks = Time(contender, slice);
                    var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                    if (round >= 0)
                    {
                        elapsed[index][round] += (double)ticks / contender.Tokens.Length;
                        allocated[index] += bytes;
                    }
                }
            }

            if (round == -1 || (round >= 0 && (round + 1) % 10 == 0))
            {
                log.WriteLine(round < 0 ? "warm-up done" : $"round {round + 1}/{rounds}");
            }
        }

        var microsecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;
        return
        [
            .. contenders.Select((contender, i) => new ContenderFigures(
                contender,
                [.. elapsed[i].Select(t => t * microsecondsPerTick)],
                [.. elapsed[i].Select((t, round) => t / elapsed[floorIndex][round])],
                (double)allocated[i] / rounds / contender.Tokens.Length)),
        ];
    }

    private static long Time(Contender contender, int slice)
    {
        var all = contender.Tokens;
        var tokens = all.AsSpan((slice * all.Length / Slices)..((slice + 1) * all.Length / Slices));
        var check = contender.AnswersRightly;
        var wrong = 0;
        var start = Stopwatch.GetTimestamp();
        foreach (var token in tokens)
        {
            if (!check(token))
            {
                wrong++;
            }
        }

        var ticks = Stopwatch.GetTimestamp() - start;
        if (wrong > 0)
        {
            throw new InvalidOperationException($"{contender.Name} answered {wrong} of {tokens.Length} tokens wrongly.");
        }

        return ticks;
    }
}
