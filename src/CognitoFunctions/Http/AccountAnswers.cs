using System.Net;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Accounts;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Http;

/// <summary>Turns an account operation's result into the HTTP answer: the success body, or the failure's problem.</summary>
internal static class AccountAnswers
{
    public static Task<HttpResponseData> AnswerAsync<T, TBody>(
        this HttpRequestData request,
        AccountResult<T> result,
        HttpStatusCode status,
        Func<T, TBody> body,
        JsonTypeInfo<TBody> typeInfo) =>
        result.Failure is { } failure
            ? request.ProblemAsync(failure.ToProblem())
            : request.JsonAsync(status, body(result.Value!), typeInfo);

    public static async Task<HttpResponseData> AnswerAsync<T>(this HttpRequestData request, AccountResult<T> result, HttpStatusCode status) =>
        result.Failure is { } failure ? await request.ProblemAsync(failure.ToProblem()) : request.Empty(status);

    /// <summary>Reads and validates a JSON body: the model, or the answer to give instead.</summary>
    public static async Task<(T? Model, HttpResponseData? Rejection)> ReadAsync<T>(this HttpRequestData request, JsonTypeInfo<T> typeInfo, Func<T, Validation> validate)
        where T : class
    {
        if (Undelivered(request) is { } lost)
        {
            return (null, await request.ProblemAsync(lost));
        }

        var contentType = request.Headers.TryGetValues("content-type", out var types) ? string.Join(",", types) : null;
        var read = await JsonBodyReader.ReadAsync(contentType, ContentLength(request), request.Body, typeInfo, request.FunctionContext.CancellationToken);
        if (read.Problem is { } problem)
        {
            return (null, await request.ProblemAsync(problem));
        }

        var validation = validate(read.Value!);
        return validation.IsValid ? (read.Value, null) : (null, await request.ProblemAsync(validation.ToProblem()));
    }

    /// <summary>
    /// As <see cref="ReadAsync"/> for a body the client may leave out: <c>Content-Length: 0</c> gives (null, null). A body
    /// announced but not delivered (chunked, or no Content-Length at all) is refused as by <see cref="ReadAsync"/>.
    /// </summary>
    public static Task<(T? Model, HttpResponseData? Rejection)> ReadOptionalAsync<T>(this HttpRequestData request, JsonTypeInfo<T> typeInfo, Func<T, Validation> validate)
        where T : class =>
        ContentLength(request) == 0 && Undelivered(request) is null
            ? Task.FromResult<(T?, HttpResponseData?)>((null, null))
            : request.ReadAsync(typeInfo, validate);

    private static Problem? Undelivered(HttpRequestData request) =>
        JsonBodyReader.CheckDelivered(request.Method, ContentLength(request), request.Headers.Contains("transfer-encoding"));

    private static long? ContentLength(HttpRequestData request) =>
        request.Headers.TryGetValues("content-length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out var length) ? length : null;
}
