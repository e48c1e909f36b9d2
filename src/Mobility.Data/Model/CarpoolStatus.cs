namespace Mobility.Data.Model;

public enum CarpoolStatus
{
    Proposed,
    Accepted,
    Declined,
    Confirmed,
    Cancelled,
}
