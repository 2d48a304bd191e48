namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// Source of a compile-only stand-in for Microsoft.Data.SqlClient (the package is not served to this build).
/// It has the public shape analyzers look at; members throw. Compiled once by <see cref="TestReferences"/>.
/// </summary>
internal static class SqlClientStub
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : DbConnection
            {
                public SqlConnection() { }
                public SqlConnection(string connectionString) { }
                [AllowNull] public override string ConnectionString { get; set; } = "";
                public override string Database => throw new NotImplementedException();
                public override string DataSource => throw new NotImplementedException();
                public override string ServerVersion => throw new NotImplementedException();
                public override ConnectionState State => throw new NotImplementedException();
                public override void ChangeDatabase(string databaseName) => throw new NotImplementedException();
                public override void Close() => throw new NotImplementedException();
                public override void Open() => throw new NotImplementedException();
                public new SqlTransaction BeginTransaction() => throw new NotImplementedException();
                public new SqlTransaction BeginTransaction(IsolationLevel iso) => throw new NotImplementedException();
                public new SqlCommand CreateCommand() => throw new NotImplementedException();
                protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotImplementedException();
                protected override DbCommand CreateDbCommand() => throw new NotImplementedException();
            }

            public sealed class SqlTransaction : DbTransaction
            {
                internal SqlTransaction() { }
                public new SqlConnection? Connection => throw new NotImplementedException();
                protected override DbConnection? DbConnection => throw new NotImplementedException();
                public override IsolationLevel IsolationLevel => throw new NotImplementedException();
                public override void Commit() => throw new NotImplementedException();
                public override void Rollback() => throw new NotImplementedException();
            }

            public sealed class SqlCommand : DbCommand
            {
                public SqlCommand() { }
                public SqlCommand(string? cmdText) { }
                public SqlCommand(string? cmdText, SqlConnection? connection) { }
                public SqlCommand(string? cmdText, SqlConnection? connection, SqlTransaction? transaction) { }
                [AllowNull] public override string CommandText { get; set; } = "";
                public override int CommandTimeout { get; set; }
                public override CommandType CommandType { get; set; }
                public override bool DesignTimeVisible { get; set; }
                public override UpdateRowSource UpdatedRowSource { get; set; }
                public new SqlConnection? Connection { get; set; }
                public new SqlTransaction? Transaction { get; set; }
                public new SqlParameterCollection Parameters => throw new NotImplementedException();
                protected override DbConnection? DbConnection { get; set; }
                protected override DbParameterCollection DbParameterCollection => throw new NotImplementedException();
                protected override DbTransaction? DbTransaction { get; set; }
                public override void Cancel() => throw new NotImplementedException();
                public override int ExecuteNonQuery() => throw new NotImplementedException();
                public override object? ExecuteScalar() => throw new NotImplementedException();
                public new SqlDataReader ExecuteReader() => throw new NotImplementedException();
                public new SqlDataReader ExecuteReader(CommandBehavior behavior) => throw new NotImplementedException();
                public new Task<SqlDataReader> ExecuteReaderAsync() => throw new NotImplementedException();
                public new Task<SqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
                public override void Prepare() => throw new NotImplementedException();
                public new SqlParameter CreateParameter() => throw new NotImplementedException();
                protected override DbParameter CreateDbParameter() => throw new NotImplementedException();
                protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotImplementedException();
            }

            public sealed class SqlParameter : DbParameter
            {
                public SqlParameter() { }
                public SqlParameter(string? parameterName, object? value) { }
                public SqlParameter(string? parameterName, SqlDbType dbType) { }
                public SqlParameter(string? parameterName, SqlDbType dbType, int size) { }
                public SqlDbType SqlDbType { get; set; }
                public override DbType DbType { get; set; }
                public override ParameterDirection Direction { get; set; }
                public override bool IsNullable { get; set; }
                [AllowNull] public override string ParameterName { get; set; } = "";
                public override int Size { get; set; }
                [AllowNull] public override string SourceColumn { get; set; } = "";
                public override bool SourceColumnNullMapping { get; set; }
                public override object? Value { get; set; }
                public override void ResetDbType() => throw new NotImplementedException();
            }

            public sealed class SqlParameterCollection : DbParameterCollection
            {
                internal SqlParameterCollection() { }
                public SqlParameter Add(SqlParameter value) => throw new NotImplementedException();
                public SqlParameter Add(string parameterName, SqlDbType sqlDbType) => throw new NotImplementedException();
                public SqlParameter Add(string parameterName, SqlDbType sqlDbType, int size) => throw new NotImplementedException();
                public SqlParameter Add(string parameterName, object? value) => throw new NotImplementedException();
                public SqlParameter AddWithValue(string parameterName, object? value) => throw new NotImplementedException();
                public void AddRange(SqlParameter[] values) => throw new NotImplementedException();
                public new SqlParameter this[int index] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
                public new SqlParameter this[string parameterName] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
                public override int Count => throw new NotImplementedException();
                public override object SyncRoot => throw new NotImplementedException();
                public override int Add(object value) => throw new NotImplementedException();
                public override void AddRange(Array values) => throw new NotImplementedException();
                public override void Clear() => throw new NotImplementedException();
                public override bool Contains(object value) => throw new NotImplementedException();
                public override bool Contains(string value) => throw new NotImplementedException();
                public override void CopyTo(Array array, int index) => throw new NotImplementedException();
                public override IEnumerator GetEnumerator() => throw new NotImplementedException();
                public override int IndexOf(object value) => throw new NotImplementedException();
                public override int IndexOf(string parameterName) => throw new NotImplementedException();
                public override void Insert(int index, object value) => throw new NotImplementedException();
                public override void Remove(object value) => throw new NotImplementedException();
                public override void RemoveAt(int index) => throw new NotImplementedException();
                public override void RemoveAt(string parameterName) => throw new NotImplementedException();
                protected override DbParameter GetParameter(int index) => throw new NotImplementedException();
                protected override DbParameter GetParameter(string parameterName) => throw new NotImplementedException();
                protected override void SetParameter(int index, DbParameter value) => throw new NotImplementedException();
                protected override void SetParameter(string parameterName, DbParameter value) => throw new NotImplementedException();
            }

            public sealed class SqlDataReader : DbDataReader
            {
                internal SqlDataReader() { }
                public override object this[int ordinal] => throw new NotImplementedException();
                public override object this[string name] => throw new NotImplementedException();
                public override int Depth => throw new NotImplementedException();
                public override int FieldCount => throw new NotImplementedException();
                public override bool HasRows => throw new NotImplementedException();
                public override bool IsClosed => throw new NotImplementedException();
                public override int RecordsAffected => throw new NotImplementedException();
                public override bool GetBoolean(int ordinal) => throw new NotImplementedException();
                public override byte GetByte(int ordinal) => throw new NotImplementedException();
                public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotImplementedException();
                public override char GetChar(int ordinal) => throw new NotImplementedException();
                public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotImplementedException();
                public override string GetDataTypeName(int ordinal) => throw new NotImplementedException();
                public override DateTime GetDateTime(int ordinal) => throw new NotImplementedException();
                public override decimal GetDecimal(int ordinal) => throw new NotImplementedException();
                public override double GetDouble(int ordinal) => throw new NotImplementedException();
                [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
                public override Type GetFieldType(int ordinal) => throw new NotImplementedException();
                public override float GetFloat(int ordinal) => throw new NotImplementedException();
                public override Guid GetGuid(int ordinal) => throw new NotImplementedException();
                public override short GetInt16(int ordinal) => throw new NotImplementedException();
                public override int GetInt32(int ordinal) => throw new NotImplementedException();
                public override long GetInt64(int ordinal) => throw new NotImplementedException();
                public override string GetName(int ordinal) => throw new NotImplementedException();
                public override int GetOrdinal(string name) => throw new NotImplementedException();
                public override string GetString(int ordinal) => throw new NotImplementedException();
                public override object GetValue(int ordinal) => throw new NotImplementedException();
                public override int GetValues(object[] values) => throw new NotImplementedException();
                public override bool IsDBNull(int ordinal) => throw new NotImplementedException();
                public override bool NextResult() => throw new NotImplementedException();
                public override bool Read() => throw new NotImplementedException();
                public override IEnumerator GetEnumerator() => throw new NotImplementedException();
            }

            public sealed class SqlDataAdapter : DbDataAdapter
            {
                public SqlDataAdapter() { }
                public SqlDataAdapter(SqlCommand selectCommand) { }
                public SqlDataAdapter(string selectCommandText, SqlConnection selectConnection) { }
                public SqlDataAdapter(string selectCommandText, string selectConnectionString) { }
                public new SqlCommand? SelectCommand { get; set; }
            }

            public sealed class SqlCommandBuilder : DbCommandBuilder
            {
                public SqlCommandBuilder() { }
                public SqlCommandBuilder(SqlDataAdapter adapter) { }
                public override string QuoteIdentifier(string unquotedIdentifier) => throw new NotImplementedException();
                public override string UnquoteIdentifier(string quotedIdentifier) => throw new NotImplementedException();
                protected override void ApplyParameterInfo(DbParameter parameter, DataRow row, StatementType statementType, bool whereClause) => throw new NotImplementedException();
                protected override string GetParameterName(int parameterOrdinal) => throw new NotImplementedException();
                protected override string GetParameterName(string parameterName) => throw new NotImplementedException();
                protected override string GetParameterPlaceholder(int parameterOrdinal) => throw new NotImplementedException();
                protected override void SetRowUpdatingHandler(DbDataAdapter adapter) => throw new NotImplementedException();
            }

            public sealed class SqlException : DbException
            {
                internal SqlException() { }
                public int Number => throw new NotImplementedException();
            }
        }
        """;
}
