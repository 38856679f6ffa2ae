using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Accounts;

namespace CognitoFunctions.Http;

/// <summary>Turns an account operation's result into the HTTP answer: the success body, or the failure's problem.</summary>
internal static class AccountAnswers
{
    public static Task<HttpResponseData> AnswerAsync<T, TBody>(
        this HttpRequestData request,
        AccountResult<T> result,
        HttpStatusCode status,
        Func<T, TBody> body,
        JsonTypeInfo<TBody> typeInfo) =>
        result.Failure is { } failure
            ? request.ProblemAsync(failure.ToProblem())
            : request.JsonAsync(status, body(result.Value!), typeInfo);

    public static async Task<HttpResponseData> AnswerAsync<T>(this HttpRequestData request, AccountResult<T> result, HttpStatusCode status) =>
        result.Failure is { } failure ? await request.ProblemAsync(failure.ToProblem()) : request.Empty(status);

}
