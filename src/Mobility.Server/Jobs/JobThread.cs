namespace Mobility.Server.Jobs;

/// <summary>
/// CPU-bound work of a job on a thread of its own: never a thread-pool thread, so a solver running for minutes does
/// not hold a thread the requests need, and the pool does not grow threads to make up for it.
/// </summary>
public static class JobThread
{
    public static Task<T> RunAsync<T>(Func<T> work, string name)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (OperationCanceledException cancelled) { done.SetCanceled(cancelled.CancellationToken); }
            catch (Exception error) { done.SetException(error); }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }
}
