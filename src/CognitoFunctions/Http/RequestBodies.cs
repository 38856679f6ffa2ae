using System.Diagnostics.CodeAnalysis;

namespace CognitoFunctions.Http;

/// <summary>A request body read: its validated form, or the answer to give instead.</summary>
internal readonly record struct BodyRead<TValid>(TValid? Valid, HttpResponseData? Rejection)
    where TValid : class
{
    [MemberNotNullWhen(true, nameof(Rejection))]
    [MemberNotNullWhen(false, nameof(Valid))]
    public bool Rejected => Rejection is not null;

    public static BodyRead<TValid> Accept(TValid valid) => new(valid, null);

    public static BodyRead<TValid> Reject(HttpResponseData rejection) => new(null, rejection);
}

/// <summary>Reads and validates a function's JSON request body: the validated form, or the answer to give instead.</summary>
internal static class RequestBodies
{
    /// <summary>Reads a required body and checks every field against its rule.</summary>
    public static async Task<BodyRead<TValid>> ReadAsync<TRequest, TValid>(
        this HttpRequestData request, RequestBody<TRequest, TValid> body, FieldContext context)
        where TRequest : class
        where TValid : class
    {
        if (Undelivered(request) is { } lost)
        {
            return BodyRead<TValid>.Reject(await request.ProblemAsync(lost));
        }

        var contentType = request.Headers.TryGetValues("content-type", out var types) ? string.Join(",", types) : null;
        var read = await JsonBodyReader.ReadAsync(contentType, ContentLength(request), request.Body, body.Json, request.FunctionContext.CancellationToken);
        if (read.Problem is { } problem)
        {
            return BodyRead<TValid>.Reject(await request.ProblemAsync(problem));
        }

        var valid = body.Validate(read.Value!, context, out var invalid);
        return invalid is null ? BodyRead<TValid>.Accept(valid!) : BodyRead<TValid>.Reject(await request.ProblemAsync(invalid));
    }

    /// <summary>
    /// As <see cref="ReadAsync"/> for a body the client may leave out: <c>Content-Length: 0</c> gives the body's
    /// <see cref="RequestBody{TRequest, TValid}.WhenEmpty"/>. A body announced but not delivered (chunked, or no
    /// Content-Length at all) is refused as by <see cref="ReadAsync"/>.
    /// </summary>
    public static Task<BodyRead<TValid>> ReadOptionalAsync<TRequest, TValid>(
        this HttpRequestData request, RequestBody<TRequest, TValid> body, FieldContext context)
        where TRequest : class
        where TValid : class =>
        body.WhenEmpty is not { } empty ? throw new InvalidOperationException($"{typeof(TRequest).Name} has no WhenEmpty, so the document says it is required.")
        : ContentLength(request) == 0 && Undelivered(request) is null ? Task.FromResult(BodyRead<TValid>.Accept(empty))
        : request.ReadAsync(body, context);

    private static Problem? Undelivered(HttpRequestData request) =>
        JsonBodyReader.CheckDelivered(request.Method, ContentLength(request), request.Headers.Contains("transfer-encoding"));

    private static long? ContentLength(HttpRequestData request) =>
        request.Headers.TryGetValues("content-length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out var length) ? length : null;
}
