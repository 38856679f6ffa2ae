using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CognitoFunctions.FunctionalTests;

/// <summary>A response read off the socket as sent, repeated headers and all.</summary>
internal sealed record RawResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool? ServerClosedConnection)
{
    public IEnumerable<string> Values(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
}

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient will not send (two lines of one header) or hides
/// (whether the server closed the connection).
/// </summary>
internal static class RawHttp
{
    /// <param name="server">The server's address.</param>
    /// <param name="head">Request line and headers, ending in an empty line.</param>
    /// <param name="body">Bytes to send after the head.</param>
    /// <param name="checkClosed">Also find out whether the server closed the connection after the response (waits up to 2 s when it does not).</param>
    public static async Task<RawResponse> SendAsync(Uri server, string head, byte[]? body = null, bool checkClosed = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n")), timeout.Token);
        if (body is not null)
        {
            await stream.WriteAsync(body, timeout.Token);
        }

        var reader = new BufferedReader(stream, timeout.Token);
        var statusLine = await reader.ReadLineAsync();
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        for (var line = await reader.ReadLineAsync(); line.Length > 0; line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
        }

        var response = new RawResponse(status, headers, [], null);
        var length = response.Values("Content-Length").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).FirstOrDefault();
        var content = response.Values("Transfer-Encoding").Contains("chunked")
            ? await reader.ReadChunkedAsync()
            : await reader.ReadExactlyAsync(length);
        return response with { Body = content, ServerClosedConnection = checkClosed ? await reader.AtEndAsync() : null };
    }

    private sealed class BufferedReader(NetworkStream stream, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                var b = await ReadByteAsync();
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)b);
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count)
        {
            var result = new byte[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = await ReadByteAsync();
            }

            return result;
        }

        public async Task<byte[]> ReadChunkedAsync()
        {
            using var content = new MemoryStream();
            while (true)
            {
                var size = int.Parse((await ReadLineAsync()).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await ReadLineAsync()).Length > 0)
                    {
                    }

                    return content.ToArray();
                }

                content.Write(await ReadExactlyAsync(size));
                await ReadLineAsync();
            }
        }

        /// <summary>True when the server closed the connection after the response (keep-alive leaves it open).</summary>
        public async Task<bool> AtEndAsync()
        {
            if (_start < _end)
            {
                return false;
            }

            using var linger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A kept-alive connection sends nothing more: give it a moment to show it stays open.
            linger.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                return await stream.ReadAsync(_buffer, linger.Token) == 0;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (IOException)
            {
                return true;
            }
        }

        private async Task<byte> ReadByteAsync()
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    throw new EndOfStreamException("The server closed the connection mid-response.");
                }
            }

            return _buffer[_start++];
        }
    }
}
