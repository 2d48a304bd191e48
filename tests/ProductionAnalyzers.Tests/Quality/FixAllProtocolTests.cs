using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// How the callers of our Fix All providers drive them. First <c>dotnet format analyzers</c>: the test replays what
    /// <c>dotnet format analyzers --diagnostics ...</c> does with our fixers, deterministically: one pass per
    /// requested ID, in the order it happens to list them; each pass re-runs the analyzers that support the ID, keeps the
    /// diagnostics of every requested ID they report, takes the first of them (which may belong to a sibling rule of the same
    /// analyzer, e.g. a PA3002 when the pass is for PA3001), registers that diagnostic's fixes, takes the first action and
    /// runs Fix All in solution scope with its equivalence key over the pass's ID only. The tool's order of IDs and of
    /// diagnostics varies from run to run, so every order and choice of "first" diagnostic is tried here: each must leave
    /// no fixable diagnostic behind and code that compiles. Then the test harness, which hands Fix All the diagnostics of
    /// every ID the analyzers support: an action's Fix All must still fix only what that action fixes.
    /// </summary>
    public class FixAllProtocolTests
    {
        private static readonly string[] RequestedIds = { "PA4001", "PA3001", "PA3002", "PA1001", "PA4002" };

        private const string Service = """
            using System;
            using System.Data.Common;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public sealed class ExportService
            {
                private readonly ILogger<ExportService> _logger;
                private readonly DbConnection _connection;

                public ExportService(ILogger<ExportService> logger, DbConnection connection)
                {
                    _logger = logger;
                    _connection = connection;
                }

                public void DeleteTemp(string path)
                {
                    try
                    {
                        File.Delete(path);
                    }
                    catch (IOException)
                    {
                    }
                }

                public async Task<bool> TryConnectAsync()
                {
                    try
                    {
                        await _connection.OpenAsync();
                        return true;
                    }
                    catch (Exception)
                    {
                        return false;
                    }
                }

                public async Task<int> RenameAsync(int id, string name)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = "UPDATE exports SET name = '" + name + "' WHERE id = " + id;
                    _logger.LogInformation($"Renaming export {id} to {name}");
                    try
                    {
                        return await command.ExecuteNonQueryAsync();
                    }
                    catch (DbException ex)
                    {
                        _logger.LogError("Rename failed: {Reason}", ex.Message);
                        throw;
                    }
                }
            }
            """;

        private const string Worker = """
            using System;
            using System.Threading;
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public sealed class CleanupWorker
            {
                private readonly ILogger<CleanupWorker> _logger;

                public CleanupWorker(ILogger<CleanupWorker> logger) => _logger = logger;

                public void Run(Action step, CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        try
                        {
                            step();
                        }
                        catch
                        {
                            continue;
                        }

                        try
                        {
                            step();
                        }
                        catch (InvalidOperationException)
                        {
                        }
                    }
                }
            }
            """;

        public enum FirstDiagnostic
        {
            /// <summary>The first diagnostic of the pass is one of a sibling rule when there is one (what broke PA3001/PA3002).</summary>
            OfSiblingRule,

            /// <summary>The first diagnostic of the pass is one of the pass's own rule.</summary>
            OfPassRule,

            /// <summary>The last diagnostic in source order.</summary>
            Last,
        }

        [Theory]
        [InlineData(FirstDiagnostic.OfSiblingRule, false)]
        [InlineData(FirstDiagnostic.OfSiblingRule, true)]
        [InlineData(FirstDiagnostic.OfPassRule, false)]
        [InlineData(FirstDiagnostic.OfPassRule, true)]
        [InlineData(FirstDiagnostic.Last, false)]
        [InlineData(FirstDiagnostic.Last, true)]
        public async Task EveryOrder_FixesEveryRequestedDiagnostic(FirstDiagnostic first, bool reverseIds)
        {
            var analyzers = QualityHarness.CreateAnalyzers();
            var fixers = QualityHarness.CreateCodeFixes();
            var files = new[] { ("/0/ExportService.cs", Service), ("/0/CleanupWorker.cs", Worker) };
            var (project, compilation) = await QualityHarness.CreateProjectAsync(files, QualityReferences.Full, analyzers);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var before = await RequestedDiagnosticsAsync(compilation, analyzers);
            foreach (var id in RequestedIds)
            {
                Assert.Contains(before, d => d.Id == id);
            }

            var ids = reverseIds ? RequestedIds.Reverse().ToArray() : RequestedIds;
            var solution = project.Solution;
            foreach (var id in ids)
            {
                solution = await RunPassAsync(solution, project.Id, id, analyzers, fixers, first);
            }

            var fixedCompilation = (await solution.GetProject(project.Id)!.GetCompilationAsync())!;
            var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(QualityHarness.Describe).ToList();
            Assert.True(errors.Count == 0, "the fixed code does not compile:\n" + string.Join("\n", errors));
            var after = await RequestedDiagnosticsAsync(fixedCompilation, analyzers);
            Assert.True(after.IsEmpty, "left unfixed:\n" + string.Join("\n", after.Select(QualityHarness.Describe)));
        }

        [Fact]
        public async Task FixAllOfOneLoggingAction_GivenEveryLoggingId_FixesOnlyItsRule()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                namespace Shop;

                public sealed class ImportService
                {
                    private readonly ILogger<ImportService> _logger;

                    public ImportService(ILogger<ImportService> logger) => _logger = logger;

                    public void Run(int count, string name)
                    {
                        _logger.LogInformation($"Imported {count} rows");
                        Console.WriteLine("Import of " + name + " done");
                        try
                        {
                            Console.WriteLine(count);
                        }
                        catch (Exception ex)
                        {
                            _logger.LogWarning("Import failed: {Reason}", ex.Message);
                            throw;
                        }
                    }
                }
                """;
            var analyzers = QualityHarness.CreateAnalyzers();
            var fixer = QualityHarness.CreateCodeFixes().Single(f => f.FixableDiagnosticIds.Contains("PA4001"));
            var (project, compilation) = await QualityHarness.CreateProjectAsync(new[] { ("/0/ImportService.cs", source) }, QualityReferences.Full, analyzers);
            var diagnostics = (await QualityHarness.AnalyzeAsync(compilation, analyzers)).Diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                Assert.Contains(diagnostics, d => d.Id == id);
            }

            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var trigger = diagnostics.First(d => d.Id == id);
                var document = QualityHarness.FindDocument(project, trigger.Location.SourceTree)!;
                CodeAction? action = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, trigger, (a, _) => action ??= a, CancellationToken.None));
                Assert.NotNull(action);
                var context = new FixAllContext(document, fixer, FixAllScope.Document, action!.EquivalenceKey!, fixer.FixableDiagnosticIds,
                    new QualityHarness.FixedDiagnosticProvider(diagnostics), CancellationToken.None);
                var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                var solution = await QualityHarness.ApplyAsync(project.Solution, fixAll!);
                var after = (await QualityHarness.AnalyzeAsync((await solution.GetProject(project.Id)!.GetCompilationAsync())!, analyzers)).Diagnostics;
                Assert.DoesNotContain(after, d => d.Id == id);
                foreach (var other in fixer.FixableDiagnosticIds.Where(o => o != id))
                {
                    Assert.Equal(diagnostics.Count(d => d.Id == other), after.Count(d => d.Id == other));
                }
            }
        }

        private static async Task<Solution> RunPassAsync(
            Solution solution, ProjectId projectId, string id, ImmutableArray<DiagnosticAnalyzer> allAnalyzers, ImmutableArray<CodeFixProvider> fixers, FirstDiagnostic first)
        {
            var project = solution.GetProject(projectId)!;
            var analyzers = allAnalyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToImmutableArray();
            var diagnostics = await RequestedDiagnosticsAsync((await project.GetCompilationAsync())!, analyzers);
            if (diagnostics.IsEmpty)
            {
                return solution;
            }

            var trigger = first switch
            {
                FirstDiagnostic.OfSiblingRule => diagnostics.FirstOrDefault(d => d.Id != id) ?? diagnostics[0],
                FirstDiagnostic.OfPassRule => diagnostics.FirstOrDefault(d => d.Id == id) ?? diagnostics[0],
                _ => diagnostics[^1],
            };
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                var document = QualityHarness.FindDocument(project, trigger.Location.SourceTree)!;
                CodeAction? action = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, trigger, (a, _) => action ??= a, CancellationToken.None));
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, new[] { id },
                    new QualityHarness.FixedDiagnosticProvider(diagnostics), CancellationToken.None);
                var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                if (fixAll is not null)
                {
                    solution = await QualityHarness.ApplyAsync(solution, fixAll);
                }
            }

            return solution;
        }

        private static async Task<ImmutableArray<Diagnostic>> RequestedDiagnosticsAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var run = await QualityHarness.AnalyzeAsync(compilation, analyzers);
            Assert.Empty(run.Exceptions);
            return run.Diagnostics.Where(d => RequestedIds.Contains(d.Id)).ToImmutableArray();
        }
    }
}
