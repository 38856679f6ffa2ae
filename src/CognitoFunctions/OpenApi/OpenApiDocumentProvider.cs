using System.Globalization;
using System.Text;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>The OpenAPI document as UTF-8 JSON, built on first request and then served from memory.</summary>
internal sealed class OpenApiDocumentProvider
{
    private readonly Lazy<byte[]> _json = new(Serialize);

    public byte[] Json => _json.Value;

    internal static OpenApiDocument Build()
    {
        var app = typeof(OpenApiDocumentProvider).Assembly;
        return OpenApiDocumentBuilder.Build(HttpFunction.In(app), ApiOperation.In(app));
    }

    private static byte[] Serialize()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Build().SerializeAsV31(new OpenApiJsonWriter(text));
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
