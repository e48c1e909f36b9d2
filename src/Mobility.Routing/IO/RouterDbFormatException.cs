namespace Mobility.Routing.IO;

/// <summary>A RouterDb file that cannot be used as it is: not one, from another format version, cut short or damaged.</summary>
public sealed class RouterDbFormatException(string message) : IOException(message);
