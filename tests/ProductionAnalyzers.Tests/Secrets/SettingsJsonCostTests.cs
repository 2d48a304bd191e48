using System;
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

        /// <summary>
        /// Linear, not quadratic: reading twice the sections costs about twice as much. A ratio of the best of several
        /// runs each, not an absolute time, so a busy machine does not decide the outcome (quadratic would be about 4x).
        /// </summary>
        [Fact]
        public void LargeSettingsFile_IsReadInLinearTime()
        {
            var small = SourceText.From(Generate(sections: 10000));
            var large = SourceText.From(Generate(sections: 20000));
            Assert.Equal(10000 * 4, SettingsJson.Read(small).Count);
            Assert.Equal(20000 * 4, SettingsJson.Read(large).Count);

            var smallMs = BestOf(5, small);
            var largeMs = BestOf(5, large);
            _output.WriteLine($"{small.Length / 1024} KiB: {smallMs:F1} ms; {large.Length / 1024} KiB: {largeMs:F1} ms; ratio {largeMs / smallMs:F2}");
            Assert.True(largeMs < 3 * smallMs, $"twice the text took {largeMs / smallMs:F2}x as long ({smallMs:F1} ms -> {largeMs:F1} ms)");
        }

        private static double BestOf(int runs, SourceText text)
        {
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                SettingsJson.Read(text);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            return best;
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
