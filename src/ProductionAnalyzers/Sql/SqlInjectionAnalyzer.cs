using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

        /// <summary>Option: report in test code too (default false: tests have no attacker to send SQL text).</summary>
        public const string ReportInTestsOption = "report_in_tests";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SqlFromNonConstantText);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var options = RuleOptions.ForCompilation(context.Options, compilation, DiagnosticIds.SqlFromNonConstantText);

            var analyzerOptions = context.Options;
            // Where projects cannot be told apart (one compilation over a repository), the files that import a test framework.
            var testFile = new PerTreeOptions<bool>(context.Options, IsQuietTestFile);
            var state = PerCompilation(() =>
            {
                // A test project, or a test-support library: the text its SQL is built from comes from the tests themselves.
                // Asked here, on first need, not at compilation start: reading the references there would make the compiler
                // bind them inside this callback.
                if (!options.GetBool(ReportInTestsOption, false) && TestCode.IsTestProject(analyzerOptions, compilation))
                {
                    return null;
                }

                var created = SqlApis.Create(compilation, options);
                return created.HasAnySink ? created : null;
            });

            var strictOption = new PerTreeOptions<bool>(context.Options, IsStrict);

            // The index of a body's locals is made only for bodies that reach a sink, and walked only when the text needs
            // it (MethodIndex is lazy). The driver visits a body's operations one after another, so remembering the last
            // body's index serves every sink of a body with one walk, without a table of bodies.
            var lastIndex = new StrongBox<Tuple<IOperation, MethodIndex>?>();

            // A plain operation action, not an operation-block action: most bodies of a code base have no SQL sink, and a
            // block action would cost every body a registration, a queue and a block-end callback for nothing.
            context.RegisterOperationAction(
                [MethodImpl(HotPath.Options)] (operationContext) =>
                {
                    // Most calls are no sink, and most sinks of a code base that parameterizes its SQL take constant text: both
                    // end here, before the report delegate is made.
                    if (state.Value is { } apis && apis.TryGetSink(operationContext.Operation, out var sink) && !sink.Text.ConstantValue.HasValue)
                    {
                        OnSink(apis, sink, operationContext.Operation, operationContext.ContainingSymbol, strictOption, testFile, lastIndex, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);

            // The assignment sink (cmd.CommandText = …, += …, { CommandText = … }) is found by its property's name in the
            // file's text: one callback per file, instead of one per assignment of the code base, and only the assignments
            // to a property of that name are bound.
            context.RegisterSemanticModelAction(
                [MethodImpl(HotPath.Options)] (modelContext) =>
                {
                    if (state.Value is not { } apis)
                    {
                        return;
                    }

                    var model = modelContext.SemanticModel;
                    var cancellationToken = modelContext.CancellationToken;
                    var names = SourceSearch.WordsInTree(model.SyntaxTree, CommandTextName, CommandTextName, modelContext.FilterSpan, cancellationToken);
                    if (names is null)
                    {
                        return;
                    }

                    foreach (var name in names)
                    {
                        if (SourceSearch.AssignmentTo(name) is { } assignment &&
                            model.GetOperation(assignment, cancellationToken) is IAssignmentOperation operation and (ISimpleAssignmentOperation or ICompoundAssignmentOperation) &&
                            apis.TryGetSink(operation, out var sink) && !sink.Text.ConstantValue.HasValue)
                        {
                            var enclosing = model.GetEnclosingSymbol(assignment.SpanStart, cancellationToken);
                            OnSink(apis, sink, operation, enclosing, strictOption, testFile, lastIndex, modelContext.ReportDiagnostic, cancellationToken);
                        }
                    }
                });
        }

        /// <summary>The names of the catalogue's property sinks (<see cref="SqlSinkKind.CommandText"/>), as the text search takes them.</summary>
        private static readonly string[] CommandTextName = SqlSinks.All
            .Where(e => e.Member == SqlSinkMember.Property)
            .SelectMany(e => e.Names)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        [MethodImpl(HotPath.Options)]
        private static void OnSink(
            SqlApis apis,
            SqlSink sink,
            IOperation operation,
            ISymbol? containingSymbol,
            PerTreeOptions<bool> strictOption,
            PerTreeOptions<bool> testFile,
            StrongBox<Tuple<IOperation, MethodIndex>?> lastIndex,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            var strict = strictOption.For(operation.Syntax.SyntaxTree);

            // A finding lands in the sink's file or at a call in another file: each is checked where it lands.
            var reportOutsideTests = (Action<Diagnostic>)(diagnostic =>
            {
                if (diagnostic.Location.SourceTree is not { } tree || !testFile.For(tree))
                {
                    report(diagnostic);
                }
            });
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

            var containingType = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
            Analyze(apis, sink, operation, index, containingType, strict, reportOutsideTests, cancellationToken);
        }

        /// <summary>A file that imports a unit-test framework, unless its options ask for findings in tests.</summary>
        private static bool IsQuietTestFile(AnalyzerOptions options, SyntaxTree tree) =>
            TestCode.ImportsTestFramework(tree, CancellationToken.None) &&
            !RuleOptions.ForTree(options, tree, DiagnosticIds.SqlFromNonConstantText).GetBool(ReportInTestsOption, false);

        /// <summary>The tree's <c>strict</c> option (read once per tree, see <see cref="PerTreeOptions{T}"/>).</summary>
        private static bool IsStrict(AnalyzerOptions options, SyntaxTree tree) =>
            RuleOptions.ForTree(options, tree, DiagnosticIds.SqlFromNonConstantText).GetBool(SqlApis.StrictOption, false);

        /// <summary>The root of the operation tree the operation belongs to: the body of its method, accessor, lambda's owner or initializer.</summary>
        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        [MethodImpl(HotPath.Options)]
        private static void Analyze(
            SqlApis apis,
            SqlSink sink,
            IOperation sinkOperation,
            MethodIndex index,
            INamedTypeSymbol? containingType,
            bool strict,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            var text = sink.Text;
            if (text.ConstantValue.HasValue || text.Syntax is null || sinkOperation.Syntax.ContainsDiagnostics)
            {
                // Constant text, or half-typed code the user is still writing.
                return;
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
                    return;
                }
            }
            else
            {
                segments = evaluator.Evaluate(text, index, containingType);
                if (evaluator.GaveUp || !evaluator.Built)
                {
                    return;
                }
            }

            var holes = SqlTextWalker.Classify(segments, strict);
            ClassifiedHole? first = null;
            foreach (var hole in holes)
            {
                if (hole.Hole.Parameter is { } parameter &&
                    JudgeAtCallSites(apis, sink, parameter, hole.Hole.IsElementOfParameter, hole.Position, strict, report, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default), cancellationToken))
                {
                    // Every caller was judged instead (and reported where it passes untrusted text).
                    continue;
                }

                first ??= hole;
            }

            if (first is { } reported)
            {
                // When the part was written elsewhere (a local built earlier, a StringBuilder append, a helper), point there too.
                var additional = reported.Hole.Syntax is { } partSyntax &&
                                 (partSyntax.SyntaxTree != text.Syntax.SyntaxTree || !text.Syntax.Span.Contains(partSyntax.Span))
                    ? new[] { partSyntax.GetLocation() }
                    : null;
                report(Create(text.Syntax.GetLocation(), additional, sink, reported.Hole, reported.Position, null));
            }
        }

        /// <summary>
        /// Judges a parameter that SQL text is built from by the arguments of every call of its method in the compilation:
        /// reports each call that passes untrusted text, at that argument. False when the method is not judged by its
        /// callers (no call site, too many, or callable without being named), so the text is judged where it is built.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool JudgeAtCallSites(
            SqlApis apis,
            SqlSink sink,
            IParameterSymbol parameter,
            bool elements,
            SqlPosition position,
            bool strict,
            Action<Diagnostic> report,
            HashSet<IParameterSymbol> judging,
            CancellationToken cancellationToken)
        {
            if (judging.Count > MaxCallerDepth || parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                // A lambda's parameter: judged by what the code that receives the lambda passes when it invokes it.
                if (elements || !judging.Add(parameter))
                {
                    return false;
                }

                try
                {
                    return SqlDelegateCalls.Find(apis, method, cancellationToken) is { } invocations &&
                           JudgeDelegateInvocations(apis, sink, parameter, method, invocations, position, strict, report, judging, cancellationToken);
                }
                finally
                {
                    judging.Remove(parameter);
                }
            }

            if (!SqlCallSites.IsJudgedByCallers(method))
            {
                return false;
            }

            if (!judging.Add(parameter))
            {
                // Passed back to a parameter being judged further down this path (two overloads calling each other): the
                // cycle brings no value of its own; the other calls of those methods decide.
                return true;
            }

            try
            {
                return JudgeCalls(apis, sink, parameter, elements, method, position, strict, report, judging, cancellationToken);
            }
            finally
            {
                judging.Remove(parameter);
            }
        }

        [MethodImpl(HotPath.Options)]
        private static bool JudgeCalls(
            SqlApis apis,
            SqlSink sink,
            IParameterSymbol parameter,
            bool elements,
            IMethodSymbol method,
            SqlPosition position,
            bool strict,
            Action<Diagnostic> report,
            HashSet<IParameterSymbol> judging,
            CancellationToken cancellationToken)
        {

            var calls = apis.CallSites.CallsOf(method, cancellationToken);
            if (calls.IsTooMany || calls.Calls.IsEmpty)
            {
                return false;
            }

            foreach (var call in calls.Calls)
            {
                var value = call.ArgumentFor(parameter.Ordinal);
                if (value is null || value.ConstantValue.HasValue || value.Syntax.ContainsDiagnostics)
                {
                    continue;
                }

                var root = Root(call.Call);
                var evaluator = new SqlTextEvaluator(apis, cancellationToken);
                // For a collection the method loops over, the elements of the collection the call passes.
                var segments = elements
                    ? evaluator.EvaluateElements(value, MethodIndex.Build(new[] { root }), CallerType(root))
                    : evaluator.Evaluate(value, MethodIndex.Build(new[] { root }), CallerType(root));
                if (evaluator.GaveUp)
                {
                    continue;
                }

                foreach (var hole in SqlTextWalker.Classify(segments, strict))
                {
                    if (hole.Hole.Parameter is { } outer && JudgeAtCallSites(apis, sink, outer, hole.Hole.IsElementOfParameter, position, strict, report, judging, cancellationToken))
                    {
                        continue;
                    }

                    ReportAtArgument(apis, sink, value, hole, position, "passed to " + SqlOrigin.MethodName(method), report);
                    break;
                }
            }

            return true;
        }

        /// <summary>
        /// Judges a lambda's parameter by the arguments of the invocations of the delegate it becomes (<see cref="SqlDelegateCalls"/>):
        /// reports each invocation that passes untrusted text, at that argument. False when an argument cannot be evaluated.
        /// </summary>
        private static bool JudgeDelegateInvocations(
            SqlApis apis,
            SqlSink sink,
            IParameterSymbol parameter,
            IMethodSymbol lambda,
            List<(IInvocationOperation Invocation, MethodBody Body)> invocations,
            SqlPosition position,
            bool strict,
            Action<Diagnostic> report,
            HashSet<IParameterSymbol> judging,
            CancellationToken cancellationToken)
        {
            // Every argument is evaluated before any is judged: one that cannot be leaves the lambda judged inside, as before.
            var evaluated = new List<(IOperation Value, List<SqlSegment> Segments)>();
            foreach (var (invocation, body) in invocations)
            {
                if (parameter.Ordinal >= invocation.Arguments.Length)
                {
                    return false;
                }

                var value = invocation.Arguments[parameter.Ordinal].Value;
                if (value.ConstantValue.HasValue)
                {
                    continue;
                }

                if (value.Syntax.ContainsDiagnostics)
                {
                    return false;
                }

                var evaluator = new SqlTextEvaluator(apis, cancellationToken);
                var segments = evaluator.Evaluate(value, body.Index, CallerType(body.Root));
                if (evaluator.GaveUp)
                {
                    return false;
                }

                evaluated.Add((value, segments));
            }

            var judged = new List<(IOperation Value, ClassifiedHole Hole)>();
            foreach (var (value, segments) in evaluated)
            {
                foreach (var hole in SqlTextWalker.Classify(segments, strict))
                {
                    if (hole.Hole.Parameter is { } outer && JudgeAtCallSites(apis, sink, outer, hole.Hole.IsElementOfParameter, position, strict, report, judging, cancellationToken))
                    {
                        continue;
                    }

                    judged.Add((value, hole));
                    break;
                }
            }

            foreach (var (value, hole) in judged)
            {
                ReportAtArgument(apis, sink, value, hole, position, "passed to the lambda in " + SqlOrigin.MethodName(SqlOrigin.EnclosingMethod(lambda)), report);
            }

            return true;
        }

        /// <summary>
        /// Reports untrusted text at the argument that passes it (a call of a helper, an invocation of a lambda), once per
        /// argument, with the SQL text it reaches as the second location.
        /// </summary>
        private static void ReportAtArgument(SqlApis apis, SqlSink sink, IOperation value, ClassifiedHole hole, SqlPosition position, string passedTo, Action<Diagnostic> report)
        {
            if (apis.CallSites.TryMarkReported(value.Syntax))
            {
                var origin = hole.Hole.Origin is { } from ? from + "; " : string.Empty;
                report(Create(value.Syntax.GetLocation(), new[] { sink.Text.Syntax.GetLocation() }, sink, hole.Hole, position, " (" + origin + passedTo + ")"));
            }
        }

        /// <summary>How many callers up a parameter is followed (a controller passing a request value through a service to a helper).</summary>
        private const int MaxCallerDepth = 3;

        private static INamedTypeSymbol? CallerType(IOperation root) =>
            root.SemanticModel?.GetEnclosingSymbol(root.Syntax.SpanStart)?.ContainingType;

        private static Diagnostic Create(Location location, Location[]? additional, SqlSink sink, HoleSegment hole, SqlPosition position, string? detail)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, sink.Kind.ToString());
            detail ??= hole.Origin is { } origin ? " (" + origin + ")" : string.Empty;
            return Diagnostic.Create(
                Descriptors.SqlFromNonConstantText,
                location,
                additional,
                properties,
                hole.Name,
                position.KindText,
                position.Advice,
                detail);
        }
    }
}
