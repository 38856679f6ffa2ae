using System.Net;
using System.Text;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>
/// A JWKS document answered from memory to every request of the HTTP clients given its handler, counting the requests:
/// for a validator that must never touch the network, and a check that no fetch happens after warm-up (an unknown kid
/// included).
/// </summary>
public sealed class InMemoryJwks(string json)
{
    private int _requests;

    /// <summary>The document served.</summary>
    public string Json { get; } = json;

    /// <summary>Requests answered so far, through every handler made here.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A handler that answers every request with <see cref="Json"/> (a client's primary or additional handler).</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(InMemoryJwks jwks) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref jwks._requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(jwks.Json, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }
    }
}
