using ProductionAnalyzers.Logging;
using Xunit;

namespace ProductionAnalyzers.Tests.Logging;

public class MessageTemplateTests
{
    [Fact]
    public void Parse_NamedPositionalOperatorsAlignmentFormat()
    {
        var holes = MessageTemplate.Parse("Order {OrderId} by {@User} at {Price,10:C} {0} {{escaped}}");
        Assert.Equal(new[] { "OrderId", "User", "Price", "0" }, holes.Select(h => h.Name));
        Assert.Equal("10", holes[2].Alignment);
        Assert.Equal("C", holes[2].Format);
        Assert.True(holes[3].IsPositional);
    }

    [Theory]
    [InlineData("unclosed {Name")]
    [InlineData("{}")]
    [InlineData("{ }")]
    [InlineData("{@}")]
    [InlineData("{a b}")]
    [InlineData("}}{{")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_MalformedTemplates_YieldNoHoles(string? template) =>
        Assert.Empty(MessageTemplate.Parse(template));

    [Fact]
    public void ValueIndexes_NamedByOrder_PositionalByNumber_DuplicatesShare()
    {
        Assert.Equal(new[] { 0, 1, 0 }, MessageTemplate.ValueIndexes(MessageTemplate.Parse("{A} {B} {A}")));
        Assert.Equal(new[] { 1, 0 }, MessageTemplate.ValueIndexes(MessageTemplate.Parse("{1} {0}")));
    }
}
