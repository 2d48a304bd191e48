using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>The family of API a SQL text reaches; the code fix picks its rewrite from it.</summary>
    internal enum SqlSinkKind
    {
        CommandText,
        CommandConstructor,
        DataAdapter,
        ProviderMethod,
        Dapper,
        DapperCommandDefinition,
        EntityFrameworkRaw,
        Configured,
        Wrapper,
    }

    internal readonly struct SqlSink
    {
        public SqlSink(IOperation text, SqlSinkKind kind)
        {
            Text = text;
            Kind = kind;
        }

        /// <summary>The operation that gives the command text (an argument value or the assigned value).</summary>
        public IOperation Text { get; }

        public SqlSinkKind Kind { get; }
    }

    /// <summary>
    /// Everything PA1001 knows about one compilation: the SQL types it references, the configured extra sinks and
    /// sanitizers, and the caches of sink wrappers and method bodies of the compilation.
    /// </summary>
    internal sealed partial class SqlApis
    {
        public const string AdditionalSinksOption = "additional_sinks";
        public const string SanitizersOption = "sanitizers";
        public const string StrictOption = "strict";

        private readonly Compilation _compilation;
        private readonly LossyCache<ITypeSymbol, bool> _commandTypes;
        private readonly LossyCache<IMethodSymbol, bool> _mayBeSink;
        private readonly LossyCache<ITypeSymbol, bool> _adapterTypes;
        private readonly INamedTypeSymbol? _dbCommandInterface;
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _dbBatchCommand;
        private readonly INamedTypeSymbol? _dataAdapterInterface;
        private readonly INamedTypeSymbol? _dbDataAdapter;
        private readonly INamedTypeSymbol? _dbConnectionInterface;
        private readonly INamedTypeSymbol? _dbDataSource;
        private readonly INamedTypeSymbol? _sqlMapper;
        private readonly INamedTypeSymbol? _commandDefinition;
        private readonly INamedTypeSymbol? _efQueryable;
        private readonly INamedTypeSymbol? _efDatabase;
        private readonly Dictionary<IMethodSymbol, int> _configuredSinks;
        private readonly HashSet<IMethodSymbol> _configuredSanitizers;
        private readonly ImmutableArray<string> _sanitizerNames;
        private readonly ConcurrentDictionary<ISymbol, MethodBody?> _bodies = new ConcurrentDictionary<ISymbol, MethodBody?>(SymbolEqualityComparer.Default);

        /// <summary>The compilation's source types, overrides and implementations, built on first need.</summary>
        public SourceIndex Sources { get; }

        private readonly HashSet<string> _configuredSinkNames = new HashSet<string>(StringComparer.Ordinal);

        private SqlApis(Compilation compilation, WellKnownTypes types, ImmutableArray<string> sinks, ImmutableArray<string> sanitizers)
        {
            _compilation = compilation;
            _commandTypes = new LossyCache<ITypeSymbol, bool>(LossyCacheSize.Bits(compilation, 12), SymbolEqualityComparer.Default, ComputeIsCommandType);
            _mayBeSink = new LossyCache<IMethodSymbol, bool>(LossyCacheSize.Bits(compilation, 15), SameInstance<IMethodSymbol>.Comparer, ComputeMayBeSinkOrWrapper);
            _adapterTypes = new LossyCache<ITypeSymbol, bool>(LossyCacheSize.Bits(compilation, 10), SymbolEqualityComparer.Default, t => TypeHierarchy.DerivesFrom(t, _dbDataAdapter) || TypeHierarchy.Implements(t, _dataAdapterInterface));
            Sources = new SourceIndex(compilation);
            _dbCommandInterface = types.Type(SqlSinks.DbCommandInterface);
            _dbCommand = types.Type(SqlSinks.DbCommand);
            _dbBatchCommand = types.Type(SqlSinks.DbBatchCommand);
            _dataAdapterInterface = types.Type(SqlSinks.DataAdapterInterface);
            _dbDataAdapter = types.Type(SqlSinks.DbDataAdapter);
            _dbConnectionInterface = types.Type(SqlSinks.DbConnectionInterface);
            _dbDataSource = types.Type(SqlSinks.DbDataSource);
            _sqlMapper = types.Type(SqlSinks.SqlMapper);
            _commandDefinition = types.Type(SqlSinks.CommandDefinition);
            _efQueryable = types.Type(SqlSinks.EfQueryable);
            _efDatabase = types.Type(SqlSinks.EfDatabase);
            StringBuilder = types.Type("System.Text.StringBuilder");
            DbCommandBuilder = types.Type("System.Data.Common.DbCommandBuilder");
            MemberInfo = types.Type("System.Reflection.MemberInfo");

            _configuredSinks = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            foreach (var id in sinks)
            {
                foreach (var method in ResolveMethods(compilation, id))
                {
                    var ordinal = SinkParameterOrdinal(method);
                    if (ordinal >= 0)
                    {
                        _configuredSinks[method.OriginalDefinition] = ordinal;
                        _configuredSinkNames.Add(method.Name);
                    }
                }
            }

            _configuredSanitizers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var entry in sanitizers)
            {
                if (entry.Length > 2 && entry[1] == ':')
                {
                    foreach (var method in ResolveMethods(compilation, entry))
                    {
                        _configuredSanitizers.Add(method.OriginalDefinition);
                    }
                }
                else
                {
                    names.Add(entry);
                }
            }

            _sanitizerNames = names.ToImmutable();

            var anyType = false;
            foreach (var name in SqlSinks.RuleTypes)
            {
                anyType |= types.Type(name) is not null;
            }

            HasAnySink = anyType || _configuredSinks.Count > 0;
        }

        public Compilation Compilation => _compilation;

        /// <summary>The call sites of the compilation's methods, for parameters judged by their callers.</summary>
        public SqlCallSites CallSites =>
            Volatile.Read(ref _callSites) ?? Interlocked.CompareExchange(ref _callSites, new SqlCallSites(_compilation), null) ?? _callSites!;

        private SqlCallSites? _callSites;

        /// <summary>The values fields and properties of the compilation are given, for members only their type writes and static members.</summary>
        public SqlMemberWrites MemberWrites =>
            Volatile.Read(ref _memberWrites) ?? Interlocked.CompareExchange(ref _memberWrites, new SqlMemberWrites(_compilation, Sources, CallSites.Search), null) ?? _memberWrites!;

        private SqlMemberWrites? _memberWrites;

        /// <summary>The elements collection-valued fields and properties of the compilation are given (an ORM's table map).</summary>
        public SqlCollectionElements CollectionElements =>
            Volatile.Read(ref _collectionElements) ??
            Interlocked.CompareExchange(ref _collectionElements, new SqlCollectionElements(_compilation, CallSites.Search), null) ?? _collectionElements!;

        private SqlCollectionElements? _collectionElements;

        public INamedTypeSymbol? StringBuilder { get; }

        public INamedTypeSymbol? DbCommandBuilder { get; }

        public INamedTypeSymbol? MemberInfo { get; }

        /// <summary>False when the compilation references no type of the sink catalogue and configures no sink: nothing to do.</summary>
        public bool HasAnySink { get; }

        public static SqlApis Create(Compilation compilation, RuleOptions options) =>
            new SqlApis(
                compilation,
                WellKnownTypes.Get(compilation),
                SplitSymbolList(options.GetString(AdditionalSinksOption)),
                SplitSymbolList(options.GetString(SanitizersOption)));

        /// <summary>
        /// Splits a list of documentation-comment IDs or names at <c>,</c> <c>;</c> <c>|</c> outside parentheses, so that
        /// <c>M:N.T.Run(System.Int32,System.String)</c> stays one entry.
        /// </summary>
        internal static ImmutableArray<string> SplitSymbolList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ImmutableArray<string>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<string>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i <= value!.Length; i++)
            {
                var c = i < value.Length ? value[i] : ',';
                if (c is '(' or '{' or '[')
                {
                    depth++;
                }
                else if (c is ')' or '}' or ']')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if ((c is ',' or ';' or '|' && depth == 0) || i == value.Length)
                {
                    var entry = value.Substring(start, i - start).Trim();
                    if (entry.Length > 0)
                    {
                        result.Add(entry);
                    }

                    start = i + 1;
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Finds the SQL text that <paramref name="operation"/> hands to a sink, if it is one.</summary>
        [MethodImpl(HotPath.Options)]
        public bool TryGetSink(IOperation operation, out SqlSink sink) => TryGetSink(operation, out sink, includeWrappers: true);

        /// <summary>Like <see cref="TryGetSink(IOperation, out SqlSink)"/>; without wrappers when <paramref name="includeWrappers"/> is false.</summary>
        [MethodImpl(HotPath.Options)]
        public bool TryGetSink(IOperation operation, out SqlSink sink, bool includeWrappers)
        {
            sink = default;

            // By kind first (a field read), then the called member or the assigned property (symbols the operation already
            // holds, with answers cached per method), and the written arguments last: every invocation, creation and
            // assignment of the compilation comes here, and reading the syntax of the call's arguments from an operation
            // callback costs more than the symbol tests that reject nearly every call.
            switch (operation.Kind)
            {
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                    var assignment = (IAssignmentOperation)operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" } property &&
                        (IsCommandType(property.Property.ContainingType) || IsCommandType(property.Instance?.Type)))
                    {
                        sink = new SqlSink(assignment.Value, SqlSinkKind.CommandText);
                        return true;
                    }

                    return false;

                case OperationKind.ObjectCreation:
                    var creation = (IObjectCreationOperation)operation;
                    if (creation.Constructor is not { } constructor || !MayBeSinkOrWrapper(constructor.OriginalDefinition) ||
                        (operation.Syntax is BaseObjectCreationExpressionSyntax { ArgumentList: var creationArguments } && !MayCarryText(creationArguments)))
                    {
                        // Every library constructor sink takes a text-named string parameter; a wrapper takes a string.
                        return false;
                    }

                    return TryGetConstructorSink(creation, constructor, out sink, includeWrappers);

                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    var target = invocation.TargetMethod;

                    // A method of another assembly can only be a sink by its name (Dapper, EF, NHibernate), by configuration,
                    // or through a text-named string parameter (provider APIs); one of this compilation through a string
                    // parameter. Decided from the method symbol alone, cached per definition: most calls end here.
                    if (!MayBeSinkOrWrapper(target.OriginalDefinition) ||
                        (!target.IsExtensionMethod && operation.Syntax is InvocationExpressionSyntax { ArgumentList: var invocationArguments } &&
                         !MayCarryText(invocationArguments)))
                    {
                        return false;
                    }

                    return TryGetInvocationSink(invocation, target, out sink, includeWrappers);

                default:
                    return false;
            }
        }

        /// <summary>
        /// False when no argument written at the call can be text that is not constant: no arguments, or only literals and
        /// lambdas (<c>ToList()</c>, <c>Where(x =&gt; …)</c>, <c>GetValue("Key", 0)</c>) — most calls of a code base. The text of
        /// every sink and wrapper is one of the written arguments (defaults and empty params arrays are constant), or the
        /// receiver of an extension method called on it, which the caller checks. Read from the syntax alone, before the
        /// called method is looked at.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        internal static bool MayCarryText(ArgumentListSyntax? arguments)
        {
            if (arguments is null)
            {
                return false;
            }

            foreach (var argument in arguments.Arguments)
            {
                switch (argument.Expression.Kind())
                {
                    case SyntaxKind.StringLiteralExpression:
                    case SyntaxKind.NumericLiteralExpression:
                    case SyntaxKind.CharacterLiteralExpression:
                    case SyntaxKind.TrueLiteralExpression:
                    case SyntaxKind.FalseLiteralExpression:
                    case SyntaxKind.NullLiteralExpression:
                    case SyntaxKind.DefaultLiteralExpression:
                    case SyntaxKind.Utf8StringLiteralExpression:
                    case SyntaxKind.SimpleLambdaExpression:
                    case SyntaxKind.ParenthesizedLambdaExpression:
                    case SyntaxKind.AnonymousMethodExpression:
                    case SyntaxKind.TypeOfExpression:
                        continue;
                    default:
                        return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private bool TryGetConstructorSink(IObjectCreationOperation creation, IMethodSymbol constructor, out SqlSink sink, bool includeWrappers)
        {
            // The caller has asked MayBeSinkOrWrapper.
            sink = default;
            var type = constructor.ContainingType;
            var isSource = IsSourceAssembly(constructor.ContainingAssembly);

            SqlSinkKind kind;
            if (IsCommandType(type))
            {
                kind = SqlSinkKind.CommandConstructor;
            }
            else if (_adapterTypes.Get(type.OriginalDefinition))
            {
                kind = SqlSinkKind.DataAdapter;
            }
            else if (_commandDefinition is not null && SymbolEqualityComparer.Default.Equals(type, _commandDefinition))
            {
                kind = SqlSinkKind.DapperCommandDefinition;
            }
            else
            {
                if (includeWrappers && isSource && TryGetWrapperArgument(creation.Arguments, constructor, out var wrapped))
                {
                    sink = new SqlSink(wrapped, SqlSinkKind.Wrapper);
                    return true;
                }

                return false;
            }

            var argument = FindTextArgument(creation.Arguments);
            if (argument is null)
            {
                return false;
            }

            sink = new SqlSink(argument, kind);
            return true;
        }

        [MethodImpl(HotPath.Options)]
        private bool TryGetInvocationSink(IInvocationOperation invocation, IMethodSymbol method, out SqlSink sink, bool includeWrappers)
        {
            // The caller has asked MayBeSinkOrWrapper.
            sink = default;
            var containing = method.ContainingType;
            if (containing is null)
            {
                return false;
            }

            var isSource = IsSourceAssembly(method.ContainingAssembly);

            if (_sqlMapper is not null && SymbolEqualityComparer.Default.Equals(containing, _sqlMapper))
            {
                if (method.Name.StartsWith("Query", StringComparison.Ordinal) || method.Name.StartsWith("Execute", StringComparison.Ordinal))
                {
                    var sql = ArgumentFor(invocation.Arguments, "sql");
                    if (sql is not null)
                    {
                        sink = new SqlSink(sql, SqlSinkKind.Dapper);
                        return true;
                    }
                }

                return false;
            }

            if ((_efQueryable is not null && SymbolEqualityComparer.Default.Equals(containing, _efQueryable) && method.Name == "FromSqlRaw") ||
                (_efDatabase is not null && SymbolEqualityComparer.Default.Equals(containing, _efDatabase) &&
                 method.Name is "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw"))
            {
                var sql = ArgumentFor(invocation.Arguments, "sql");
                if (sql is not null)
                {
                    sink = new SqlSink(sql, SqlSinkKind.EntityFrameworkRaw);
                    return true;
                }

                return false;
            }

            // Older EF Core (FromSql(string), ExecuteSqlCommand) and EF6 (Database.SqlQuery, DbSet.SqlQuery,
            // ExecuteSqlCommand): a string "sql" parameter. FormattableString overloads are not sinks.
            if ((method.Name is "FromSql" or "ExecuteSqlCommand" or "ExecuteSqlCommandAsync" or "SqlQuery" ||
                 (method.Name == "Sql" && containing.Name == "MigrationBuilder")) &&
                !isSource && IsEntityFrameworkNamespace(containing.ContainingNamespace))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { Name: "sql" } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue &&
                        (SqlOperations.IsString(parameter.Type) || parameter.Type.Name == "RawSqlString"))
                    {
                        sink = new SqlSink(argument.Value, SqlSinkKind.Configured);
                        return true;
                    }
                }

                return false;
            }

            // NHibernate: ISession.CreateSQLQuery / CreateSqlQuery (native SQL).
            if (!isSource && method.Name is "CreateSQLQuery" or "CreateSqlQuery" &&
                RootNamespace(containing.ContainingNamespace) == "NHibernate")
            {
                var text = FirstStringArgument(invocation.Arguments);
                if (text is not null)
                {
                    sink = new SqlSink(text, SqlSinkKind.Configured);
                    return true;
                }

                return false;
            }

            if (_configuredSinks.Count > 0 && _configuredSinks.TryGetValue(method.OriginalDefinition, out var ordinal))
            {
                var argument = ArgumentForOrdinal(invocation.Arguments, ordinal);
                if (argument is not null)
                {
                    sink = new SqlSink(argument, SqlSinkKind.Configured);
                    return true;
                }

                return false;
            }

            if (isSource)
            {
                if (includeWrappers && TryGetWrapperArgument(invocation.Arguments, method, out var wrapped))
                {
                    sink = new SqlSink(wrapped, SqlSinkKind.Wrapper);
                    return true;
                }

                return false;
            }

            // Provider APIs that take command text: DbDataSource.CreateCommand(text), NpgsqlConnection/Command helpers,
            // MySqlHelper/SqlHelper-style static helpers of data-access libraries, and extension methods of other
            // micro-ORMs on a connection (RepoDb's ExecuteQuery(commandText), ...).
            var textArgument = FindTextArgument(invocation.Arguments);
            if (textArgument is not null &&
                (IsCommandType(containing) || TypeHierarchy.DerivesFrom(containing, _dbDataSource) || TypeHierarchy.Implements(containing, _dbConnectionInterface) ||
                 (method.IsExtensionMethod && method.Parameters.Length > 0 && IsConnectionType(method.Parameters[0].Type)) ||
                 IsDataHelperType(containing)))
            {
                sink = new SqlSink(textArgument, SqlSinkKind.ProviderMethod);
                return true;
            }

            return false;
        }

        /// <summary>
        /// From the method alone, cached per method definition (a generic method is one entry however many call sites
        /// construct it): a configured sink; a method of the project with a string parameter (a possible wrapper); a
        /// library method named like a sink or with a text-named string parameter; a library constructor with a
        /// text-named string parameter. Everything else is no sink, and its calls are rejected without more work.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool MayBeSinkOrWrapper(IMethodSymbol definition) => _mayBeSink.Get(definition);

        [MethodImpl(HotPath.Options)]
        private bool ComputeMayBeSinkOrWrapper(IMethodSymbol definition)
        {
            if (_configuredSinks.Count > 0 && _configuredSinks.ContainsKey(definition))
            {
                return true;
            }

            var assembly = definition.ContainingAssembly;
            if (IsSourceAssembly(assembly))
            {
                return HasStringParameter(definition);
            }

            // A library method can be a sink only when its assembly sees ADO.NET (its command, connection or data source
            // types), or is an ORM the catalogue names — or it is a static *Helper of a data namespace, which may reach
            // ADO.NET through another library without naming its types: one look per assembly rejects the core library,
            // LINQ, collections and ASP.NET Core before the method's parameters are read.
            if (assembly is not null && !_assemblySeesData.GetOrAdd(assembly, static a => SeesData(a)) && !IsDataHelperType(definition.ContainingType))
            {
                return false;
            }

            return definition.MethodKind == MethodKind.Constructor
                ? HasTextParameter(definition)
                : SqlSinks.IsLibrarySinkName(definition.Name) || HasTextParameter(definition);
        }

        /// <summary>
        /// The assemblies that define or forward the ADO.NET interfaces and base classes (a type deriving from them, or an
        /// extension method on a connection, must reference one), and the ORMs of the catalogue's by-name sinks.
        /// </summary>
        private static readonly string[] DataAssemblies =
        {
            "System.Data.Common", "System.Data", "netstandard", "Dapper", "NHibernate", "EntityFramework",
            "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational",
        };

        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _assemblySeesData = new ConcurrentDictionary<IAssemblySymbol, bool>(SameInstance<IAssemblySymbol>.Comparer);

        private static bool SeesData(IAssemblySymbol assembly) => AssemblyReferences.Of(assembly).SeesAny(DataAssemblies);

        public bool IsCommandType(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            return _commandTypes.Get(type.OriginalDefinition);
        }

        private bool ComputeIsCommandType(ITypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, _dbCommandInterface) ||
            TypeHierarchy.DerivesFrom(type, _dbCommand) || TypeHierarchy.DerivesFrom(type, _dbBatchCommand) || TypeHierarchy.Implements(type, _dbCommandInterface);

        /// <summary>A method of this compilation, with source we can read.</summary>
        public bool IsSourceMethod(IMethodSymbol method) => Sources.IsSourceMethod(method);

        private bool IsSourceAssembly(IAssemblySymbol? assembly) => Sources.IsSourceAssembly(assembly);

        public bool IsSourceField(IFieldSymbol field) =>
            SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, _compilation.Assembly) && !field.DeclaringSyntaxReferences.IsEmpty;

        public bool IsSourceProperty(IPropertySymbol property) =>
            SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, _compilation.Assembly) && !property.DeclaringSyntaxReferences.IsEmpty;

        public bool IsSanitizer(IMethodSymbol method)
        {
            // QuoteIdentifier of DbCommandBuilder and providers, and the project's own QuoteIdent/EscapeSql/Sanitize* helpers.
            if (method.Name == "QuoteIdentifier" ||
                (SqlOperations.IsString(method.ReturnType) &&
                 (method.Name.StartsWith("Quote", StringComparison.Ordinal) || method.Name.StartsWith("Escape", StringComparison.Ordinal) ||
                  method.Name.StartsWith("Sanitize", StringComparison.Ordinal))))
            {
                return true;
            }

            if (_configuredSanitizers.Count > 0 && _configuredSanitizers.Contains(method.OriginalDefinition))
            {
                return true;
            }

            foreach (var name in _sanitizerNames)
            {
                if (name == method.Name ||
                    name == method.ContainingType.Name + "." + method.Name ||
                    name == method.ContainingType.ToDisplayString() + "." + method.Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The overrides of an abstract or virtual property in this compilation (see <see cref="SourceIndex.OverridesOf"/>).</summary>
        public IReadOnlyList<IPropertySymbol> OverridesOf(IPropertySymbol property) => Sources.OverridesOf(property);

        [MethodImpl(HotPath.Options)]
        private IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol method) => Sources.ImplementationsOf(method);

        private ImmutableArray<INamedTypeSymbol> SourceTypes() => Sources.SourceTypes();


        [MethodImpl(HotPath.Options)]
        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None)
                {
                    return true;
                }
            }

            return false;
        }


        /// <summary>
        /// The body of a method, property getter or field initializer of this compilation, with an index of its
        /// locals. Cached per symbol for the compilation.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public MethodBody? GetBody(ISymbol symbol, CancellationToken cancellationToken)
        {
            return _bodies.TryGetValue(symbol, out var known) ? known : _bodies.GetOrAdd(symbol, LoadBody(symbol, cancellationToken));
        }

        [MethodImpl(HotPath.Options)]
        private MethodBody? LoadBody(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1 || !SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            var node = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                return null;
            }

            SyntaxNode? target = node switch
            {
                BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow,
                PropertyDeclarationSyntax property => (SyntaxNode?)property.ExpressionBody ?? property.Initializer,
                VariableDeclaratorSyntax declarator => declarator.Initializer,
                _ => null,
            };

            if (target is null)
            {
                return null;
            }

#pragma warning disable RS1030 // The body of a helper or wrapper in another file is read once per compilation and cached.
            var model = _compilation.GetSemanticModel(target.SyntaxTree);
#pragma warning restore RS1030
            IOperation? operation = target switch
            {
                ArrowExpressionClauseSyntax arrow => model.GetOperation(arrow, cancellationToken) ?? model.GetOperation(arrow.Expression, cancellationToken),
                EqualsValueClauseSyntax equals => model.GetOperation(equals, cancellationToken) ?? model.GetOperation(equals.Value, cancellationToken),
                _ => model.GetOperation(target, cancellationToken),
            };

            if (operation is null)
            {
                return null;
            }

            return new MethodBody(operation, MethodIndex.Build(new[] { operation }));
        }

        /// <summary>The method has a string parameter named like command text (<see cref="SqlSinks.TextParameterNames"/>).</summary>
        [MethodImpl(HotPath.Options)]
        private static bool HasTextParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && SqlSinks.IsTextParameterName(parameter.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? FindTextArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SqlOperations.IsString(parameter.Type) &&
                    SqlSinks.IsTextParameterName(parameter.Name) &&
                    argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static IOperation? ArgumentForOrdinal(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>The sink parameter of a configured method: a string named as in <see cref="SqlSinks.ConfiguredTextParameterNames"/>, else the first string.</summary>
        private static int SinkParameterOrdinal(IMethodSymbol method)
        {
            var first = -1;
            foreach (var parameter in method.Parameters)
            {
                if (!SqlOperations.IsString(parameter.Type))
                {
                    continue;
                }

                if (first < 0)
                {
                    first = parameter.Ordinal;
                }

                if (SqlSinks.ConfiguredTextParameterNames.Contains(parameter.Name))
                {
                    return parameter.Ordinal;
                }
            }

            return first;
        }

        private static IEnumerable<IMethodSymbol> ResolveMethods(Compilation compilation, string id)
        {
            if (!id.StartsWith("M:", StringComparison.Ordinal))
            {
                yield break;
            }

            ImmutableArray<ISymbol> symbols;
            try
            {
                symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
            }
            catch (ArgumentException)
            {
                yield break;
            }

            foreach (var symbol in symbols)
            {
                if (symbol is IMethodSymbol method)
                {
                    yield return method;
                }
            }
        }

        private bool IsConnectionType(ITypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, _dbConnectionInterface) || TypeHierarchy.Implements(type, _dbConnectionInterface);

        private static IOperation? FirstStringArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SqlOperations.IsString(parameter.Type) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static string? RootNamespace(INamespaceSymbol? ns)
        {
            string? root = null;
            for (; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                root = ns.Name;
            }

            return root;
        }

        private static bool IsEntityFrameworkNamespace(INamespaceSymbol? ns)
        {
            var display = ns?.ToDisplayString();
            return display is not null &&
                   (display.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || display.StartsWith("System.Data.Entity", StringComparison.Ordinal));
        }

        /// <summary>A static class named *Helper in a data-access namespace (SqlHelper, MySqlHelper): its text-named parameters are sinks.</summary>
        private static bool IsDataHelperType(INamedTypeSymbol? type) =>
            type is { IsStatic: true } && type.Name.EndsWith("Helper", StringComparison.Ordinal) && IsDataNamespace(type.ContainingNamespace);

        private static bool IsDataNamespace(INamespaceSymbol? ns)
        {
            for (; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("Data", StringComparison.Ordinal) >= 0 || ns.Name.IndexOf("Sql", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A body operation of the compilation with the index of its locals.</summary>
    internal sealed class MethodBody
    {
        public MethodBody(IOperation root, MethodIndex index)
        {
            Root = root;
            Index = index;
        }

        public IOperation Root { get; }

        public MethodIndex Index { get; }
    }
}
