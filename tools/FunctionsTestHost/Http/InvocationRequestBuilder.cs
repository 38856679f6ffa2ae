using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Turns an HTTP request into the <c>InvocationRequest</c> the real host sends a .NET isolated worker (the shape
/// its capabilities ask for: nullable-value maps, the body as raw bytes only, no HTTP object in the trigger
/// metadata). As on the real host: header names lower-cased and repeated headers joined by <c>,</c>; query keys
/// repeated joined the same way, empty values kept, decoded; the body read only when Content-Length &gt; 0.
/// </summary>
internal static class InvocationRequestBuilder
{
    public static InvocationRequest Build(HttpContext context, FunctionMatch match, ReadOnlyMemory<byte> body, string invocationId)
    {
        var request = context.Request;
        var http = new RpcHttp
        {
            Method = request.Method,
            Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
        };

        foreach (var (name, values) in request.Headers)
        {
            http.NullableHeaders[name.ToLowerInvariant()] = new NullableString { Value = values.ToString() };
        }

        foreach (var (name, values) in request.Query)
        {
            http.NullableQuery[name] = new NullableString { Value = values.ToString() };
        }

        foreach (var (name, value) in match.RouteValues)
        {
            if (value is not null)
            {
                http.NullableParams[name] = new NullableString { Value = Convert.ToString(value, CultureInfo.InvariantCulture) };
            }
        }

        // The real host passes the request's principal; for an anonymous request that is one unauthenticated identity.
        foreach (var identity in context.User.Identities)
        {
            var rpcIdentity = new RpcClaimsIdentity
            {
                AuthenticationType = identity.AuthenticationType is { } type ? new NullableString { Value = type } : null,
                NameClaimType = new NullableString { Value = identity.NameClaimType },
                RoleClaimType = new NullableString { Value = identity.RoleClaimType },
            };
            rpcIdentity.Claims.AddRange(identity.Claims.Select(c => new RpcClaim { Type = c.Type, Value = c.Value }));
            http.Identities.Add(rpcIdentity);
        }

        if (!body.IsEmpty)
        {
            http.Body = new TypedData { Bytes = UnsafeByteOperations.UnsafeWrap(body) };
        }

        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = match.Function.FunctionId,
            TraceContext = TraceContext(request),
        };
        invocation.InputData.Add(new ParameterBinding { Name = match.Function.TriggerName, Data = new TypedData { Http = http } });
        foreach (var (name, value) in TriggerMetadata(context, match, body))
        {
            invocation.TriggerMetadata[name] = value;
        }

        return invocation;
    }

    /// <summary>
    /// The binding data the worker binds function parameters from: <c>Query</c> and <c>Headers</c> as JSON, each
    /// route value and query value, the top-level properties of a JSON object body, and <c>sys</c>. Route values
    /// win over query values, which win over body properties; names compare case-insensitively.
    /// </summary>
    private static Dictionary<string, TypedData> TriggerMetadata(HttpContext context, FunctionMatch match, ReadOnlyMemory<byte> body)
    {
        var request = context.Request;
        var data = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in JsonBodyProperties(request, body))
        {
            data[name] = value;
        }

        var query = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            data[name] = new TypedData { String = value };
        }

        foreach (var (name, value) in match.RouteValues)
        {
            if (value is not null)
            {
                data[name] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) };
            }
        }

        data["Query"] = new TypedData { Json = JsonSerializer.Serialize(query) };
        data["Headers"] = new TypedData { Json = JsonSerializer.Serialize(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.Ordinal)) };
        data["sys"] = new TypedData
        {
            Json = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["MethodName"] = match.Function.Name,
                ["UtcNow"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["RandGuid"] = Guid.NewGuid().ToString(),
            }),
        };
        return data;
    }

    private static List<KeyValuePair<string, TypedData>> JsonBodyProperties(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? []
                : document.RootElement.EnumerateObject()
                    .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String
                        ? new TypedData { String = p.Value.GetString() }
                        : new TypedData { Json = p.Value.GetRawText() }))
                    .ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or strings that are not valid UTF-8 / UTF-16 (GetString refuses them): no binding data, as the
            // real host binds only what it can read; the function still gets the body byte for byte.
            return [];
        }
    }

    /// <summary>A W3C trace context for the invocation, continuing the caller's trace when it sent one.</summary>
    private static RpcTraceContext TraceContext(HttpRequest request)
    {
        var traceId = ActivityContext.TryParse(request.Headers.TraceParent, request.Headers.TraceState, out var caller)
            ? caller.TraceId
            : ActivityTraceId.CreateRandom();
        return new RpcTraceContext
        {
            TraceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-00",
            TraceState = request.Headers.TraceState.ToString(),
        };
    }
}
