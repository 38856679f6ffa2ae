using System.Net.Http.Headers;
using System.Text.Json;
using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// An error answer of the AWS JSON 1.1 protocol: <c>{"__type": "...", "message": "..."}</c>, the type possibly
/// prefixed with a namespace (<c>...#TooManyRequestsException</c>), the message spelled <c>message</c> or
/// <c>Message</c>; when the body has no type, the <c>x-amzn-ErrorType</c> header may carry it.
/// </summary>
internal readonly record struct CognitoErrorBody(string? ErrorCode, string? Message, bool IsJson)
{
    public static CognitoErrorBody Read(ReadOnlySpan<byte> body, HttpResponseHeaders headers)
    {
        var (type, message, isJson) = ReadJson(body);
        if (type is null && headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            type = values.FirstOrDefault();
        }

        var code = string.IsNullOrWhiteSpace(type) ? null : CognitoErrorCodes.Normalize(type);
        return new CognitoErrorBody(string.IsNullOrEmpty(code) ? null : code, message, isJson);
    }

    private static (string? Type, string? Message, bool IsJson) ReadJson(ReadOnlySpan<byte> body)
    {
        string? type = null, message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null, false);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("__type");
                var isMessage = reader.ValueTextEquals("message") || reader.ValueTextEquals("Message");
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isType || isMessage))
                {
                    if (isType)
                    {
                        type = reader.GetString();
                    }
                    else
                    {
                        message = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return (type, message, true);
        }
        catch (JsonException)
        {
            return (null, null, false);
        }
    }
}
