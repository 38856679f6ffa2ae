using System.Diagnostics;
using System.Globalization;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Turns an HTTP request into the <c>InvocationRequest</c> the real host sends a .NET isolated worker (the shape
/// its capabilities ask for: nullable-value maps, the body as raw bytes only, no HTTP object in the trigger
/// metadata). As on the real host: header names lower-cased and repeated headers joined by <c>,</c>; query keys
/// repeated joined the same way in the request, empty values kept, decoded; the body read only when Content-Length
/// &gt; 0. The trigger metadata follows the host's own rules (<see cref="HttpTriggerBindingData"/>).
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

        AddRouteValues(http, match);

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

        return WithTrigger(http, context, match, body, invocationId);
    }

    /// <summary>
    /// The minimal invocation the real host sends when it forwards the request itself to the worker's own server:
    /// the trigger input an empty <c>RpcHttp</c> (only the route values, and only when the worker asks for them with
    /// <c>RequiresRouteParameters</c>); the trigger metadata as in <see cref="Build"/>.
    /// </summary>
    public static InvocationRequest BuildForwarded(HttpContext context, FunctionMatch match, ReadOnlyMemory<byte> body, string invocationId, bool requiresRouteParameters)
    {
        var http = new RpcHttp();
        if (requiresRouteParameters)
        {
            AddRouteValues(http, match);
        }

        return WithTrigger(http, context, match, body, invocationId);
    }

    private static void AddRouteValues(RpcHttp http, FunctionMatch match)
    {
        foreach (var (name, value) in match.RouteValues)
        {
            if (value is not null)
            {
                http.NullableParams[name] = new NullableString { Value = Convert.ToString(value, CultureInfo.InvariantCulture) };
            }
        }
    }

    private static InvocationRequest WithTrigger(RpcHttp http, HttpContext context, FunctionMatch match, ReadOnlyMemory<byte> body, string invocationId)
    {
        var request = context.Request;
        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = match.Function.FunctionId,
            TraceContext = TraceContext(request),
        };
        invocation.InputData.Add(new ParameterBinding { Name = match.Function.TriggerName, Data = new TypedData { Http = http } });
        foreach (var (name, value) in HttpTriggerBindingData.Build(request, match.RouteValues, body))
        {
            invocation.TriggerMetadata[name] = value;
        }

        return invocation;
    }

    /// <summary>
    /// A W3C trace context for the invocation, continuing the caller's trace when it sent one. The sampled flag is the
    /// caller's, and set for a trace the host starts itself: the real host in OpenTelemetry mode samples its request
    /// span with the default parent-based sampler, and the worker's invocation span follows that decision.
    /// </summary>
    private static RpcTraceContext TraceContext(HttpRequest request)
    {
        var continued = ActivityContext.TryParse(request.Headers.TraceParent, request.Headers.TraceState, out var caller);
        var traceId = continued ? caller.TraceId : ActivityTraceId.CreateRandom();
        var sampled = !continued || caller.TraceFlags.HasFlag(ActivityTraceFlags.Recorded);
        return new RpcTraceContext
        {
            TraceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-{(sampled ? "01" : "00")}",
            TraceState = request.Headers.TraceState.ToString(),
        };
    }
}
