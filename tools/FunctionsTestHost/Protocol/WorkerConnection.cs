using System.Collections.Concurrent;
using System.Threading.Channels;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Grpc.Core;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The host's side of the worker's event stream. The worker handles each message on its own task, so replies
/// arrive in any order: each awaited reply is registered under its id (request id, function id or invocation
/// id) before the request goes out. Everything the host sends passes through one queue drained by one writer,
/// because a gRPC stream allows a single writer at a time.
/// </summary>
internal sealed class WorkerConnection(HostLog log) : IDisposable
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _attached;
    private volatile bool _closed;

    /// <summary>Completes with the worker id once the worker has sent <c>StartStream</c>.</summary>
    public Task<string> Started => _started.Task;

    /// <summary>Serves the worker's one event stream until it ends or <see cref="Close"/> is called.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> outgoing, CancellationToken callAborted)
    {
        if (Interlocked.Exchange(ref _attached, 1) == 1)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This host serves one worker, which is already connected."));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callAborted, _stopping.Token);
        var writer = WriteAllAsync(outgoing, stop.Token);
        try
        {
            while (await incoming.MoveNext(stop.Token))
            {
                Dispatch(incoming.Current);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException || ex is Grpc.Core.RpcException { StatusCode: StatusCode.Cancelled })
        {
            // The worker went away or the host is stopping: the same end of the stream either way.
        }
        finally
        {
            CloseAll("the worker's event stream ended");
        }

        try
        {
            await writer;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
        }
    }

    /// <summary>Queues a message that expects no reply.</summary>
    public void Send(StreamingMessage message)
    {
        if (_closed || !_outgoing.Writer.TryWrite(message))
        {
            throw new WorkerConnectionClosedException("The worker is not connected.");
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the reply registered under <paramref name="replyKey"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string replyKey, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(replyKey, reply))
        {
            throw new InvalidOperationException($"A reply to '{replyKey}' is already awaited.");
        }

        try
        {
            Send(message);
            // Closing may have happened between registering and sending; the check makes the wait end either way.
            if (_closed)
            {
                reply.TrySetException(new WorkerConnectionClosedException("The worker is not connected."));
            }

            return await reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(KeyValuePair.Create(replyKey, reply));
        }
    }

    /// <summary>Ends the stream from the host's side.</summary>
    public void Close()
    {
        CloseAll("the host is stopping");
        _stopping.Cancel();
    }

    public void Dispose() => _stopping.Dispose();

    private void CloseAll(string reason)
    {
        _closed = true;
        _outgoing.Writer.TryComplete();
        _started.TrySetException(new WorkerConnectionClosedException($"The worker never started its stream: {reason}."));
        foreach (var (key, pending) in _pending)
        {
            pending.TrySetException(new WorkerConnectionClosedException($"No reply to '{key}': {reason}."));
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellationToken)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await outgoing.WriteAsync(message, cancellationToken);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var replyKey = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => ReplyKeys.Request(message.RequestId),
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => ReplyKeys.Request(message.RequestId),
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => ReplyKeys.Load(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => ReplyKeys.Invocation(message.InvocationResponse.InvocationId),
            _ => null,
        };

        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                log.Write(RpcLogFormatter.Format(message.RpcLog));
                break;
            case StreamingMessage.ContentOneofCase.None:
                // The worker's answer to WorkerTerminate is an empty message.
                break;
            case var _ when replyKey is not null:
                if (_pending.TryGetValue(replyKey, out var pending))
                {
                    pending.TrySetResult(message);
                }
                else
                {
                    var status = message.InvocationResponse?.Result?.Status.ToString() ?? "";
                    log.Write($"[host] a {message.ContentCase} {status} for '{replyKey}' arrived that nobody awaits (cancelled or late)");
                }

                break;
            default:
                log.Write($"[host] ignored a {message.ContentCase} message from the worker");
                break;
        }
    }
}
