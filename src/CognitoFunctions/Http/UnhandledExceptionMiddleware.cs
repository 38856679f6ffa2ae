using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Http;

/// <summary>
/// The outermost step of the worker pipeline (registered first): whatever escapes the middleware after it or a
/// function becomes a <c>/problems/internal-error</c> 500 with the invocation's trace id, and one log line names
/// the function and the exception. Without it the host answers a bare 500 with an empty body. Answers given
/// without throwing (the authentication middleware's 401/403/503) pass untouched; a cancelled invocation stays
/// cancelled, and a trigger other than HTTP keeps the host's own failure handling.
/// </summary>
internal sealed partial class UnhandledExceptionMiddleware(ILogger<UnhandledExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private const string Detail = "The error has been logged; quote the traceId when reporting it.";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (await RunAsync(context, next) is { } answer)
        {
            InvocationHttpResponse.Set(context, answer);
        }
    }

    /// <summary>Runs the rest of the pipeline; the internal-error answer when it threw, or null when it did not.</summary>
    internal async Task<HttpResponseData?> RunAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
            return null;
        }
        catch (Exception exception) when (!IsCancellation(exception, context))
        {
            if (await context.GetHttpRequestDataAsync() is not { } request)
            {
                throw;
            }

            var traceId = HttpResponses.TraceId(request);
            LogUnhandled(logger, context.FunctionDefinition.Name, Cause(exception).GetType().FullName, traceId, exception);
            return await request.ProblemAsync(new Problem(ProblemKind.InternalError, Detail));
        }
    }

    // The host cancelled the invocation (the client went away, the host is stopping): nobody waits for an answer.
    private static bool IsCancellation(Exception exception, FunctionContext context) =>
        Cause(exception) is OperationCanceledException && context.CancellationToken.IsCancellationRequested;

    // The worker's invoker hands a function's exception on wrapped in an AggregateException of one.
    private static Exception Cause(Exception exception) =>
        exception is AggregateException { InnerExceptions: [var inner] } ? Cause(inner) : exception;

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Function {Function} failed with an unhandled {ExceptionType}; answered 500 /problems/internal-error, traceId {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, string function, string? exceptionType, string traceId, Exception exception);
}
