using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.CodeFixes;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers.Tests;
using Xunit;

namespace ProductionAnalyzers.Tests.Conventions;

/// <summary>
/// House rules checked over reflection (MA RuleHelpUri, SC ExportCodeFixProviderAttributeNameTest). Each fact
/// walks every discovered analyzer / descriptor / fixer and lists every violation, so the facts hold with zero
/// rules and keep holding as rules land.
/// </summary>
public class ConventionTests
{
    private static readonly Regex IdPattern = new(@"^PA\d{4}$", RegexOptions.CultureInvariant);
    private static readonly Regex FixKeyPattern = new(@"^(PA\d{4})_[A-Za-z]+$", RegexOptions.CultureInvariant);

    private static PackageInventory Package => PackageInventory.Package;

    [Fact]
    public void Discovery_FindsAnalyzersDescriptorsAndFixers()
    {
        // The same discovery over this test assembly must find the verifier's sample analyzers and fixers.
        var inventory = PackageInventory.Of(typeof(BadClassAnalyzer).Assembly);
        Assert.Contains(typeof(BadClassAnalyzer), inventory.AnalyzerTypes);
        Assert.Contains(typeof(TwoRuleAnalyzer), inventory.AnalyzerTypes);
        Assert.Contains(typeof(RenameBadClassFix), inventory.CodeFixTypes);
        Assert.Contains(inventory.Descriptors, d => d.Descriptor.Id == "PT0004" && d.Analyzer is TwoRuleAnalyzer);

        // And the package inventory is built from the real assemblies (the set may be empty while no rule exists).
        Assert.All(Package.AnalyzerTypes, t => Assert.Equal(typeof(ProductionAnalyzer).Assembly, t.Assembly));
        Assert.All(Package.CodeFixTypes, t => Assert.Equal(typeof(FixKeys).Assembly, t.Assembly));
        Assert.True(File.Exists(Repository.PathOf("ProductionAnalyzers.sln")));
    }

    [Fact]
    public void EveryAnalyzer_IsExportedForCSharp_AndDerivesFromProductionAnalyzer() =>
        AssertNoViolations(AnalyzerViolations(Package));

    [Fact]
    public void EveryDescriptor_HasAPackageId_DeclaredInDiagnosticIds_AndUniqueAcrossAnalyzers() =>
        AssertNoViolations(IdViolations(Package));

    [Fact]
    public void EveryDescriptor_HasCategoryTitleMessageAndHelpLink() =>
        AssertNoViolations(DescriptorViolations(Package));

    [Fact]
    public void EveryRule_HasADocsPage_AReleaseTrackingRow_AndAReadmeRow() =>
        AssertNoViolations(DocumentationViolations(Package));

    [Fact]
    public void EveryCodeFix_IsExportedAndShared_HasFixAll_AndFixesShippedRules() =>
        AssertNoViolations(CodeFixViolations(Package));

    private static IEnumerable<string> AnalyzerViolations(PackageInventory package) =>
        package.AnalyzerTypes.SelectMany(type =>
        {
            var problems = new List<string>();
            var attribute = PackageInventory.AnalyzerAttribute(type);
            if (attribute is null || !attribute.Languages.SequenceEqual(new[] { LanguageNames.CSharp }))
            {
                problems.Add($"{type.Name}: must be [DiagnosticAnalyzer(LanguageNames.CSharp)]");
            }

            if (!typeof(ProductionAnalyzer).IsAssignableFrom(type))
            {
                problems.Add($"{type.Name}: must derive from ProductionAnalyzer");
            }

            return problems;
        });

    private static List<string> IdViolations(PackageInventory package)
    {
        var declaredIds = Constants(typeof(DiagnosticIds)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (analyzer, descriptor) in package.Descriptors)
        {
            if (!IdPattern.IsMatch(descriptor.Id))
            {
                problems.Add($"{analyzer.GetType().Name}: ID '{descriptor.Id}' is not PA####");
            }

            if (!declaredIds.Contains(descriptor.Id))
            {
                problems.Add($"{analyzer.GetType().Name}: ID '{descriptor.Id}' is not a DiagnosticIds constant");
            }
        }

        foreach (var group in package.Descriptors.GroupBy(d => d.Descriptor.Id))
        {
            var owners = group.Select(d => d.Analyzer.GetType()).Distinct().ToList();
            if (owners.Count > 1)
            {
                problems.Add($"{group.Key}: declared by several analyzers ({string.Join(", ", owners.Select(o => o.Name))})");
            }

            if (group.Select(d => d.Descriptor).Distinct().Count() > 1)
            {
                problems.Add($"{group.Key}: {owners[0].Name} declares different descriptors with the same ID");
            }
        }

        return problems;
    }

    private static IEnumerable<string> DescriptorViolations(PackageInventory package) =>
        package.Descriptors.SelectMany(pair =>
        {
            var (analyzer, d) = pair;
            var problems = new List<string>();
            var categories = Constants(typeof(DiagnosticCategories)).ToList();
            if (!categories.Contains(d.Category))
            {
                problems.Add($"{d.Id} ({analyzer.GetType().Name}): category '{d.Category}' is not one of DiagnosticCategories ({string.Join(", ", categories)})");
            }

            if (string.IsNullOrWhiteSpace(d.Title.ToString()) || string.IsNullOrWhiteSpace(d.MessageFormat.ToString()))
            {
                problems.Add($"{d.Id}: title and message format must not be empty");
            }

            if (d.HelpLinkUri != Descriptors.HelpLink(d.Id))
            {
                problems.Add($"{d.Id}: help link '{d.HelpLinkUri}' must be Descriptors.HelpLink(id) = '{Descriptors.HelpLink(d.Id)}'");
            }

            return problems;
        });

    private static List<string> DocumentationViolations(PackageInventory package)
    {
        var releases = Repository.ReadText("src", "ProductionAnalyzers", "AnalyzerReleases.Shipped.md")
            + "\n" + Repository.ReadText("src", "ProductionAnalyzers", "AnalyzerReleases.Unshipped.md");
        var readme = Repository.ReadText("README.md");
        var problems = new List<string>();
        var fixedIds = package.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        foreach (var descriptor in package.Descriptors.Select(d => d.Descriptor).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var id = descriptor.Id;
            var title = descriptor.Title.ToString();
            var category = descriptor.Category;
            var severity = descriptor.DefaultSeverity.ToString();
            var page = Repository.PathOf("docs", "rules", id + ".md");
            if (!File.Exists(page))
            {
                problems.Add($"{id}: docs/rules/{id}.md is missing");
            }
            else
            {
                var heading = File.ReadLines(page).FirstOrDefault() ?? string.Empty;
                if (heading.Trim() != $"# {id}: {title}")
                {
                    problems.Add($"{id}: docs/rules/{id}.md must start with '# {id}: {title}', found '{heading}'");
                }
            }

            var release = Regex.Match(releases, @"^\s*" + id + @"\s*\|\s*(?<category>[^|]*?)\s*\|\s*(?<severity>[^|]*?)\s*\|", RegexOptions.Multiline);
            if (!release.Success)
            {
                problems.Add($"{id}: no row in AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md");
            }
            else if (release.Groups["category"].Value != category || release.Groups["severity"].Value != severity)
            {
                problems.Add($"{id}: release-tracking row says '{release.Groups["category"].Value} | {release.Groups["severity"].Value}', the descriptor says '{category} | {severity}'");
            }

            // The README row: | [PA1001](docs/rules/PA1001.md) | Title | Category | Severity | Code fix |
            var row = Regex.Match(readme, @"^\|\s*\[" + id + @"\]\(docs/rules/" + id + @"\.md\)\s*\|(?<cells>.*)$", RegexOptions.Multiline);
            if (!row.Success)
            {
                problems.Add($"{id}: no row '| [{id}](docs/rules/{id}.md) | ...' in the README rule table");
                continue;
            }

            var cells = row.Groups["cells"].Value.Split('|').Select(c => c.Trim()).ToArray();
            var expectedFix = fixedIds.Contains(id) ? "yes" : "no";
            var expected = new[] { title, category, severity, expectedFix };
            if (cells.Length < expected.Length || !expected.SequenceEqual(cells.Take(expected.Length), StringComparer.Ordinal))
            {
                problems.Add($"{id}: README row says '{string.Join(" | ", cells.Take(expected.Length))}', the descriptor says '{string.Join(" | ", expected)}'");
            }
        }

        return problems;
    }

    private static IEnumerable<string> CodeFixViolations(PackageInventory package)
    {
        var shippedIds = package.Descriptors.Select(d => d.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        return package.CodeFixes.SelectMany(fixer =>
        {
            var type = fixer.GetType();
            var problems = new List<string>();
            var export = PackageInventory.ExportAttribute(type);
            if (export is null || !export.Languages.SequenceEqual(new[] { LanguageNames.CSharp }) || string.IsNullOrEmpty(export.Name))
            {
                problems.Add($"{type.Name}: must be [ExportCodeFixProvider(LanguageNames.CSharp, Name = ...)]");
            }

            if (!PackageInventory.IsShared(type))
            {
                problems.Add($"{type.Name}: must be [Shared]");
            }

            if (fixer.GetFixAllProvider() is null)
            {
                problems.Add($"{type.Name}: GetFixAllProvider() must return a Fix All provider");
            }

            if (fixer.FixableDiagnosticIds.IsDefaultOrEmpty)
            {
                problems.Add($"{type.Name}: FixableDiagnosticIds is empty");
            }
            else
            {
                problems.AddRange(fixer.FixableDiagnosticIds.Where(id => !shippedIds.Contains(id))
                    .Select(id => $"{type.Name}: fixes '{id}', which no analyzer of the package declares"));
            }

            return problems;
        });
    }

    [Fact]
    public void EveryFixKey_IsNamedAfterItsRule()
    {
        var declaredIds = Constants(typeof(DiagnosticIds)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var field in ConstantFields(typeof(FixKeys)))
        {
            var value = (string)field.GetRawConstantValue()!;
            var match = FixKeyPattern.Match(value);
            if (!match.Success)
            {
                problems.Add($"FixKeys.{field.Name} = \"{value}\" does not match PA####_Action");
            }
            else if (!declaredIds.Contains(match.Groups[1].Value))
            {
                problems.Add($"FixKeys.{field.Name} = \"{value}\": {match.Groups[1].Value} is not a DiagnosticIds constant");
            }
        }

        AssertNoViolations(problems);
    }

    [Fact]
    public void AnalyzerAssembly_DoesNotReferenceWorkspaces()
    {
        var references = typeof(ProductionAnalyzer).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.DoesNotContain(references, name => name.Contains("Workspaces", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ConventionChecks_CatchViolations()
    {
        // The checks must be able to fail: the verifier's sample analyzers and fixers (test assembly) break them.
        var samples = PackageInventory.Of(typeof(BadClassAnalyzer).Assembly);
        Assert.Contains("BadClassAnalyzer: must derive from ProductionAnalyzer", AnalyzerViolations(samples));
        var ids = IdViolations(samples);
        Assert.Contains("BadClassAnalyzer: ID 'PT0001' is not PA####", ids);
        Assert.Contains("PT0001: declared by several analyzers", string.Join("\n", ids));
        var descriptors = DescriptorViolations(samples).ToList();
        Assert.Contains(descriptors, p => p.StartsWith("PT0001 (BadClassAnalyzer): category 'Test' is not one of DiagnosticCategories", StringComparison.Ordinal));
        Assert.Contains(descriptors, p => p.StartsWith("PT0001: help link", StringComparison.Ordinal));
        var docs = DocumentationViolations(samples);
        Assert.Contains("PT0001: docs/rules/PT0001.md is missing", docs);
        Assert.Contains("PT0001: no row in AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md", docs);
        Assert.Contains("PT0001: no row '| [PT0001](docs/rules/PT0001.md) | ...' in the README rule table", docs);
        Assert.DoesNotContain(CodeFixViolations(samples), p => p.StartsWith("RenameBadClassFix: must", StringComparison.Ordinal));
        Assert.Contains("UnexportedFix: must be [ExportCodeFixProvider(LanguageNames.CSharp, Name = ...)]", CodeFixViolations(samples));
        Assert.Contains("UnexportedFix: must be [Shared]", CodeFixViolations(samples));
        Assert.Contains("UnexportedFix: GetFixAllProvider() must return a Fix All provider", CodeFixViolations(samples));
        Assert.Contains("UnexportedFix: fixes 'PT9999', which no analyzer of the package declares", CodeFixViolations(samples));
        Assert.DoesNotMatch(FixKeyPattern, "PA1001 Parameterize");
        Assert.Matches(FixKeyPattern, "PA1001_Parameterize");
        var violation = Assert.Throws<Xunit.Sdk.XunitException>(() => AssertNoViolations(new[] { "PA0000: example" }));
        Assert.Contains("PA0000: example", violation.Message);
    }

    private static IEnumerable<FieldInfo> ConstantFields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string));

    private static IEnumerable<string> Constants(Type type) =>
        ConstantFields(type).Select(f => (string)f.GetRawConstantValue()!);

    private static void AssertNoViolations(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{list.Count} convention violation(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", list));
        }
    }
}

/// <summary>
/// The package's hot paths are compiled optimized on first call (<see cref="HotPath"/>): a compiler process rarely gives
/// tiered compilation the quiet moment it needs to optimize them, and unoptimized they cost the package about 60% more on
/// a large code base.
/// </summary>
public class HotPathTests
{
    [Fact]
    public void HotPathOption_IsTheRuntimesAggressiveOptimization() =>
        Assert.Equal(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization, HotPath.Options);

    /// <summary>
    /// Every method of the package that the driver's per-node, per-operation or per-symbol callbacks hand their context to
    /// (the work behind each callback, run thousands of times per compilation) is marked; reporting a finding is not hot.
    /// </summary>
    [Fact]
    public void MethodsTakingAPerNodeContext_AreCompiledOptimized()
    {
        var perNode = new[] { typeof(SyntaxNodeAnalysisContext), typeof(OperationAnalysisContext), typeof(SymbolAnalysisContext) };
        var unmarked = typeof(HotPath).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.Name.Contains('<') && !m.Name.StartsWith("Report", StringComparison.Ordinal) && m.GetParameters().Any(p => perNode.Contains(p.ParameterType)))
            .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.Empty(unmarked);
    }

    /// <summary>
    /// The callbacks themselves — the lambdas an analyzer registers for syntax nodes, operations and symbols — are marked
    /// too: the driver calls them for every node of their kinds.
    /// </summary>
    [Fact]
    public void RegisteredPerNodeCallbacks_AreCompiledOptimized()
    {
        var perNode = new[] { typeof(SyntaxNodeAnalysisContext), typeof(OperationAnalysisContext), typeof(SymbolAnalysisContext) };
        var callbacks = typeof(HotPath).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Contains("<OnCompilationStart>", StringComparison.Ordinal) && m.GetParameters() is [var only] && perNode.Contains(only.ParameterType))
            .ToList();
        Assert.NotEmpty(callbacks);
        var unmarked = callbacks
            .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
            .Select(m => m.DeclaringType!.FullName + "." + m.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.Empty(unmarked);
    }
}
