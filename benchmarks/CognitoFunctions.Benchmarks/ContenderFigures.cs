namespace CognitoFunctions.Benchmarks;

/// <summary>A contender's figures over the measured rounds: time per token and its ratio to the same round's floor.</summary>
internal sealed class ContenderFigures(Contender contender, double[] microseconds, double[] ratios, double bytesPerToken)
{
    public Contender Contender { get; } = contender;

    public double MedianMicroseconds { get; } = Statistics.Median(microseconds);

    public double MedianRatio { get; } = Statistics.Median(ratios);

    public double MinRatio { get; } = ratios.Min();

    public double MaxRatio { get; } = ratios.Max();

    /// <summary>Bytes allocated on the measuring thread per token, over all measured rounds.</summary>
    public double BytesPerToken { get; } = bytesPerToken;
}
