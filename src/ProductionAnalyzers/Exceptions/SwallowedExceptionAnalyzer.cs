using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Exceptions
{
    /// <summary>
    /// PA3001 (empty catch block) and PA3002 (a broad catch that discards the exception). Both start from the
    /// catch clause syntax: the cheap questions (is the block empty? is the caught type spelled Exception?
    /// is there a <c>throw;</c>?) are answered before any semantic call, and PA3002 never looks outside the
    /// catch block.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SwallowedExceptionAnalyzer : ProductionAnalyzer
    {
        internal const string AllowCommentOption = "allow_comment";
        internal const string AllowedExceptionTypesOption = "allowed_exception_types";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EmptyCatchBlock, Descriptors.ExceptionDiscarded);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var state = PerCompilation(() =>
            {
                var types = WellKnownTypes.Get(compilation);
                var exceptionType = types.Type("System.Exception");
                return exceptionType is null
                    ? null
                    : new State(
                        exceptionType,
                        types.Type("System.SystemException"),
                        types.Type("System.OperationCanceledException"),
                        types.Type("System.Diagnostics.ConditionalAttribute"),
                        types.Type("System.Environment"),
                        // The logging model is built only when a catch-all's block calls something (most catches are
                        // reported or cleared before), and then shared with the logging rules.
                        new Lazy<LogCallResolver>(() => LogCallResolver.Get(compilation), System.Threading.LazyThreadSafetyMode.PublicationOnly));
            });

            // On the catch clause's operation: the driver builds each body's operations once for every rule, so the catch
            // block's operations (what PA3002 walks) come with it instead of being asked for again (GetOperation).
            context.RegisterOperationAction([MethodImpl(HotPath.Options)] (c) => state.Value?.AnalyzeCatchClause(c), OperationKind.CatchClause);
        }

        private sealed class State
        {
            private readonly INamedTypeSymbol _exception;
            private readonly INamedTypeSymbol? _systemException;
            private readonly INamedTypeSymbol? _operationCanceled;
            private readonly INamedTypeSymbol? _conditionalAttribute;
            private readonly INamedTypeSymbol? _environment;
            private readonly Lazy<LogCallResolver> _logging;

            public State(
                INamedTypeSymbol exception,
                INamedTypeSymbol? systemException,
                INamedTypeSymbol? operationCanceled,
                INamedTypeSymbol? conditionalAttribute,
                INamedTypeSymbol? environment,
                Lazy<LogCallResolver> logging)
            {
                _exception = exception;
                _systemException = systemException;
                _operationCanceled = operationCanceled;
                _conditionalAttribute = conditionalAttribute;
                _environment = environment;
                _logging = logging;
            }

            [MethodImpl(HotPath.Options)]
            public void AnalyzeCatchClause(OperationAnalysisContext context)
            {
                var operation = (ICatchClauseOperation)context.Operation;
                if (operation.Syntax is not CatchClauseSyntax catchClause || operation.SemanticModel is not { } semanticModel)
                {
                    return;
                }

                var block = catchClause.Block;
                if (block is null || block.IsMissing || catchClause.ContainsDiagnostics)
                {
                    // Half-typed code: wait until the catch parses.
                    return;
                }

                if (CatchClauseFacts.HasNoStatements(block))
                {
                    AnalyzeEmptyCatch(context, operation, catchClause);
                }
                else
                {
                    AnalyzeDiscardingCatch(context, operation, catchClause, semanticModel);
                }
            }

            // PA3001
            [MethodImpl(HotPath.Options)]
            private void AnalyzeEmptyCatch(OperationAnalysisContext context, ICatchClauseOperation operation, CatchClauseSyntax catchClause)
            {
                // The author chose exactly which failures to ignore.
                if (catchClause.Filter is not null || CatchClauseFacts.HasConditionalCode(catchClause.Block))
                {
                    return;
                }

                var options = RuleOptions.ForTree(context.Options, catchClause.SyntaxTree, DiagnosticIds.EmptyCatchBlock);
                if (CatchClauseFacts.HasComment(catchClause) && options.GetBool(AllowCommentOption, defaultValue: true))
                {
                    return;
                }

                ITypeSymbol caughtType = _exception;
                if (catchClause.Declaration is not null)
                {
                    var type = operation.ExceptionType;
                    if (type is null)
                    {
                        return;
                    }

                    // A type that does not resolve (a missing reference, a name made ambiguous by implicit usings) is still
                    // an exception: the block is empty whatever it binds to. Only its name can be checked.
                    if (type.TypeKind == TypeKind.Error && type.Name is "" or "OperationCanceledException" or "TaskCanceledException")
                    {
                        return;
                    }

                    caughtType = type;
                }

                if (TypeHierarchy.DerivesFrom(caughtType, _operationCanceled) || IsAllowed(caughtType, options.GetList(AllowedExceptionTypesOption)))
                {
                    return;
                }

                if (HasErrors(operation.SemanticModel!, catchClause, context.CancellationToken))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EmptyCatchBlock,
                    CatchClauseFacts.DiagnosticLocation(catchClause),
                    caughtType.Name));
            }

            // PA3002
            [MethodImpl(HotPath.Options)]
            private void AnalyzeDiscardingCatch(OperationAnalysisContext context, ICatchClauseOperation operation, CatchClauseSyntax catchClause, SemanticModel semanticModel)
            {
                var declaration = catchClause.Declaration;
                if (declaration is not null && !IsSpelledLikeBroadException(declaration.Type))
                {
                    return;
                }

                if (CatchClauseFacts.ContainsRethrow(catchClause) || CatchClauseFacts.ContainsCallOnLoggerNamedReceiver(catchClause))
                {
                    return;
                }

                var cancellationToken = context.CancellationToken;
                ITypeSymbol caughtType = _exception;
                ILocalSymbol? local = null;
                if (declaration is not null)
                {
                    var type = operation.ExceptionType;
                    if (type is { TypeKind: TypeKind.Error, Name: "Exception" or "SystemException" })
                    {
                        // Spelled like the broad type but not bound (an ambiguous name, a missing reference): still a catch-all.
                        type = _exception;
                    }

                    if (type is null ||
                        !(SymbolEqualityComparer.Default.Equals(type, _exception) || SymbolEqualityComparer.Default.Equals(type, _systemException)))
                    {
                        return;
                    }

                    caughtType = type;
                    if (declaration.Identifier.ValueText.Length > 0)
                    {
                        local = semanticModel.GetDeclaredSymbol(declaration, cancellationToken);
                    }
                }

                if (catchClause.Filter is { } filter && local is not null &&
                    semanticModel.GetOperation(filter.FilterExpression, cancellationToken) is { } filterOperation &&
                    (CatchFilters.NarrowsType(filterOperation, local, caughtType) || CatchFilters.GivesExceptionToMethod(filterOperation, local)))
                {
                    return;
                }

                if (IsInputValidationIdiom(catchClause, semanticModel, cancellationToken))
                {
                    return;
                }

                if (operation.Handler is not { } body || IsHandled(body, catchClause, local))
                {
                    return;
                }

                if (HasErrors(semanticModel, catchClause, cancellationToken))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ExceptionDiscarded,
                    CatchClauseFacts.DiagnosticLocation(catchClause),
                    caughtType.Name));
            }

            /// <summary>
            /// Code that does not compile yet (a missing brace that swallowed part of the file) may be the handling being
            /// typed: no report until it parses. Asked only for a catch about to be reported.
            /// </summary>
            private static bool HasErrors(SemanticModel semanticModel, CatchClauseSyntax catchClause, System.Threading.CancellationToken cancellationToken)
            {
                // Unresolved names inside the block surface as invalid operations or error types, checked on the way;
                // what remains are syntax errors elsewhere in the file that swallowed part of it (a missing '}').
                // Files that parse cleanly never pay for the semantic diagnostics.
                if (!catchClause.SyntaxTree.GetRoot(cancellationToken).ContainsDiagnostics)
                {
                    return false;
                }

                foreach (var diagnostic in semanticModel.GetDiagnostics(catchClause.Span, cancellationToken))
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsSpelledLikeBroadException(TypeSyntax type)
            {
                var name = type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };

                // Anything else (an alias, a half-typed name) is left to the semantic check only when it could be an alias.
                return name is "Exception" or "SystemException" ||
                       (type is IdentifierNameSyntax && name is not null && !name.EndsWith("Exception", StringComparison.Ordinal));
            }

            /// <summary>
            /// True when the block rethrows, logs, or uses the caught exception. Walks the catch block only.
            /// </summary>
            private bool IsHandled(IBlockOperation body, CatchClauseSyntax catchClause, ILocalSymbol? local)
            {
                foreach (var operation in body.Descendants())
                {
                    switch (operation)
                    {
                        case IInvalidOperation invalid when CatchClauseFacts.IsLoggerLikeCall(invalid.Syntax):
                            // A call that does not bind but looks like logging (a half-typed call, a missing logging
                            // reference) may well be the handling; other unresolved code does not handle anything.
                            return true;

                        case IInvocationOperation invocation when IsLoggingOrFailFast(invocation):
                            // A logging call in a nested catch logs that nested exception, not ours.
                            if (!CatchClauseFacts.IsInNestedCatch(invocation.Syntax, catchClause))
                            {
                                return true;
                            }

                            break;

                        case IThrowOperation { Exception: null } rethrow:
                            // throw; inside a lambda or local function is not legal; the syntax pass found the rest.
                            if (CatchClauseFacts.EnclosingCatch(rethrow.Syntax) == catchClause)
                            {
                                return true;
                            }

                            break;

                        case ILocalReferenceOperation reference when local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                            if (IsMeaningfulUse(reference, body))
                            {
                                return true;
                            }

                            break;
                    }
                }

                return false;
            }

            private bool IsLoggingOrFailFast(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (_environment is not null && method.Name == "FailFast" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _environment))
                {
                    // The process dies: nothing is swallowed.
                    return true;
                }

                if (IsConditional(method))
                {
                    // Debug.WriteLine and friends are compiled out of release builds.
                    return _logging.Value.IsLoggingCall(invocation) && !IsDebugOnly(method);
                }

                // A team's own facade (named like a logger) counts only when it is given the caught exception, which the
                // local-reference check sees as a use of the exception.
                return _logging.Value.IsLoggingCall(invocation);
            }

            /// <summary>
            /// The "is this input valid?" idiom: the try block parses or converts text already in memory (a call named
            /// <c>Parse*</c>, <c>*Deserialize*</c>, <c>FromHex*</c>, <c>*Base64*</c>, <c>Decode*</c>, <c>Convert.To*</c>, <c>new Guid(…)</c>) and calls nothing else
            /// but methods of <c>string</c>, with no <c>await</c>; the catch-all returns or records a fallback or a validation
            /// result without throwing. Read from the syntax: method names only, no binding.
            /// </summary>
            [MethodImpl(HotPath.Options)]
            private static bool IsInputValidationIdiom(CatchClauseSyntax catchClause, SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
            {
                if (catchClause.Parent is not TryStatementSyntax tryStatement || tryStatement.Block.Statements.Count is 0 or > 3)
                {
                    return false;
                }

                foreach (var node in catchClause.Block.DescendantNodes())
                {
                    if (node is ThrowStatementSyntax or ThrowExpressionSyntax)
                    {
                        return false;
                    }
                }

                var parses = 0;
                foreach (var node in tryStatement.Block.DescendantNodes())
                {
                    switch (node)
                    {
                        case AwaitExpressionSyntax:
                        case AnonymousFunctionExpressionSyntax:
                        case LocalFunctionStatementSyntax:
                            return false;
                        case ObjectCreationExpressionSyntax { Type: var createdType } when IsGuidName(createdType):
                            // new Guid(bytes) / new Guid(text): a conversion of data in memory.
                            parses++;
                            break;
                        case InvocationExpressionSyntax invocation:
                            var name = invocation.Expression switch
                            {
                                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                                SimpleNameSyntax simple => simple.Identifier.ValueText,
                                _ => null,
                            };
                            if (name is null)
                            {
                                return false;
                            }

                            if (IsParseName(name, invocation))
                            {
                                parses++;
                            }
                            else if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String })
                            {
                                return false;
                            }

                            break;
                    }
                }

                return parses == 1;
            }

            private static bool IsParseName(string name, InvocationExpressionSyntax invocation)
            {
                if (name.StartsWith("Parse", StringComparison.Ordinal) ||
                    name.IndexOf("Deserialize", StringComparison.Ordinal) >= 0 ||
                    name.StartsWith("FromHex", StringComparison.Ordinal) ||
                    name.IndexOf("Base64", StringComparison.Ordinal) >= 0 ||
                    name.StartsWith("Decode", StringComparison.Ordinal))
                {
                    return true;
                }

                return name.StartsWith("To", StringComparison.Ordinal) &&
                       invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Convert" } };
            }

            private static bool IsGuidName(TypeSyntax type) => type switch
            {
                IdentifierNameSyntax { Identifier.ValueText: "Guid" } => true,
                QualifiedNameSyntax { Right.Identifier.ValueText: "Guid" } => true,
                _ => false,
            };

            /// <summary>
            /// A reference to the caught exception that keeps it: anything but a type test (<c>ex is X</c>), an explicit
            /// discard (<c>_ = ex</c>), an argument of a call compiled out of release builds (<c>Debug.WriteLine(ex)</c>),
            /// or text taken from it for a newly thrown exception (<c>throw new X(ex.Message)</c> loses the stack trace).
            /// </summary>
            private bool IsMeaningfulUse(ILocalReferenceOperation reference, IBlockOperation body)
            {
                // Arguments of Debug.WriteLine/Debug.Assert vanish from release builds.
                for (var current = reference.Parent; current is not null && current != body; current = current.Parent)
                {
                    if (current is IInvocationOperation invocation && IsConditional(invocation.TargetMethod) && IsDebugOnly(invocation.TargetMethod))
                    {
                        return false;
                    }
                }

                IOperation child = reference;
                var exceptionValued = true;
                for (var parent = reference.Parent; parent is not null && parent != body; child = parent, parent = parent.Parent)
                {
                    switch (parent)
                    {
                        case IIsTypeOperation:
                            return false;
                        case IIsPatternOperation isPattern when !DeclaresVariable(isPattern.Pattern):
                            return false;
                        case ISimpleAssignmentOperation { Target: IDiscardOperation } assignment when assignment.Value == child:
                            return false;
                        case IThrowOperation:
                            // Inside a throw, the exception must itself reach the new exception (inner exception, wrapper
                            // call) or be thrown; its message alone does not keep the original stack trace.
                            return exceptionValued;
                        case IArgumentOperation:
                            // Passed to a method or constructor: handled, unless that call only builds a new exception
                            // to throw from the caught one's text.
                            return exceptionValued || !IsInsideThrow(parent, body);
                        case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                            // var reason = ex.Message; — kept only if the local is read.
                            return IsRead(declarator.Symbol, body);
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == child && IsDeclaredIn(target.Local, body):
                            return IsRead(target.Local, body);
                    }

                    if (exceptionValued && parent is not IConversionOperation && !IsExceptionTyped(parent.Type))
                    {
                        exceptionValued = false;
                    }
                }

                return true;
            }

            /// <summary>True when the local (declared in the catch block) is read somewhere in the block.</summary>
            private static bool IsRead(ILocalSymbol local, IBlockOperation body)
            {
                foreach (var operation in body.Descendants())
                {
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                        !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsDeclaredIn(ILocalSymbol local, IBlockOperation body)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (!body.Syntax.Span.Contains(reference.Span))
                    {
                        return false;
                    }
                }

                return !local.DeclaringSyntaxReferences.IsEmpty;
            }

            private static bool DeclaresVariable(IPatternOperation pattern)
            {
                if (pattern is IDeclarationPatternOperation { DeclaredSymbol: not null } or IRecursivePatternOperation { DeclaredSymbol: not null })
                {
                    return true;
                }

                foreach (var descendant in pattern.Descendants())
                {
                    if (descendant is IDeclarationPatternOperation { DeclaredSymbol: not null } or IRecursivePatternOperation { DeclaredSymbol: not null })
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsInsideThrow(IOperation operation, IBlockOperation body)
            {
                for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
                {
                    switch (current)
                    {
                        case IThrowOperation:
                            return true;
                        case IAnonymousFunctionOperation:
                        case ILocalFunctionOperation:
                            return false;
                    }
                }

                return false;
            }

            private bool IsExceptionTyped(ITypeSymbol? type) => TypeHierarchy.DerivesFrom(type, _exception);

            private bool IsConditional(IMethodSymbol method)
            {
                if (_conditionalAttribute is null)
                {
                    return false;
                }

                foreach (var attribute in method.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _conditionalAttribute))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// True for <c>[Conditional]</c> methods other than <c>[Conditional("TRACE")]</c>: TRACE is defined in release
            /// builds by default (System.Diagnostics.Trace), DEBUG and custom symbols are not.
            /// </summary>
            private bool IsDebugOnly(IMethodSymbol method)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _conditionalAttribute) &&
                        attribute.ConstructorArguments.Length == 1 &&
                        attribute.ConstructorArguments[0].Value is string symbol &&
                        symbol != "TRACE")
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsAllowed(ITypeSymbol type, ImmutableArray<string> allowed)
            {
                if (allowed.IsEmpty)
                {
                    return false;
                }

                for (var current = type; current is not null; current = current.BaseType)
                {
                    var fullName = current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    if (fullName.StartsWith("global::", StringComparison.Ordinal))
                    {
                        fullName = fullName.Substring("global::".Length);
                    }

                    foreach (var entry in allowed)
                    {
                        var name = entry.StartsWith("T:", StringComparison.Ordinal) ? entry.Substring(2) : entry;
                        if (string.Equals(name, current.Name, StringComparison.Ordinal) ||
                            string.Equals(name, fullName, StringComparison.Ordinal) ||
                            string.Equals(name, current.MetadataName, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }
    }
}
