using System.Reflection;
using System.Runtime.Loader;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Google.Protobuf.Reflection;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>
/// The test host's own .proto subset against the protocol compiled into the worker the app ships with: every
/// message and field of ours must exist there with the same number, name, type and label. A worker package
/// that renumbers or retypes anything the host uses fails here by name.
/// </summary>
public sealed class FunctionRpcContractTests
{
    [Fact]
    public void Every_message_and_field_of_the_test_host_proto_matches_the_worker_contract()
    {
        var worker = WorkerMessages();
        var ours = Messages([FileDescriptorProto.Parser.ParseFrom(FunctionRpcReflection.Descriptor.SerializedData)]);

        Assert.NotEmpty(ours);
        Assert.All(ours, pair =>
        {
            var (name, message) = pair;
            Assert.True(worker.TryGetValue(name, out var theirs), $"the worker has no message {name}");
            foreach (var field in message.Field)
            {
                var match = theirs!.Field.SingleOrDefault(f => f.Number == field.Number);
                Assert.True(match is not null, $"{name}.{field.Name} = {field.Number}: the worker has no field {field.Number}");
                Assert.Equal((field.Name, field.Type, field.Label, ShortName(field.TypeName)), (match!.Name, match.Type, match.Label, ShortName(match.TypeName)));
            }

            foreach (var enumeration in message.EnumType)
            {
                var values = theirs!.EnumType.Single(e => e.Name == enumeration.Name).Value.Select(v => (v.Name, v.Number));
                Assert.Equal(enumeration.Value.Select(v => (v.Name, v.Number)), values.Where(v => enumeration.Value.Any(o => o.Number == v.Number)));
            }
        });
    }

    /// <summary>The worker's messages, read from its own generated descriptor in an isolated load context.</summary>
    private static Dictionary<string, DescriptorProto> WorkerMessages()
    {
        var app = FunctionAppBuildOutput.Locate("tests/TestFunctionApp", typeof(FunctionRpcContractTests).Assembly);
        var context = new AppFolderLoadContext(app);
        try
        {
            var grpc = context.LoadFromAssemblyPath(Path.Combine(app, "Microsoft.Azure.Functions.Worker.Grpc.dll"));
            var root = grpc.GetType("Microsoft.Azure.Functions.Worker.Grpc.Messages.FunctionRpcReflection", throwOnError: true)!
                .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return Messages(WithDependencies(root).Select(SerializedProto));
        }
        finally
        {
            context.Unload();
        }
    }

    private static IEnumerable<object> WithDependencies(object fileDescriptor)
    {
        yield return fileDescriptor;
        foreach (var dependency in (System.Collections.IEnumerable)fileDescriptor.GetType().GetProperty("Dependencies")!.GetValue(fileDescriptor)!)
        {
            foreach (var file in WithDependencies(dependency))
            {
                yield return file;
            }
        }
    }

    // The worker's Google.Protobuf types live in another load context: go through bytes.
    private static FileDescriptorProto SerializedProto(object fileDescriptor)
    {
        var data = fileDescriptor.GetType().GetProperty("SerializedData")!.GetValue(fileDescriptor)!;
        var bytes = (byte[])data.GetType().GetMethod("ToByteArray")!.Invoke(data, null)!;
        return FileDescriptorProto.Parser.ParseFrom(bytes);
    }

    private static Dictionary<string, DescriptorProto> Messages(IEnumerable<FileDescriptorProto> files)
    {
        var messages = new Dictionary<string, DescriptorProto>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var message in file.MessageType)
            {
                Add(message, "");
            }
        }

        return messages;

        void Add(DescriptorProto message, string parent)
        {
            var name = parent + message.Name;
            if (message.Options?.MapEntry == true)
            {
                return;
            }

            messages.TryAdd(name, message);
            foreach (var nested in message.NestedType)
            {
                Add(nested, name + ".");
            }
        }
    }

    // Packages differ (the worker keeps some shared types outside AzureFunctionsRpcMessages); names do not.
    private static string ShortName(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];

    private sealed class AppFolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
