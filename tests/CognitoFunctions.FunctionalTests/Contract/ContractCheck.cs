namespace CognitoFunctions.FunctionalTests.Contract;

/// <summary>
/// The functional tests' HTTP client sends every request through this handler: each answer is checked against the
/// OpenAPI document the app serves (<see cref="ApiContract"/>), fetched by <see cref="LoadAsync"/> or else on the first
/// answer, and an answer the document
/// does not describe throws <see cref="ContractViolationException"/>, so the test that received it fails.
/// </summary>
public sealed class ContractCheck : DelegatingHandler
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ApiContract? _contract;
    private int _checked;

    public ContractCheck()
    {
    }

    internal ContractCheck(ApiContract contract) => _contract = contract;

    /// <summary>The document once the first answer has loaded it.</summary>
    internal ApiContract? Document => _contract;

    /// <summary>How many answers have been checked.</summary>
    public int Checked => _checked;

    /// <summary>The last answer checked: method, path and status.</summary>
    public (string Method, string Path, int Status)? Last { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        var contract = _contract ?? await ContractAsync(request.RequestUri!, cancellationToken);
        // Buffered, the body stays readable for the test after the check has read it.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var answer = new Answer(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            name => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null,
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var violations = contract.Check(answer);
        Interlocked.Increment(ref _checked);
        Last = (answer.Method, answer.Path, answer.Status);
        if (violations.Count > 0)
        {
            response.Dispose();
            throw new ContractViolationException(answer, violations);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loading.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Fetches the document from the app at <paramref name="server"/>, unless it is loaded already.</summary>
    public Task LoadAsync(Uri server, CancellationToken cancellationToken) => ContractAsync(server, cancellationToken);

    private async Task<ApiContract> ContractAsync(Uri server, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_contract is null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "/api/openapi.json"));
                using var response = await base.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                _contract = new ApiContract(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            }

            return _contract;
        }
        finally
        {
            _loading.Release();
        }
    }
}
