using System.Collections.Generic;
using System.Linq;
using ProductionAnalyzers.Infrastructure;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>The one composite-format tokenizer shared by the SQL evaluator and the logging fixes.</summary>
    public class CompositeFormatTests
    {
        private static (bool WellFormed, string Shape) Tokenize(string format)
        {
            var tokens = new List<CompositeFormatToken>();
            var wellFormed = CompositeFormat.Tokenize(format, tokens);
            var shape = string.Concat(tokens.Select(t => t.IsItem
                ? "[" + t.Index + (t.Alignment is null ? string.Empty : "," + t.Alignment) + (t.Format is null ? string.Empty : ":" + t.Format) + "]"
                : "'" + t.Text + "'"));
            return (wellFormed, shape);
        }

        [Theory]
        [InlineData("Imported {0} rows", "'Imported '[0]' rows'")]
        [InlineData("{0,-5:N2} of {1}", "[0,-5:N2]' of '[1]")]
        [InlineData("{ 1 , 8 }", "[1,8]")]
        [InlineData("{{literal}} {0:yyyy-MM-dd HH:mm}", "'{literal} '[0:yyyy-MM-dd HH:mm]")]
        [InlineData("", "")]
        public void WellFormedFormats_AreSplitIntoTextAndItems(string format, string expected)
        {
            Assert.Equal((true, expected), Tokenize(format));
        }

        [Theory]
        [InlineData("a } b", "'a } b'")]
        [InlineData("a {0", "'a {0'")]
        [InlineData("{name} {0}", "[-1]' '[0]")]
        [InlineData("{0,x}", "[0,x]")]
        public void MalformedFormats_AreReportedAndTokenizedLeniently(string format, string expected)
        {
            Assert.Equal((false, expected), Tokenize(format));
        }
    }
}
