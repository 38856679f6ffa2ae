namespace CognitoFunctions.Benchmarks;

/// <summary>One timed load run: requests per second, latency percentiles in milliseconds, requests answered.</summary>
internal sealed record LoadFigures(double Throughput, double P50, double P99, int Requests);
