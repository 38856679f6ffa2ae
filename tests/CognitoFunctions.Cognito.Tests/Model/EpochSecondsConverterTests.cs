using System.Text.Json;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Cognito.Tests.Model;

public sealed class EpochSecondsConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new EpochSecondsConverter() } };

    [Theory]
    [InlineData("1700000000", 1700000000000)]
    [InlineData("1689980857.949", 1689980857949)]
    [InlineData("1.689980857949E9", 1689980857949)]
    [InlineData("0", 0)]
    public void Seconds_with_or_without_a_fraction_become_the_instant(string json, long unixMilliseconds)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds), JsonSerializer.Deserialize<DateTimeOffset>(json, Options));
    }

    [Theory]
    [InlineData("\"2024-01-02T03:04:05Z\"")]
    [InlineData("1e300")]
    [InlineData("true")]
    public void Anything_else_is_rejected(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));
    }
}
