using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProductionAnalyzers.CodeFixes;
using ProductionAnalyzers.Infrastructure;
using Xunit;

namespace ProductionAnalyzers.Tests.Conventions;

/// <summary>
/// What the package tells a stranger. The README packed into the nupkg (src/ProductionAnalyzers.Package/README.md) is read on a package site, away from
/// the repository: every link must be absolute, and every rule of the package must have a row whose link is the rule's
/// page under the repository URL declared once in Directory.Build.props. .ci/check-package checks the packed copy too.
/// The analyzer assemblies embed their PDB, whose SourceLink map points at that repository.
/// </summary>
public class PackageMetadataTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly Regex MarkdownLink = new(@"\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant);

    private static string PackageReadme => Repository.ReadText("src", "ProductionAnalyzers.Package", "README.md");

    private static string RepositoryUrl()
    {
        var props = XDocument.Load(Repository.PathOf("Directory.Build.props"));
        var url = props.Descendants("ProductionAnalyzersRepositoryUrl").Select(e => e.Value.Trim()).SingleOrDefault();
        Assert.False(string.IsNullOrEmpty(url), "Directory.Build.props declares no ProductionAnalyzersRepositoryUrl");
        return url!;
    }

    [Fact]
    public void EveryLink_IsAbsolute()
    {
        var links = MarkdownLink.Matches(PackageReadme).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRule_HasARowLinkingItsPageUnderTheRepositoryUrl()
    {
        var readme = PackageReadme;
        var pages = RepositoryUrl() + "/blob/main/docs/rules/";
        var fixedIds = PackageInventory.Package.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var descriptor in PackageInventory.Package.Descriptors.Select(d => d.Descriptor).GroupBy(d => d.Id).Select(g => g.First()))
        {
            var id = descriptor.Id;
            var row = Regex.Match(readme, @"^\|\s*\[" + id + @"\]\(" + Regex.Escape(pages + id + ".md") + @"\)\s*\|(?<cells>.*)$", RegexOptions.Multiline);
            if (!row.Success)
            {
                problems.Add($"{id}: no row '| [{id}]({pages}{id}.md) | ...'");
                continue;
            }

            var cells = row.Groups["cells"].Value.Split('|').Select(c => c.Trim()).ToArray();
            var expected = new[]
            {
                descriptor.Title.ToString(), descriptor.Category, descriptor.DefaultSeverity.ToString(), fixedIds.Contains(id) ? "yes" : "no",
            };
            if (cells.Length < expected.Length || !expected.SequenceEqual(cells.Take(expected.Length), StringComparer.Ordinal))
            {
                problems.Add($"{id}: row says '{string.Join(" | ", cells.Take(expected.Length))}', the descriptor says '{string.Join(" | ", expected)}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AnalyzerAssemblies_EmbedTheirPdb_WithSourceLinkToTheRepository()
    {
        var rawUrl = RepositoryUrl().Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/";
        var inGitCheckout = Directory.Exists(Repository.PathOf(".git")) || File.Exists(Repository.PathOf(".git"));
        foreach (var assembly in new[] { typeof(ProductionAnalyzer).Assembly, typeof(FixKeys).Assembly })
        {
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var embedded = pe.ReadDebugDirectory().Where(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
            Assert.True(embedded.Count == 1, $"{assembly.GetName().Name} has no embedded PDB");
            using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
            var reader = pdb.GetMetadataReader();
            var sourceLink = reader.CustomDebugInformation
                .Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .SingleOrDefault();
            if (inGitCheckout)
            {
                Assert.False(sourceLink is null, $"{assembly.GetName().Name}: no SourceLink map in a build from a git checkout");
                Assert.Contains(rawUrl, sourceLink, StringComparison.Ordinal);
            }
            else
            {
                // A source archive has no commit to link to: SourceLink is off there, and the build must still succeed.
                Assert.Null(sourceLink);
            }
        }
    }

    /// <summary>
    /// Every MSBuild property an analyzer reads (a <c>"build_property.X"</c> key in src/) is made visible to analyzers by the
    /// package's build props (<c>CompilerVisibleProperty</c>): without it the key is never set in a user's build.
    /// </summary>
    [Fact]
    public void EveryBuildPropertyTheAnalyzersRead_IsCompilerVisible()
    {
        var props = XDocument.Load(Repository.PathOf("src", "ProductionAnalyzers.Package", "build", "ProductionAnalyzers.props"));
        var visible = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include")).ToHashSet(StringComparer.Ordinal);
        var read = Directory.GetFiles(Repository.PathOf("src", "ProductionAnalyzers"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"build_property\\.(?<name>\\w+)\"").Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        Assert.Contains("IsTestProject", read);
        Assert.DoesNotContain(read, name => !visible.Contains(name));
    }
}
