using System.Collections;
using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Authentication.Tests.Support;

// The worker's abstract types, filled in for tests without the host: no Functions host exists in-process, and the
// end-to-end tests through the real worker and a test host cover the rest (see the package README). The app's unit
// tests compile this file too, for its own middleware.

public sealed class FakeFunctionDefinition(string entryPoint, string pathToAssembly, string name, bool http = true) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => pathToAssembly;

    public override string EntryPoint => entryPoint;

    public override string Id { get; } = Guid.NewGuid().ToString("N");

    public override string Name => name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = http
        ? ImmutableDictionary<string, BindingMetadata>.Empty.Add("req", new FakeBinding("req", "httpTrigger", BindingDirection.In))
        : ImmutableDictionary<string, BindingMetadata>.Empty.Add("item", new FakeBinding("item", "queueTrigger", BindingDirection.In));

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = http
        ? ImmutableDictionary<string, BindingMetadata>.Empty.Add("$return", new FakeBinding("$return", "http", BindingDirection.Out))
        : ImmutableDictionary<string, BindingMetadata>.Empty;

    /// <summary>The definition of a method of a class in this assembly.</summary>
    public static FakeFunctionDefinition For<T>(string method, bool http = true) =>
        new($"{typeof(T).FullName}.{method}", typeof(T).Assembly.Location, method, http);

    private sealed class FakeBinding(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name => name;

        public override string Type => type;

        public override BindingDirection Direction => direction;
    }
}

public sealed class FakeFunctionContext(FunctionDefinition definition, string? traceParent = null, CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override CancellationToken CancellationToken => cancellationToken;

    public override string FunctionId => definition.Id;

    public override TraceContext TraceContext { get; } = new FakeTraceContext(traceParent ?? "");

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => definition;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new FakeFeatures();

    private sealed class FakeTraceContext(string traceParent) : TraceContext
    {
        public override string TraceParent => traceParent;

        public override string TraceState => "";
    }

    private sealed class FakeFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance) => _features[typeof(T)] = instance!;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public sealed class FakeHttpRequestData(FunctionContext context, string url = "https://app.example.com/api/private") : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream();

    public override HttpHeadersCollection Headers { get; } = [];

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = new(url);

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [new ClaimsIdentity("WebJobsAuthLevel")];

    public override string Method => "GET";

    public override HttpResponseData CreateResponse() => new FakeHttpResponseData(FunctionContext);

    public FakeHttpRequestData WithAuthorization(params string[] values)
    {
        foreach (var value in values)
        {
            Headers.TryAddWithoutValidation("Authorization", value);
        }

        return this;
    }
}

public sealed class FakeHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException();

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string BodyText() => System.Text.Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());
}
