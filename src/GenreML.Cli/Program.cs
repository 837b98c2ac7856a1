using System.CommandLine;
using GenreML.Cli.Commands;

var root = new RootCommand("GenreML: tells the musical genre of a song (GTZAN's ten genres).");
foreach (Command command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
