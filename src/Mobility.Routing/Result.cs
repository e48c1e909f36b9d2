namespace Mobility.Routing;

/// <summary>An answer or the reason there is none: ordinary failures (a point off the network) are not exceptions.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    public string? Error { get; }
    public bool IsSuccess => Error is null;
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException(Error);

    private Result(T? value, string? error) => (_value, Error) = (value, error);

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(string error) => new(default, error);
}
