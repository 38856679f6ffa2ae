using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Authentication.Tests.Support;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CognitoFunctions.Tests.Http;

/// <summary>The outermost step of the worker pipeline: what escapes below it, and what it must leave alone.</summary>
public sealed class UnhandledExceptionMiddlewareTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private const string SecretMarker = "Password=Sup3r-Secret-Marker";

    private readonly FakeLogger<UnhandledExceptionMiddleware> _logger = new();

    private UnhandledExceptionMiddleware Middleware => new(_logger);

    [Fact]
    public async Task A_function_that_throws_gets_an_internal_error_problem_with_the_trace_id_and_one_log_line_naming_the_cause()
    {
        var (context, _) = HttpInvocation();
        var thrown = new InvalidOperationException($"Unforeseen: {SecretMarker}");

        var answer = (FakeHttpResponseData)(await Middleware.RunAsync(context, _ => throw thrown))!;

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", answer.Header("Content-Type"));
        var body = JsonNode.Parse(answer.BodyText())!;
        Assert.Equal(("/problems/internal-error", 500), (body["type"]!.GetValue<string>(), body["status"]!.GetValue<int>()));
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", body["traceId"]!.GetValue<string>());
        Assert.Equal("/api/user/login", body["instance"]!.GetValue<string>());
        Assert.DoesNotContain(SecretMarker, answer.BodyText(), StringComparison.Ordinal);

        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Same(thrown, log.Exception);
        Assert.Contains("LogIn", log.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", log.Message, StringComparison.Ordinal);
        Assert.Contains("0af7651916cd43dd8448eb211c80319c", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_given_without_throwing_is_left_alone_and_nothing_is_logged()
    {
        var (context, request) = HttpInvocation();
        var ran = false;

        // As the authentication middleware's early 401: it sets its answer and returns.
        var answer = await Middleware.RunAsync(context, c =>
        {
            ran = true;
            request.CreateResponse(HttpStatusCode.Unauthorized);
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.Null(answer);
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task A_cancelled_invocation_stays_cancelled_rather_than_becoming_a_500()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var (context, _) = HttpInvocation(cancelled.Token);

        await Assert.ThrowsAsync<TaskCanceledException>(() => Middleware.RunAsync(context, c => Task.Delay(Timeout.Infinite, c.CancellationToken)));

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task The_workers_wrapping_of_a_function_exception_is_seen_through()
    {
        // The worker's invoker rethrows what a function's task failed with as an AggregateException of one.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var (cancelledContext, _) = HttpInvocation(cancelled.Token);
        var (failedContext, _) = HttpInvocation();

        await Assert.ThrowsAsync<AggregateException>(() => Middleware.RunAsync(cancelledContext, _ => throw new AggregateException(new TaskCanceledException())));
        var answer = (FakeHttpResponseData)(await Middleware.RunAsync(failedContext, _ => throw new AggregateException(new FormatException("unreadable"))))!;

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("System.FormatException", Assert.Single(_logger.Collector.GetSnapshot()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_the_host_did_not_ask_for_is_unforeseen_like_any_other_exception()
    {
        // E.g. an HttpClient timeout escaping a function: the invocation itself was not cancelled.
        var (context, _) = HttpInvocation();

        var answer = (FakeHttpResponseData)(await Middleware.RunAsync(context, _ => throw new TaskCanceledException("A timeout.")))!;

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.IsType<TaskCanceledException>(Assert.Single(_logger.Collector.GetSnapshot()).Exception);
    }

    [Fact]
    public async Task A_trigger_other_than_HTTP_keeps_its_exception_for_the_hosts_own_handling()
    {
        var context = new FakeFunctionContext(new FakeFunctionDefinition("App.Queue.Run", typeof(UnhandledExceptionMiddlewareTests).Assembly.Location, "Queue", http: false));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware.RunAsync(context, _ => throw new InvalidOperationException("queue")));

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    private static (FakeFunctionContext Context, FakeHttpRequestData Request) HttpInvocation(CancellationToken cancellationToken = default)
    {
        var definition = new FakeFunctionDefinition("CognitoFunctions.Endpoints.LogIn.LogInFunction.RunAsync", typeof(UnhandledExceptionMiddlewareTests).Assembly.Location, "LogIn");
        var context = new FakeFunctionContext(definition, TraceParent, cancellationToken);
        var request = new FakeHttpRequestData(context, "https://app.example.com/api/user/login");
        context.Features.Set<IHttpRequestDataFeature>(new RequestFeature(request));
        return (context, request);
    }

    private sealed class RequestFeature(HttpRequestData request) : IHttpRequestDataFeature
    {
        public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult<HttpRequestData?>(request);
    }
}
