using ProductionAnalyzers.Sql;
using Xunit;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>The value / identifier / clause heuristic behind PA1001's message and its fix.</summary>
    public class SqlPositionClassifierTests
    {
        [Theory]
        [InlineData("SELECT * FROM t WHERE name = '", "'")]
        [InlineData("SELECT * FROM t WHERE name = ", "")]
        [InlineData("SELECT * FROM \"Fileset-1\" WHERE \"Path\" = ", "")]
        [InlineData("SELECT * FROM [t] WHERE [a] > ", "")]
        [InlineData("SELECT * FROM t WHERE total > ", " AND a = 1")]
        [InlineData("SELECT * FROM t WHERE name LIKE ", "")]
        [InlineData("SELECT * FROM t WHERE name ILIKE ", "")]
        [InlineData("SELECT * FROM t WHERE d BETWEEN @a AND ", "")]
        [InlineData("INSERT INTO t (a, b) VALUES (", ", @b)")]
        [InlineData("INSERT INTO t (a, b) VALUES (@a, ", ")")]
        [InlineData("UPDATE t SET name = ", " WHERE id = 1")]
        [InlineData("SELECT TOP ", " * FROM t")]
        [InlineData("SELECT * FROM t LIMIT ", "")]
        [InlineData("SELECT COALESCE(", ", 0) FROM t")]
        [InlineData("PRAGMA foreign_keys=ON; SELECT * FROM t WHERE a = ", "")]
        [InlineData("SELECT pragma_value FROM t WHERE a = ", "")]
        public void ValuePositions(string before, string after) =>
            Assert.Equal(SqlPositionKind.Value, SqlPositionClassifier.Classify(before, after).Kind);

        [Theory]
        [InlineData("SELECT * FROM ", "")]
        [InlineData("SELECT * FROM t JOIN ", " u ON u.id = t.id")]
        [InlineData("INSERT INTO ", " (a) VALUES (@a)")]
        [InlineData("UPDATE ", " SET a = 1")]
        [InlineData("TRUNCATE TABLE ", "")]
        [InlineData("SELECT * FROM t ORDER BY ", "")]
        [InlineData("SELECT * FROM t ORDER BY name ", "")]
        [InlineData("SELECT a FROM t GROUP BY ", "")]
        [InlineData("SELECT ", " FROM t")]
        [InlineData("SELECT a, ", " FROM t")]
        [InlineData("SELECT * FROM dbo.", "")]
        [InlineData("SELECT * FROM [", "]")]
        [InlineData("SELECT * FROM \"", "\".orders")]
        [InlineData("DROP TABLE IF EXISTS \"Fileset-", "\"")]
        [InlineData("CREATE TABLE [tmp_", "] (id INT)")]
        [InlineData("SELECT * FROM `scratch_", "`")]
        [InlineData("INSERT INTO t (", ") VALUES (@a)")]
        [InlineData("SELECT * FROM t WHERE ", " = @value")]
        [InlineData("UPDATE t SET ", " = @value")]
        [InlineData("EXEC ", " @id")]
        [InlineData("MERGE ", " AS t USING s ON 1 = 1")]
        [InlineData("PRAGMA journal_mode=", ";")]
        [InlineData("PRAGMA ", "=1;")]
        [InlineData("PRAGMA foreign_keys=ON;\npragma cache_size = ", ";")]
        [InlineData("PRAGMA key = '", "';")]
        [InlineData("DROP INDEX IF EXISTS ", ";")]
        [InlineData("CREATE TABLE IF NOT EXISTS ", " (Id INTEGER)")]
        public void IdentifierPositions(string before, string after) =>
            Assert.Equal(SqlPositionKind.Identifier, SqlPositionClassifier.Classify(before, after).Kind);

        [Theory]
        [InlineData("", " ORDER BY a")]
        [InlineData("SELECT * FROM t WHERE ", "")]
        [InlineData("SELECT * FROM t WHERE a = 1 AND ", "")]
        [InlineData("SELECT * FROM t ", "")]
        [InlineData("SELECT * FROM t WHERE (", ")")]
        [InlineData("SELECT * FROM t WHERE EXISTS ", "")]
        public void ClausePositions(string before, string after) =>
            Assert.Equal(SqlPositionKind.Clause, SqlPositionClassifier.Classify(before, after).Kind);

        [Theory]
        [InlineData("SELECT * FROM t WHERE id IN (", ")")]
        [InlineData("SELECT * FROM t WHERE id IN ", "")]
        [InlineData("SELECT * FROM t WHERE name IN ('", "')")]
        public void InLists_AreValuesThatOneParameterCannotReplace(string before, string after)
        {
            var position = SqlPositionClassifier.Classify(before, after);
            Assert.Equal(SqlPositionKind.Value, position.Kind);
            Assert.True(position.InList);
        }

        [Fact]
        public void QuotedValue_IsMarkedQuoted()
        {
            var position = SqlPositionClassifier.Classify("SELECT * FROM t WHERE name = N'", "'");
            Assert.True(position.Quoted);
            Assert.False(position.InList);
            Assert.Equal("a value", position.KindText);
            Assert.Equal("pass it as a parameter", position.Advice);
        }
    }
}
