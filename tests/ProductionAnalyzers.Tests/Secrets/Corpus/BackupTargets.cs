using System;
using System.Collections.Generic;
using System.IO;

namespace Backups.Cli;

/// <summary>
/// A backup tool's command line: the help it prints shows the URL forms a destination can take (with dummy credentials),
/// local destinations are file URLs whose Windows folder names may hold an '@', and one built-in mirror still carries
/// the password it was first deployed with.
/// </summary>
public static class BackupTargets
{
    private const string MirrorUrl = {|PA2003:"ftps://mirror:Vq7cR2nX8w@mirror.backups.test/incoming"|};

    public static void PrintHelp(TextWriter output)
    {
        output.WriteLine("Usage: backup <source> <destination-url> [--passphrase=<passphrase>]");
        output.WriteLine("Example: ftp://user:pass@server/folder");
        output.WriteLine("Example: ssh://user:password@host:22/backups");
        output.WriteLine("e.g. webdav://admin:secret@nas.local/backups");
        output.WriteLine("Destinations on this machine: file://D:\\archive@weekly\\photos");
    }

    public static IReadOnlyList<Uri> Defaults(string machine) => new[]
    {
        new Uri(@"file://C:\backup@daily\" + machine),
        new Uri("file:///var/backups/" + machine),
        new Uri(MirrorUrl + "/" + machine),
    };

    public static Uri Parse(string text, string? user, string? password)
    {
        var builder = new UriBuilder(text);
        if (user is not null)
        {
            builder.UserName = user;
            builder.Password = password;
        }

        return builder.Uri;
    }
}
