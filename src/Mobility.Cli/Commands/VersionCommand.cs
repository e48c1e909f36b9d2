using System.CommandLine;
using System.Reflection;

namespace Mobility.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("about", "Prints the version and the data licence notice.");
        command.SetAction(_ =>
        {
            var version = Assembly.GetExecutingAssembly().GetName().Version;
            Console.WriteLine($"mobility {version}");
            Console.WriteLine("Map data © OpenStreetMap contributors, ODbL 1.0.");
            return 0;
        });
        return command;
    }
}
