using System.Net;
using System.Text;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// Answers every JWKS request from memory and counts it, so the benchmark never touches the network and can show
/// that no fetch happens after warm-up (an unknown kid included).
/// </summary>
internal sealed class InMemoryJwksHandler(JwksStub stub) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stub.Count();
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(stub.Json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
    }
}
