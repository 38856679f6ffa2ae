using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Grpc.Core;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The host's gRPC service: the worker dials in and opens the one event stream.</summary>
internal sealed class FunctionRpcService(WorkerConnection connection) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        connection.RunAsync(requestStream, responseStream, context.CancellationToken);
}
