using ProductionAnalyzers.Sql;
using Xunit;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>PA1001: which query texts read only the schema catalogue (their results are the program's own table and column names).</summary>
    public class SqlCatalogQueryTests
    {
        [Theory]
        [InlineData("PRAGMA table_info(?);")]
        [InlineData("pragma index_list('Shelf')")]
        [InlineData("SELECT name FROM pragma_table_info('?')")]
        [InlineData("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        [InlineData("SELECT column_name FROM information_schema.columns WHERE table_name = @table ORDER BY ordinal_position")]
        [InlineData("SELECT c.name FROM sys.columns c JOIN sys.tables t ON c.object_id = t.object_id WHERE t.name = @t")]
        [InlineData("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = ?::regclass")]
        [InlineData("SELECT COLUMN_NAME FROM [INFORMATION_SCHEMA].[COLUMNS] WHERE TABLE_NAME = 'Note'")]
        public void CatalogueQueries(string text) => Assert.True(SqlTextEvaluator.IsCatalogQuery(text));

        [Theory]
        [InlineData("SELECT Name FROM Users WHERE Id = @id")]
        [InlineData("SELECT m.name FROM sqlite_master m JOIN Settings s ON s.Value = m.name")]
        [InlineData("SELECT name FROM sqlite_master; SELECT Secret FROM Users")]
        [InlineData("PRAGMA journal_mode")]
        [InlineData("DELETE FROM information_schema_log")]
        [InlineData("SELECT 1")]
        [InlineData("")]
        public void OtherQueries(string text) => Assert.False(SqlTextEvaluator.IsCatalogQuery(text));
    }
}
