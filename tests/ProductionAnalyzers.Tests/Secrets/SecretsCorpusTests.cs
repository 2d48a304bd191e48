using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.Secrets;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>
    /// The labelled secrets corpus: a small Web API (Program.cs, options, an SMTP sender, a payment client, JWT setup, a
    /// seeder, integration clients, bus configuration, test fixtures) and its appsettings files. The C# files mark every
    /// expected diagnostic; the JSON files' expectations are in <c>settings-expected.txt</c> (rule, file, key path).
    /// </summary>
    public class SecretsCorpusTests
    {
        private static readonly string[] Families = { "Sql", "Exceptions", "Logging", "Secrets" };

        [Fact]
        public async Task Corpus_ReportsExactlyTheMarkedDiagnostics() =>
            await CorpusVerifier.VerifyAsync<HardcodedSecretAnalyzer>("Secrets", test => test.TestState.OutputKind = OutputKind.ConsoleApplication);

        [Fact]
        public async Task SettingsFiles_ReportExactlyTheExpectedFindings()
        {
            var directory = TestCorpus.DirectoryOf("Secrets");
            var files = Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => ("/0/" + Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            Assert.True(files.Length >= 3, $"only {files.Length} settings files");

            var expected = File.ReadAllLines(Path.Combine(directory, "settings-expected.txt"))
                .Where(l => l.Length > 0 && l[0] != '#').OrderBy(l => l, StringComparer.Ordinal).ToArray();
            var actual = (await SettingsFiles.AnalyzeAsync(files))
                .Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)} {KeyPath(d.GetMessage())}")
                .OrderBy(l => l, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Corpus_HasManyFilesAndFindings()
        {
            var files = TestCorpus.Load("Secrets");
            Assert.True(files.Count >= 8, $"only {files.Count} corpus files");
            var findings = files.Sum(f => Regex.Matches(f.Content, @"\{\|PA200[123]:").Count);
            Assert.True(findings >= 20, $"only {findings} marked findings");
        }

        /// <summary>
        /// No message over any corpus (C# of every family, and the settings files) shows more than the first 4 characters of a
        /// secret: the quoted value is at most 4 characters and '…', and no 8 consecutive characters of the reported text appear
        /// elsewhere in the message. SARIF and build logs carry exactly these messages.
        /// </summary>
        [Fact]
        public async Task Messages_NeverShowMoreThanFourCharactersOfASecret()
        {
            var checkedCount = 0;
            foreach (var family in Families)
            {
                var trees = TestCorpus.LoadPlain(family)
                    .Select(f => CSharpSyntaxTree.ParseText(f.Code, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/" + family + "/" + f.FileName))
                    .ToArray();
                var compilation = CSharpCompilation.Create(family, trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
                var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()))
                    .GetAnalyzerDiagnosticsAsync();
                foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("PA2", StringComparison.Ordinal)))
                {
                    var literal = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
                    AssertRedacted(diagnostic.GetMessage(), literal);
                    checkedCount++;
                }
            }

            var directory = TestCorpus.DirectoryOf("Secrets");
            var files = Directory.GetFiles(directory, "*.json").Select(f => ("/0/" + Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            foreach (var diagnostic in await SettingsFiles.AnalyzeAsync(files))
            {
                var text = files.Single(f => f.Item1 == diagnostic.Location.GetLineSpan().Path).Item2;
                var span = diagnostic.Location.SourceSpan;
                AssertRedacted(diagnostic.GetMessage(), text.Substring(span.Start, span.Length));
                checkedCount++;
            }

            Assert.True(checkedCount >= 25, $"only {checkedCount} messages checked");
        }

        private static void AssertRedacted(string message, string reportedText)
        {
            foreach (Match shown in Regex.Matches(message, "'([^']*)…'"))
            {
                Assert.True(shown.Groups[1].Value.Length <= 4, $"more than 4 characters shown: {message}");
            }

            // The subject (the name or key path) comes first and may repeat words of the value: compare the rest.
            var holds = message.IndexOf(" holds ", StringComparison.Ordinal);
            var end = message.IndexOf("); ", holds, StringComparison.Ordinal);
            // The connection-string key or URI scheme PA2003 names ("(Password '…", "(amqps:// '…") is not the secret.
            // So is the rule's own wording ("an embedded password").
            var rest = Regex.Replace(message.Substring(holds, end - holds), @"\(([^']*) '", "('").Replace("embedded password", string.Empty, StringComparison.Ordinal);
            var value = reportedText.Trim('"', '@', '$', 'u', '8');
            for (var i = 0; i + 8 <= value.Length; i++)
            {
                var window = value.Substring(i, 8);
                if (window.Count(char.IsLetterOrDigit) >= 6)
                {
                    Assert.False(rest.Contains(window, StringComparison.Ordinal), $"'{window}' of the secret is in the message: {message}");
                }
            }
        }

        private static string KeyPath(string message)
        {
            var start = message.IndexOf('\'');
            var end = message.IndexOf('\'', start + 1);
            return message.Substring(start + 1, end - start - 1);
        }
    }
}
