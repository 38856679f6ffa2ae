namespace CognitoFunctions.Benchmarks;

/// <summary>
/// One timed load run: requests per second, latency percentiles in milliseconds, requests answered, and the CPU time
/// per request in microseconds of the worker process and of this process (the load client and the test host).
/// </summary>
internal sealed record LoadFigures(double Throughput, double P50, double P99, int Requests, double WorkerCpuMicroseconds, double ClientAndHostCpuMicroseconds);
