using System.Text.Json;
using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>Cognito's timestamps: seconds since the Unix epoch as a JSON number, possibly with a fraction.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || double.IsNaN(seconds))
        {
            throw new JsonException($"A Cognito timestamp is a number of seconds, not {reader.TokenType}.");
        }

        var milliseconds = Math.Round(seconds * 1000);
        return milliseconds < -62_135_596_800_000 || milliseconds > 253_402_300_799_000
            ? throw new JsonException("A Cognito timestamp is out of range.")
            : DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
}
