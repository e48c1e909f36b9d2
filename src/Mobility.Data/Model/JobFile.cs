namespace Mobility.Data.Model;

/// <summary>
/// The file a queued job reads (an HR import's CSV). Apart from the job's row so that following a job never loads it,
/// and deleted as soon as the job ends: it holds home addresses.
/// </summary>
public class JobFile
{
    public long JobId { get; set; }
    public Job? Job { get; set; }
    public required byte[] Content { get; set; }
}
