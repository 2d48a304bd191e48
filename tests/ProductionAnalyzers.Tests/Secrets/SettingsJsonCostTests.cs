using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using ProductionAnalyzers.Secrets;
using Xunit;
using Xunit.Abstractions;

namespace ProductionAnalyzers.Tests.Secrets
{
    /// <summary>The cost of the settings-file reader on a large file: linear, and far below a compile's time.</summary>
    public class SettingsJsonCostTests
    {
        private readonly ITestOutputHelper _output;

        public SettingsJsonCostTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void LargeSettingsFile_IsReadInLinearTime()
        {
            var text = SourceText.From(Generate(sections: 20000));
            SettingsJson.Read(text); // warm-up
            var watch = Stopwatch.StartNew();
            var values = SettingsJson.Read(text);
            watch.Stop();

            _output.WriteLine($"{text.Length / 1024} KiB, {values.Count} values: {watch.Elapsed.TotalMilliseconds:F1} ms");
            Assert.Equal(20000 * 4, values.Count);
            Assert.True(watch.Elapsed.TotalSeconds < 2, $"reading {text.Length} characters took {watch.Elapsed.TotalMilliseconds} ms");
        }

        private static string Generate(int sections)
        {
            var builder = new StringBuilder("{\n");
            for (var i = 0; i < sections; i++)
            {
                builder.Append("  // section ").Append(i).Append('\n');
                builder.Append("  \"Service").Append(i).Append("\": { \"Url\": \"https://svc").Append(i)
                    .Append(".contoso.test/api\", \"Name\": \"service ").Append(i).Append("\", \"Tags\": [ \"a\", \"b\" ], \"Timeout\": 30 },\n");
            }

            return builder.Append("}\n").ToString();
        }
    }
}
