using System;
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
        /// Linear, not quadratic: reading twice the sections allocates about twice as much. Measured in bytes allocated on
        /// this thread, which is the same on every run, not in time, which a busy machine (or a collection) decides: a
        /// time ratio failed under parallel tests in CI.
        /// </summary>
        [Fact]
        public void LargeSettingsFile_IsReadInLinearTime()
        {
            var small = SourceText.From(Generate(sections: 10000));
            var large = SourceText.From(Generate(sections: 20000));
            Assert.Equal(10000 * 4, SettingsJson.Read(small).Count);
            Assert.Equal(20000 * 4, SettingsJson.Read(large).Count);

            var smallBytes = AllocatedBy(small);
            var largeBytes = AllocatedBy(large);
            _output.WriteLine($"{small.Length / 1024} KiB: {smallBytes / 1024} KiB allocated; {large.Length / 1024} KiB: {largeBytes / 1024} KiB allocated");
            Assert.True(largeBytes < 2.5 * smallBytes, $"twice the text allocated {largeBytes / (double)smallBytes:F2}x as much ({smallBytes} -> {largeBytes} bytes)");
        }

        private static long AllocatedBy(SourceText text)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            SettingsJson.Read(text);
            return GC.GetAllocatedBytesForCurrentThread() - before;
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
