using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary>Says where an untrusted part of SQL text comes from, for the message: a parameter, a request member, configuration, a read.</summary>
    internal static class SqlOrigin
    {
        public static string? Describe(IOperation operation)
        {
            var unwrapped = SqlOperations.Unwrap(operation);
            if (unwrapped is IAwaitOperation { Operation: { } awaited })
            {
                unwrapped = SqlOperations.Unwrap(awaited);
            }

            switch (unwrapped)
            {
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.ContainingSymbol switch
                    {
                        IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } owner => "a parameter of " + MethodName(owner),
                        // A lambda whose delegate could not be followed to its invocations (docs/rules/PA1001.md): say so. (The
                        // element of a query operator's source, k in keys.Select(k => …), is named by its text alone, as before.)
                        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda when SqlTextEvaluator.ElementOfLambdaSource(parameter) is null =>
                            "a parameter of a lambda in " + MethodName(EnclosingMethod(lambda)),
                        _ => null,
                    };

                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed }:
                    return FromReceiverType(indexed.Type) ?? "an element of '" + SqlOperations.DisplayName(indexed) + "'";

                case ILocalReferenceOperation local when LoopOver(local) is { } collection:
                    // foreach (var t in tags): where the collection comes from.
                    return SqlOperations.Unwrap(collection) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol listOwner } listParameter }
                        ? "an element of the parameter '" + listParameter.Name + "' of " + MethodName(listOwner)
                        : Describe(collection) is { } from ? "an element of " + from : null;

                case IMemberReferenceOperation member:
                    if (FromReceiverType(member.Member.ContainingType) is { } fromType)
                    {
                        return fromType;
                    }

                    var root = member.Instance;
                    while (root is IMemberReferenceOperation inner && inner.Instance is not null)
                    {
                        if (IsOptionsType(inner.Type) || IsOptionsType(inner.Instance.Type))
                        {
                            return "a configuration value";
                        }

                        root = inner.Instance;
                    }

                    root = root is null ? null : SqlOperations.Unwrap(root);
                    if (root is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol receiving } holder })
                    {
                        return receiving.MethodKind == MethodKind.AnonymousFunction
                            ? "a member of the lambda parameter '" + holder.Name + "' in " + MethodName(EnclosingMethod(receiving))
                            : "a member of the parameter '" + holder.Name + "' of " + MethodName(receiving);
                    }

                    return null;

                case IInvocationOperation { TargetMethod: { IsExtensionMethod: true, ContainingType: { Name: "Enumerable" or "Queryable" } }, Arguments.Length: > 0 } query:
                    // lines.Except(dropped), names.Select(…).ToList(): where the source sequence comes from.
                    return Describe(query.Arguments[0].Value);

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.ContainingType is { Name: "Environment" } && method.Name == "GetEnvironmentVariable")
                    {
                        return "an environment variable";
                    }

                    if (method.Name is "GetConnectionString" || (method.ContainingType is { } declaring && IsConfigurationType(declaring)) ||
                        (invocation.Instance is { } instance && IsConfigurationType(instance.Type)) ||
                        (method.IsExtensionMethod && invocation.Arguments.Length > 0 && IsConfigurationType(invocation.Arguments[0].Value.Type)))
                    {
                        return "a configuration value";
                    }

                    return FromReceiverType(invocation.Instance?.Type) ?? FromReceiverType(method.ContainingType);

                default:
                    return null;
            }
        }

        /// <summary>The collection of the <c>foreach</c> whose iteration variable <paramref name="reference"/> reads, if it is one.</summary>
        private static IOperation? LoopOver(ILocalReferenceOperation reference)
        {
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local, SymbolEqualityComparer.Default))
                {
                    return loop.Collection;
                }
            }

            return null;
        }

        /// <summary>The method a lambda is written in (through nested lambdas).</summary>
        public static IMethodSymbol EnclosingMethod(IMethodSymbol method)
        {
            while (method.MethodKind == MethodKind.AnonymousFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            return method;
        }

        /// <summary>
        /// <c>OrdersController.Get</c>; for a lambda written in a field or property initializer (<c>static readonly Metric
        /// SchemaVersion = new(page => …)</c>), the member it initializes.
        /// </summary>
        public static string MethodName(IMethodSymbol method) =>
            (method.ContainingType is { } type ? type.Name + "." : string.Empty) +
            (method.MethodKind == MethodKind.AnonymousFunction && method.ContainingSymbol is IFieldSymbol or IPropertySymbol
                ? method.ContainingSymbol.Name
                : method.Name);

        private static string? FromReceiverType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (IsConfigurationType(type))
            {
                return "a configuration value";
            }

            // By name on purpose, not TypeHierarchy.DerivesFrom: the origins are types of many libraries (provider readers,
            // ASP.NET Core request types) the compilation may not reference, and any type so named tells where the text came from.
            for (var current = type; current is not null; current = current.BaseType)
            {
                switch (current.Name)
                {
                    case "DbDataReader":
                    case "SqlMapper":
                        return "a database read";
                    case "TextReader":
                    case "Stream":
                    case "File":
                    case "HttpClient":
                    case "HttpContent":
                        return "a file or network read";
                    case "HttpRequest":
                    case "IQueryCollection":
                    case "IFormCollection":
                    case "IHeaderDictionary":
                        return "the HTTP request";
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (@interface.Name is "IDataRecord" or "IDataReader")
                {
                    return "a database read";
                }
            }

            return type.Name is "IDataRecord" or "IDataReader" ? "a database read" : null;
        }

        private static bool IsOptionsType(ITypeSymbol? type) =>
            type?.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Options";

        private static bool IsConfigurationType(ITypeSymbol? type)
        {
            if (type is null || type.ContainingNamespace?.ToDisplayString() is not { } ns ||
                !ns.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal))
            {
                return false;
            }

            return true;
        }
    }
}
