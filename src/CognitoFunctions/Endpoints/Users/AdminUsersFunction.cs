using System.Globalization;
using CognitoFunctions.Accounts;
using Microsoft.OpenApi;

namespace CognitoFunctions.Endpoints.Users;

/// <summary><c>GET /api/users?limit=&amp;paginationToken=</c>: one page of users, for the <c>admin</c> group only.</summary>
internal sealed class AdminUsersFunction(UserListing users) : IDescribedFunctions
{
    internal const int DefaultLimit = 20;
    internal const int MaxLimit = 60;
    internal const int MaxPaginationTokenLength = 4096;

    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("AdminListUsers", ApiTag.Admin, "One page of the pool's users")
        {
            Query =
            [
                new("limit", $"Users per page, 1 to {MaxLimit}.",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{MaxLimit}", Default = DefaultLimit }),
                new("paginationToken", "The previous page's `paginationToken`, for the next page.",
                    new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxPaginationTokenLength }),
            ],
            Responses = [new(HttpStatusCode.OK, "A page of users; `paginationToken` is absent on the last page.", UsersJson.Default.UserListResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.Validation],
        },
    ];

    [Function("AdminListUsers")]
    [RequireCognitoToken(Groups = ["admin"])]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users")] HttpRequestData request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
        var limitText = query["limit"];
        var paginationToken = query["paginationToken"];
        var limit = DefaultLimit;
        var validation = new Validation()
            .Check("limit", limitText is null || (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
                ? null
                : $"Must be a whole number from 1 to {MaxLimit}.")
            .Optional("paginationToken", paginationToken, MaxPaginationTokenLength);
        if (!validation.IsValid)
        {
            return await request.ProblemAsync(validation.ToProblem());
        }

        var result = await users.ListUsersAsync(limit, string.IsNullOrEmpty(paginationToken) ? null : paginationToken, ClientContext.CallerOf(request), request.FunctionContext.CancellationToken);
        return await request.AnswerAsync(result, HttpStatusCode.OK, page => new UserListResponse(
            page.Users.Select(u => new UserListItem(u.Username, u.Sub, u.Email, u.EmailVerified, u.Status, u.Enabled, u.CreatedAt)).ToList(),
            page.PaginationToken), UsersJson.Default.UserListResponse);
    }
}
