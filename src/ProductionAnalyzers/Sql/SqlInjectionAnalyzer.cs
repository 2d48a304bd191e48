using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// PA1001: SQL command text built from non-constant data. Finds the text every SQL sink receives (ADO.NET commands
    /// and adapters, provider helpers, Dapper, EF Core raw SQL, configured sinks and wrappers of them in the
    /// compilation), follows how the text was built within the method, and reports when a part that can carry SQL is
    /// not constant. The message names the part and its SQL position (value, identifier or clause).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SqlInjectionAnalyzer : ProductionAnalyzer
    {
        /// <summary>Diagnostic property: the sink family (<see cref="SqlSinkKind"/>), for SARIF consumers and tooling.</summary>
        public const string SinkKindProperty = "SinkKind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SqlFromNonConstantText);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var options = RuleOptions.ForCompilation(context.Options, compilation, DiagnosticIds.SqlFromNonConstantText);
            var state = PerCompilation(() =>
            {
                var created = SqlApis.Create(compilation, options);
                return created.HasAnySink ? created : null;
            });

            var strictByTree = new ConcurrentDictionary<SyntaxTree, bool>();

            // The index of a body's locals is made only for bodies that reach a sink, and walked only when the text needs
            // it (MethodIndex is lazy). The driver visits a body's operations one after another, so remembering the last
            // body's index serves every sink of a body with one walk, without a table of bodies.
            var lastIndex = new StrongBox<Tuple<IOperation, MethodIndex>?>();

            // A plain operation action, not an operation-block action: most bodies of a code base have no SQL sink, and a
            // block action would cost every body a registration, a queue and a block-end callback for nothing.
            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    var apis = state.Value;
                    if (apis is null || !apis.TryGetSink(operation, out var sink) || sink.Text.ConstantValue.HasValue)
                    {
                        // Not a sink, or a constant text (most sinks of a code base that parameterizes its SQL).
                        return;
                    }

                    var tree = operation.Syntax.SyntaxTree;
                    var strict = strictByTree.GetOrAdd(
                        tree,
                        t => RuleOptions.ForTree(operationContext.Options, t, DiagnosticIds.SqlFromNonConstantText).GetBool(SqlApis.StrictOption, false));
                    var root = Root(operation);
                    var last = Volatile.Read(ref lastIndex.Value);
                    MethodIndex index;
                    if (last is not null && ReferenceEquals(last.Item1, root))
                    {
                        index = last.Item2;
                    }
                    else
                    {
                        index = MethodIndex.Build(new[] { root });
                        Volatile.Write(ref lastIndex.Value, Tuple.Create(root, index));
                    }

                    var containingType = operationContext.ContainingSymbol.ContainingType;
                    var diagnostic = Analyze(apis, sink, operation, index, containingType, strict, operationContext.CancellationToken);
                    if (diagnostic is not null)
                    {
                        operationContext.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        }

        /// <summary>The root of the operation tree the operation belongs to: the body of its method, accessor, lambda's owner or initializer.</summary>
        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        private static Diagnostic? Analyze(
            SqlApis apis,
            SqlSink sink,
            IOperation sinkOperation,
            MethodIndex index,
            INamedTypeSymbol? containingType,
            bool strict,
            System.Threading.CancellationToken cancellationToken)
        {
            var text = sink.Text;
            if (text.ConstantValue.HasValue || text.Syntax is null || sinkOperation.Syntax.ContainsDiagnostics)
            {
                // Constant text, or half-typed code the user is still writing.
                return null;
            }

            var evaluator = new SqlTextEvaluator(apis, cancellationToken);
            List<SqlSegment> segments;
            if (sinkOperation is ICompoundAssignmentOperation)
            {
                // cmd.CommandText += ...: appended to text we do not see.
                segments = new List<SqlSegment> { new TextSegment("? ") };
                segments.AddRange(evaluator.Evaluate(text, index, containingType));
                if (segments.Count == 1)
                {
                    return null;
                }

                return Report(segments, sink, strict, builtAnyway: true);
            }

            segments = evaluator.Evaluate(text, index, containingType);
            if (evaluator.GaveUp || !evaluator.Built)
            {
                return null;
            }

            return Report(segments, sink, strict, builtAnyway: false);
        }

        private static Diagnostic? Report(List<SqlSegment> segments, SqlSink sink, bool strict, bool builtAnyway)
        {
            var holes = SqlTextWalker.Classify(segments, strict);
            if (holes.Count == 0)
            {
                return null;
            }

            var first = holes[0];
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, sink.Kind.ToString());

            // When the part was written elsewhere (a local built earlier, a StringBuilder append, a helper), point there too.
            var additional = first.Hole.Syntax is { } partSyntax &&
                             (partSyntax.SyntaxTree != sink.Text.Syntax.SyntaxTree || !sink.Text.Syntax.Span.Contains(partSyntax.Span))
                ? new[] { partSyntax.GetLocation() }
                : null;
            return Diagnostic.Create(
                Descriptors.SqlFromNonConstantText,
                sink.Text.Syntax.GetLocation(),
                additional,
                properties,
                first.Hole.Name,
                first.Position.KindText,
                first.Position.Advice);
        }
    }
}
