using CognitoFunctions.Shared;

namespace CognitoFunctions.Tests;

public sealed class SingleFlightTests
{
    private readonly SingleFlight<int> _flight = new();
    private readonly TaskCompletionSource<int> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    [Fact]
    public async Task Concurrent_callers_share_one_call_and_the_next_caller_after_it_starts_another()
    {
        var callers = Enumerable.Range(0, 20).Select(_ => _flight.RunAsync(CallAsync)).ToList();
        _answer.SetResult(7);
        var results = await Task.WhenAll(callers);
        var next = _flight.RunAsync(CallAsync);

        Assert.All(results, r => Assert.Equal(7, r));
        Assert.Equal(7, await next);
        Assert.Equal(2, _calls);
        Assert.Null(_flight.InFlight);
    }

    [Fact]
    public async Task A_failure_reaches_every_caller_of_its_flight_and_is_not_kept_for_later_callers()
    {
        var callers = Enumerable.Range(0, 3).Select(_ => _flight.RunAsync(CallAsync)).ToList();
        var failure = new InvalidOperationException("down");
        _answer.SetException(failure);

        foreach (var caller in callers)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => caller));
        }

        Assert.Equal(5, await _flight.RunAsync(() => Task.FromResult(5)));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task A_caller_that_gives_up_ends_its_own_wait_and_not_the_call_the_others_wait_on()
    {
        using var impatient = new CancellationTokenSource();
        var leaving = _flight.RunAsync(CallAsync, impatient.Token);
        var staying = _flight.RunAsync(CallAsync);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.False(staying.IsCompleted);
        Assert.Same(staying, _flight.InFlight);
        _answer.SetResult(3);

        Assert.Equal(3, await staying);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task A_result_its_owner_publishes_under_the_shared_lock_is_seen_by_every_caller_that_finds_no_flight()
    {
        var gate = new Lock();
        var flight = new SingleFlight<int>(gate);
        int? cached = null;
        async Task<int> PublishAsync()
        {
            var value = await CallAsync();
            lock (gate)
            {
                cached = value;
            }

            return value;
        }

        Task<int> Read()
        {
            lock (gate)
            {
                return cached is { } value ? Task.FromResult(value) : flight.RunAsync(PublishAsync);
            }
        }

        var first = Read();
        _answer.SetResult(9);
        await first;
        var readers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Read()));

        Assert.All(readers, r => Assert.Equal(9, r));
        Assert.Equal(1, _calls);
    }

    private Task<int> CallAsync()
    {
        Interlocked.Increment(ref _calls);
        return _answer.Task;
    }
}
