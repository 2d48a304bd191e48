using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Sql;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>
    /// The cost of wrapper discovery: only methods that pass the syntax pre-pass are bound, the number of bodies bound
    /// grows with the code (not faster), and the search stops binding at its bound.
    /// </summary>
    public class SqlWrapperSearchCostTests
    {
        [Fact]
        public void OnlyMethodsThatMayBeWrappersAreBound()
        {
            var (apis, compilation) = Search(20);
            var found = AskEveryMethod(apis, compilation);

            Assert.Equal(20, found.Count(entry => entry.Value.Length > 0));
            Assert.All(found.Where(entry => entry.Value.Length > 0), entry => Assert.StartsWith("Run", entry.Key.Name));

            // One body per real wrapper; the logging, lookup, exception and StringBuilder helpers and the overloads that only
            // call each other never get past the syntax pre-pass (its least fixed point leaves a cycle without a sink out).
            Assert.Equal(20, apis.BodiesBound);
        }

        [Fact]
        public void BodiesBoundGrowLinearlyWithTheCode()
        {
            var (small, smallCompilation) = Search(50);
            AskEveryMethod(small, smallCompilation);
            var (large, largeCompilation) = Search(100);
            AskEveryMethod(large, largeCompilation);

            Assert.Equal(2 * small.BodiesBound, large.BodiesBound);
        }

        [Fact]
        public void SearchStopsAtItsBound()
        {
            Assert.Equal(4096, SqlApis.MaxWrapperBodies);

            var (apis, compilation) = Search(30);
            apis.WrapperBodyLimit = 10;
            var found = AskEveryMethod(apis, compilation);

            Assert.Equal(10, apis.BodiesBound);
            Assert.Equal(10, found.Count(entry => entry.Value.Length > 0));
        }

        [Fact]
        public void CallsHandingOverAnUnbuiltPropertyOrLocal_DoNotRunThePrePass()
        {
            // A request's settable auto-property, and a local declared from one and never written again, are never built
            // text where they are read, so a call that hands only such a value to a method of the project is no wrapper
            // call, whatever the method does: its body is not read.
            var tree = CSharpSyntaxTree.ParseText(SqlTestCode.Usings + """
                public sealed class NoteRequest
                {
                    public string Text { get; set; } = "";

                    public string Title { get; private set; } = "";

                    public string Summary => Text.Trim();
                }

                public sealed class Notes
                {
                    public void Write(string text) => Console.WriteLine(text);

                    public void Title(string text) => Console.WriteLine(text);

                    public void Summary(string text) => Console.WriteLine(text);

                    public void Copy(string text) => Console.WriteLine(text);

                    public void Line(string text) => Console.WriteLine(text);
                }

                public sealed class NoteService
                {
                    private readonly Notes _notes = new Notes();

                    public void Handle(NoteRequest request)
                    {
                        _notes.Write(request.Text);
                        _notes.Title(request.Title);
                        _notes.Summary(request.Summary);
                        var copy = request.Text.Trim();
                        _notes.Copy(copy);
                        var line = request.Text;
                        line += "!";
                        _notes.Line(line);
                    }
                }
                """, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("PrePassProbe", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var apis = SqlApis.Create(compilation, default);
            var model = compilation.GetSemanticModel(tree);
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
            {
                Assert.False(apis.TryGetSink(model.GetOperation(invocation)!, out _));
            }

            var notes = compilation.GetTypeByMetadataName("Notes")!;
            Assert.False(apis.PrePassAsked((IMethodSymbol)notes.GetMembers("Write").Single()));
            Assert.True(apis.PrePassAsked((IMethodSymbol)notes.GetMembers("Title").Single()));
            Assert.True(apis.PrePassAsked((IMethodSymbol)notes.GetMembers("Summary").Single()));
            Assert.False(apis.PrePassAsked((IMethodSymbol)notes.GetMembers("Copy").Single()));
            Assert.True(apis.PrePassAsked((IMethodSymbol)notes.GetMembers("Line").Single()));
        }

        [Fact]
        public void InterfaceMethods_AreKeptByTheirNamesakes_AndJudgedByTheirImplementations()
        {
            // The pre-pass keeps an interface or virtual method when a method of its name reaches a sink (an implementation
            // or override has its name; an explicit implementation is indexed under it), reading syntax only. The bound
            // search then follows the real implementations: a namesake that is no implementation keeps the method for the
            // pre-pass but does not make it a wrapper.
            var tree = CSharpSyntaxTree.ParseText(SqlTestCode.Usings + """
                public interface IAuditLog { void Write(string entry); }

                public sealed class FileAudit : IAuditLog
                {
                    public void Write(string entry) => Console.WriteLine(entry);
                }

                public interface IRunner { Task<int> Run(string sql); }

                public sealed class DapperRunner : IRunner
                {
                    private readonly IDbConnection _db;

                    public DapperRunner(IDbConnection db) => _db = db;

                    Task<int> IRunner.Run(string sql) => _db.ExecuteAsync(sql);
                }

                public interface IExporter { void Export(string table); }

                public sealed class CsvExporter : IExporter
                {
                    public void Export(string table) => Console.WriteLine(table);
                }

                public sealed class TableTools
                {
                    private readonly IDbConnection _db;

                    public TableTools(IDbConnection db) => _db = db;

                    public void Export(string statement) => _db.Execute(statement);
                }
                """, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("NamesakeProbe", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var apis = SqlApis.Create(compilation, default);
            IMethodSymbol Method(string type, string name) => (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();

            Assert.Empty(apis.GetWrapperOrdinals(Method("IAuditLog", "Write"), default));
            Assert.Equal(0, apis.BodiesBound);

            Assert.Equal(new[] { 0 }, apis.GetWrapperOrdinals(Method("IRunner", "Run"), default).ToArray());
            Assert.Empty(apis.GetWrapperOrdinals(Method("IExporter", "Export"), default));
            Assert.Equal(new[] { 0 }, apis.GetWrapperOrdinals(Method("TableTools", "Export"), default).ToArray());
        }

        [Fact]
        public void EveryWrittenFormOfHandingOnAParameter_IsFollowed_AndOtherUsesAreNot()
        {
            // The pre-pass reads the text around each use of a parameter before it looks the token up: an argument, an
            // assignment's or initializer's value, written with comments, line breaks, casts, parentheses, a named argument, a
            // verbatim name or through an alias, is still followed; a use as an operand or a receiver is not (as before).
            var tree = CSharpSyntaxTree.ParseText(SqlTestCode.Usings + """
                public sealed class Statements
                {
                    private readonly IDbConnection _db;

                    public Statements(IDbConnection db) => _db = db;

                    public int Commented(string sql) => _db.Execute( /* the statement */ sql /* as given */ );

                    public int Broken(string sql) => _db.Execute(
                        sql
                        ,
                        null);

                    public int Named(string text) => _db.Execute(sql: (string)text);

                    public int Verbatim(string @sql) => _db.Execute(@sql);

                    public int Parenthesized(string text) => _db.Execute(((text)));

                    public int Aliased(string text)
                    {
                        var alias = text;
                        return _db.Execute(alias);
                    }

                    public int Assigned(string text)
                    {
                        using var command = new SqlCommand();
                        command.CommandText = (string)text;
                        return command.ExecuteNonQuery();
                    }

                    public int Initialized(string text)
                    {
                        using var command = new SqlCommand { CommandText = text };
                        return command.ExecuteNonQuery();
                    }

                    public int Chained(string statement) => Commented(
                        #if DEBUG
                        statement
                        #else
                        statement
                        #endif
                        );

                    public int Qualified(int timeout, System.String? sql) => _db.Execute(sql, commandTimeout: timeout);

                    public int ChainedQualified(string statement) => Qualified(30, statement);

                    public int Trimmed(string text) => _db.Execute(text.Trim());

                    public int Suffixed(string text) => _db.Execute(text + " LIMIT 10");

                    public string Declared(string sql, string? other) => sql;
                }
                """, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("WrittenForms", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var apis = SqlApis.Create(compilation, default);
            var type = compilation.GetTypeByMetadataName("Statements")!;
            int[] Ordinals(string name) => apis.GetWrapperOrdinals((IMethodSymbol)type.GetMembers(name).Single(), default).ToArray();

            foreach (var name in new[] { "Commented", "Broken", "Named", "Verbatim", "Parenthesized", "Aliased", "Assigned", "Initialized", "Chained", "ChainedQualified" })
            {
                Assert.True(Ordinals(name).SequenceEqual(new[] { 0 }), name + " should be a wrapper of its first parameter");
            }

            // Text built from the parameter is not the parameter handed on unchanged: no wrapper (PA1001 judges those calls
            // where the text is built), and a method that only returns its parameter reaches no sink.
            Assert.Empty(Ordinals("Trimmed"));
            Assert.Empty(Ordinals("Suffixed"));
            Assert.Empty(Ordinals("Declared"));
        }

        private static Dictionary<IMethodSymbol, int[]> AskEveryMethod(SqlApis apis, Compilation compilation)
        {
            var result = new Dictionary<IMethodSymbol, int[]>(SymbolEqualityComparer.Default);
            foreach (var type in compilation.Assembly.GlobalNamespace.GetTypeMembers().OrderBy(t => t.Name, System.StringComparer.Ordinal))
            {
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
                {
                    result[method] = apis.GetWrapperOrdinals(method, default).ToArray();
                }
            }

            return result;
        }

        /// <summary>
        /// <paramref name="count"/> stores, each with one wrapper of Dapper (<c>RunN</c>) and seven string helpers (two of them overloads that only call each other) that are
        /// not wrappers, and a service per store that calls them all.
        /// </summary>
        private static (SqlApis Apis, Compilation Compilation) Search(int count)
        {
            var code = new StringBuilder(SqlTestCode.Usings);
            for (var i = 0; i < count; i++)
            {
                code.Append($$"""
                    public sealed class Store{{i}}
                    {
                        private readonly IDbConnection _db;
                        private readonly Dictionary<string, string> _labels = new Dictionary<string, string>();

                        public Store{{i}}(IDbConnection db) => _db = db;

                        public Task<int> Run{{i}}(string statement, object? args = null) => _db.ExecuteAsync(statement, args);

                        public void Note{{i}}(string message) => Console.WriteLine(message);

                        public string Label{{i}}(string key) => _labels.TryGetValue(key, out var label) ? label : key.Trim();

                        public bool Known{{i}}(string name) => _labels.ContainsKey(name.ToUpperInvariant());

                        public void Fail{{i}}(string reason) => throw new InvalidOperationException(reason);

                        public string Wrap{{i}}(string text) => new StringBuilder(text).Append(';').ToString();

                        public string Title{{i}}(string text) => Title{{i}}(text, 80);

                        public string Title{{i}}(string text, int width) => text.Length > width ? Title{{i}}(text.Substring(0, width), width) : text;
                    }

                    public sealed class Service{{i}}
                    {
                        private readonly Store{{i}} _store;

                        public Service{{i}}(Store{{i}} store) => _store = store;

                        public Task<int> Archive(string region)
                        {
                            _store.Note{{i}}("archiving " + region);
                            return _store.Run{{i}}("UPDATE Orders SET Archived = 1 WHERE Region = @region", new { region = _store.Label{{i}}(region) });
                        }
                    }

                    """);
            }

            var tree = CSharpSyntaxTree.ParseText(code.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "WrapperSearchProbe",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return (SqlApis.Create(compilation, default), compilation);
        }
    }
}
