using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Rename;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

// Tiny analyzers and fixes used only to test the verifier itself.
#pragma warning disable RS1036, RS2008, RS1038, RS1041

/// <summary>Reports every class named <c>Bad</c> on its identifier: "Class 'Bad' is bad".</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadClassAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PT0001", "Bad class", "Class '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var declaration = (ClassDeclarationSyntax)c.Node;
                if (declaration.Identifier.ValueText.StartsWith("Bad", StringComparison.Ordinal))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                }
            },
            SyntaxKind.ClassDeclaration);
    }
}

/// <summary>Like <see cref="BadClassAnalyzer"/>, disabled by default, reads <c>dotnet_code_quality.PT0002.prefix</c> (default "Bad").</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurableClassAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PT0002", "Configured class", "Class '{0}' starts with '{1}'", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Node.SyntaxTree);
                var prefix = options.TryGetValue("dotnet_code_quality.PT0002.prefix", out var value) ? value : "Bad";
                var declaration = (ClassDeclarationSyntax)c.Node;
                if (declaration.Identifier.ValueText.StartsWith(prefix, StringComparison.Ordinal))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText, prefix));
                }
            },
            SyntaxKind.ClassDeclaration);
    }
}

/// <summary>Reports classes named Bad (PT0003) and Worse (PT0004): two descriptors.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TwoRuleAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor BadRule = new(
        "PT0003", "Bad", "Bad '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorseRule = new(
        "PT0004", "Worse", "Worse '{0}'", "Test", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadRule, WorseRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var identifier = ((ClassDeclarationSyntax)c.Node).Identifier;
                var rule = identifier.ValueText switch { "Bad" => BadRule, "Worse" => WorseRule, _ => null };
                if (rule is not null)
                {
                    c.ReportDiagnostic(Diagnostic.Create(rule, identifier.GetLocation(), identifier.ValueText));
                }
            },
            SyntaxKind.ClassDeclaration);
    }
}

/// <summary>Throws on every class declaration (AD0001).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PT0005", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("analyzer exploded"), SyntaxKind.ClassDeclaration);
    }
}

/// <summary>Renames a class <c>Bad…</c> to <c>Good…</c> (key <c>PT0001_Rename</c>); a second action prepends "Fixed" (key <c>PT0001_Suffix</c>). Offers nothing for <c>BadKeep</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameBadClassFix)), Shared]
public sealed class RenameBadClassFix : CodeFixProvider
{
    public const string RenameKey = "PT0001_Rename";
    public const string SuffixKey = "PT0001_Suffix";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001", "PT0002");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        var name = token.ValueText;
        if (name == "BadKeep")
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Rename to Good", c => Replace(context.Document, token, "Good" + name.Substring(3), c), RenameKey),
            context.Diagnostics);
        context.RegisterCodeFix(
            CodeAction.Create("Append Fixed", c => Replace(context.Document, token, "Fixed" + name, c), SuffixKey),
            context.Diagnostics);
    }

    internal static async Task<Document> Replace(Document document, SyntaxToken token, string newName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceToken(token, SyntaxFactory.Identifier(token.LeadingTrivia, newName, token.TrailingTrivia)));
    }
}

/// <summary>Throws while computing its change.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThrowingFix)), Shared]
public sealed class ThrowingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.RegisterCodeFix(
            CodeAction.Create("Explode", new Func<CancellationToken, Task<Document>>(_ => throw new NotSupportedException("fix exploded")), "PT0001_Explode"),
            context.Diagnostics);
        return Task.CompletedTask;
    }
}

/// <summary>Renames <c>Bad</c> to <c>int</c>: the result does not compile.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BreakingFix)), Shared]
public sealed class BreakingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(
            CodeAction.Create("Break", c => RenameBadClassFix.Replace(context.Document, token, "Good : Missing", c), "PT0001_Break"),
            context.Diagnostics);
    }
}

/// <summary>
/// Fixes one diagnostic by renaming to Good; its Fix All renames every class in scope to <c>AllGood</c>
/// (a Fix All provider that behaves differently from one-by-one fixing).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DifferentFixAllFix)), Shared]
public sealed class DifferentFixAllFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001");

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var tokens = diagnostics.Select(d => root!.FindToken(d.Location.SourceSpan.Start)).ToList();
        var index = 0;
        return document.WithSyntaxRoot(root!.ReplaceTokens(tokens, (t, _) => SyntaxFactory.Identifier(t.LeadingTrivia, "AllGood" + index++, t.TrailingTrivia)));
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(
            CodeAction.Create("Rename to Good", c => RenameBadClassFix.Replace(context.Document, token, "Good" + token.ValueText.Substring(3), c), "PT0001_Rename"),
            context.Diagnostics);
    }
}

/// <summary>Renames <c>Bad…</c> to <c>Bad…X</c>: the diagnostic never goes away.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LoopingFix)), Shared]
public sealed class LoopingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(
            CodeAction.Create("Append X", c => RenameBadClassFix.Replace(context.Document, token, token.ValueText + "X", c), "PT0001_AppendX"),
            context.Diagnostics);
    }
}

/// <summary>Offers an action that returns the document unchanged.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoOpFix)), Shared]
public sealed class NoOpFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.RegisterCodeFix(
            CodeAction.Create("Do nothing", _ => Task.FromResult(context.Document), "PT0001_Nothing"),
            context.Diagnostics);
        return Task.CompletedTask;
    }
}

/// <summary>Breaks the code-fix conventions on purpose (no export, not shared, no Fix All, unknown ID); used by the convention tests.</summary>
public sealed class UnexportedFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PT9999");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
}

/// <summary>Declares PT0001 too (an ID owned by two analyzers); used by the convention tests, reports nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateIdAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadClassAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>Reports PT0006 without a location once per compilation that declares a class named <c>Bad</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoLocationAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PT0006", "Compilation has a bad class", "The compilation declares '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(c =>
        {
            if (c.Compilation.GetTypeByMetadataName("Bad") is not null)
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, "Bad"));
            }
        });
    }
}
