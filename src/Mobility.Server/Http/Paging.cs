using Microsoft.EntityFrameworkCore;
using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>One page of a list, with what a client needs to ask for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public bool HasNext => (long)PageNumber * PageSize < Total;
}

/// <summary>`?page=1&amp;pageSize=50` on every list; page sizes are capped so that no request reads a whole table.</summary>
public sealed record PageQuery(int? Page, int? PageSize)
{
    public const int DefaultSize = 50, MaximumSize = 500;

    public int Number => Page ?? 1;
    public int Size => PageSize ?? DefaultSize;

    /// <summary>A validation problem for a page out of range, or null when the query is fine.</summary>
    public IResult? Problem()
    {
        var errors = new FieldErrors();
        if (Number < 1) errors.Add("page", Codes.Field.AtLeast, CodeParameters.Minimum(1));
        if (Size is < 1 or > MaximumSize)
            errors.Add("pageSize", Codes.Field.OutOfRange, CodeParameters.Range(1, MaximumSize));
        // The rows skipped are counted in an int: a page past them would wrap to a negative offset.
        else if ((long)(Number - 1) * Size > int.MaxValue)
            errors.Add("page", Codes.Field.AtMost, CodeParameters.Maximum(int.MaxValue / Size + 1));
        return errors.Any ? errors.Problem() : null;
    }

    /// <summary>The page of a query that must be ordered (the order makes pages stable from one request to the next).</summary>
    public async Task<Page<T>> ReadAsync<T>(IQueryable<T> ordered, CancellationToken cancellation)
    {
        var total = await ordered.CountAsync(cancellation);
        var items = await ordered.Skip((Number - 1) * Size).Take(Size).ToListAsync(cancellation);
        return new Page<T>(items, Number, Size, total);
    }
}
