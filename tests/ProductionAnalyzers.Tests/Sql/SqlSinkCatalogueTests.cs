using Xunit;
using System;
using System.Linq;
using ProductionAnalyzers.Sql;
using ProductionAnalyzers.Tests.Conventions;

namespace ProductionAnalyzers.Tests.Sql;

/// <summary>The sink catalogue and the rule page agree: every type, member and text parameter of every entry is named in docs/rules/PA1001.md.</summary>
public class SqlSinkCatalogueTests
{
    [Fact]
    public void EverySinkOfTheCatalogue_IsNamedInTheRulePage()
    {
        var page = Repository.ReadText("docs", "rules", "PA1001.md");
        Assert.False(string.IsNullOrEmpty(page), "docs/rules/PA1001.md not found");

        var missing = SqlSinks.All
            .SelectMany(entry => new[] { "`" + entry.Kind + "`" }
                .Concat(entry.Types.Select(type => "`" + type + "`"))
                .Concat(entry.Names.Select(name => "`" + name + "`"))
                .Concat(entry.NamePrefixes.Select(prefix => "`" + prefix + "*`"))
                .Concat(entry.TextParameters.Select(parameter => "`" + parameter + "`")))
            .Distinct()
            .Where(name => page.IndexOf(name, StringComparison.Ordinal) < 0)
            .ToList();

        Assert.True(missing.Count == 0, "not named in docs/rules/PA1001.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void DerivedLists_AreTheOnesTheRuleAsks()
    {
        // The lists are derived from the catalogue; these are the answers the rule's tests were written against.
        Assert.Equal(
            new[] { "cmdtext", "commandstring", "commandtext", "query", "selectcommandtext", "sql", "sqltext" },
            SqlSinks.TextParameterNames.Select(n => n.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(SqlSinks.IsLibrarySinkName("QueryFirstOrDefaultAsync"));
        Assert.True(SqlSinks.IsLibrarySinkName("ExecuteSqlRaw"));
        Assert.True(SqlSinks.IsLibrarySinkName("CreateSQLQuery"));
        Assert.False(SqlSinks.IsLibrarySinkName("CreateCommand"));
        Assert.True(SqlSinks.MayBeSinkName("CreateCommand"));
        Assert.True(SqlSinks.MayBeSinkName("RunSqlScript"));
        Assert.False(SqlSinks.MayBeSinkName("GetUser"));
        Assert.Contains("System.Data.IDbCommand", SqlSinks.RuleTypes);
        Assert.True(SqlSinks.ConfiguredTextParameterNames.SetEquals(new[] { "sql", "query", "commandText" }));
    }
}
