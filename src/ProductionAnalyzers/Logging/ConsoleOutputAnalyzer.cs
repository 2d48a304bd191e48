using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>
    /// PA4003: <c>Console.Write*</c>, <c>Console.Out/Error.Write*</c>, <c>Debug.Write*</c>/<c>Print</c> and
    /// <c>Trace.Write*</c> in service code, outside the program's entry point. <c>Trace.TraceInformation/Warning/Error</c>
    /// are not reported: they are leveled trace events that PA3002 accepts as logging.
    /// "Service code" is decided per compilation from the project (<see cref="ProjectKind"/>): a web or worker SDK project
    /// is service code; an executable of the plain SDK is a console program unless its own code imports ASP.NET Core or
    /// the generic host (<c>Microsoft.AspNetCore*</c>, <c>Microsoft.Extensions.Hosting*</c>) — a logging framework brought
    /// in by a shared library does not make a setup or admin tool a service; a class library is service code when it
    /// imports one of those or a logging framework (<c>Microsoft.Extensions.Logging*</c>, <c>Serilog*</c>, <c>NLog*</c>,
    /// <c>log4net*</c>). Where the project kind cannot be read, the library test applies to the whole compilation.
    /// <c>dotnet_code_quality.PA4003.service_code = true|false</c> overrides it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConsoleOutputAnalyzer : ProductionAnalyzer
    {
        internal const string ServiceCodeOption = "service_code";

        /// <summary>Property naming the logger level the fix should use: Information, Error, Debug, Warning.</summary>
        internal const string LevelProperty = "Level";

        private static readonly string[] HostingNamespaces = { "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting" };

        /// <summary>
        /// What makes an executable a service: its own code runs a web app or hosted services. A command-line tool that
        /// builds a host only to read configuration or fill a service collection (<c>Host.CreateApplicationBuilder</c>) is
        /// still a console program.
        /// </summary>
        private static readonly HashSet<string> HostingNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "BackgroundService", "IHostedService", "AddHostedService", "WebApplication", "UseStartup", "ConfigureWebHostDefaults",
            "ConfigureWebHost", "UseWindowsService", "UseSystemd", "AddWindowsService", "AddSystemd",
        };

        /// <summary>What makes a library service code: hosting, or a logging framework of <see cref="LoggingFrameworks"/>.</summary>
        private static readonly string[] ServiceNamespaces = HostingNamespaces.Concat(LoggingFrameworks.LoggerNamespaces).ToArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ConsoleOutputInServiceCode);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var state = PerCompilation(() =>
            {
                var types = WellKnownTypes.Get(compilation);
                var output = new OutputTypes(
                    types.Type("System.Console"),
                    types.Type("System.Diagnostics.Debug"),
                    types.Type("System.Diagnostics.Trace"),
                    types.Type("System.IO.TextWriter"));
                return output.Console is null && output.Debug is null && output.Trace is null ? null : output;
            });

            var projectKind = ProjectKind.Of(context.Options);
            var usesServiceFramework = new Lazy<bool>(
                () => projectKind switch
                {
                    ProjectKindValue.Service => true,
                    ProjectKindValue.Executable => HostsService(compilation, context.CancellationToken),
                    _ => Imports(compilation, ServiceNamespaces, context.CancellationToken),
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
            // One callback per file, not one per call: the file's text is searched for the output methods' names, and only
            // a call written with one of them is bound (most files have none; a callback for every call of the code base
            // cost more than binding the few calls found).
            context.RegisterSemanticModelAction(
                [MethodImpl(HotPath.Options)] (c) =>
                {
                    if (state.Value is { } output)
                    {
                        Analyze(c, output.Console, output.Debug, output.Trace, output.TextWriter, usesServiceFramework);
                    }
                });
        }

        private sealed class OutputTypes
        {
            public OutputTypes(INamedTypeSymbol? console, INamedTypeSymbol? debug, INamedTypeSymbol? trace, INamedTypeSymbol? textWriter)
            {
                Console = console;
                Debug = debug;
                Trace = trace;
                TextWriter = textWriter;
            }

            public INamedTypeSymbol? Console { get; }

            public INamedTypeSymbol? Debug { get; }

            public INamedTypeSymbol? Trace { get; }

            public INamedTypeSymbol? TextWriter { get; }
        }

        /// <summary>The names every output method of <see cref="LevelOf"/> begins with (what the file's text is searched for).</summary>
        private static readonly string[] OutputMethodPrefixes = { "Write", "Print" };

        /// <summary>The output methods' names: Console's, Debug's, Trace's and TextWriter's.</summary>
        private static readonly string[] OutputMethodNames =
        {
            "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "WriteAsync", "WriteLineAsync",
        };

        [MethodImpl(HotPath.Options)]
        private static void Analyze(
            SemanticModelAnalysisContext context,
            INamedTypeSymbol? console,
            INamedTypeSymbol? debug,
            INamedTypeSymbol? trace,
            INamedTypeSymbol? textWriter,
            Lazy<bool> usesServiceFramework)
        {
            var model = context.SemanticModel;
            var names = SourceSearch.WordsInTree(model.SyntaxTree, OutputMethodPrefixes, OutputMethodNames, context.FilterSpan, context.CancellationToken);
            if (names is null)
            {
                return;
            }

            foreach (var name in names)
            {
                if (SourceSearch.CallOf(name) is { } call &&
                    model.GetOperation(call, context.CancellationToken) is IInvocationOperation invocation &&
                    LevelOf(invocation, invocation.TargetMethod, console, debug, trace, textWriter) is { } level &&
                    !IsInEntryPoint(model.GetEnclosingSymbol(call.SpanStart, context.CancellationToken)))
                {
                    Report(context, invocation, level, usesServiceFramework);
                }
            }
        }

        private static void Report(SemanticModelAnalysisContext context, IInvocationOperation invocation, string level, Lazy<bool> usesServiceFramework)
        {
            var method = invocation.TargetMethod;
            var options = RuleOptions.ForTree(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.ConsoleOutputInServiceCode);
            var configured = options.GetString(ServiceCodeOption)?.Trim().ToLowerInvariant();
            var serviceCode = configured switch
            {
                "true" or "yes" or "1" or "on" => true,
                "false" or "no" or "0" or "off" => false,
                _ => usesServiceFramework.Value,
            };
            if (!serviceCode)
            {
                return;
            }

            var name = invocation.Instance is IPropertyReferenceOperation { Property: { } property }
                ? $"Console.{property.Name}.{method.Name}"
                : $"{method.ContainingType.Name}.{method.Name}";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ConsoleOutputInServiceCode,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(LevelProperty, level),
                name));
        }

        [MethodImpl(HotPath.Options)]
        private static string? LevelOf(
            IInvocationOperation invocation,
            IMethodSymbol method,
            INamedTypeSymbol? console,
            INamedTypeSymbol? debug,
            INamedTypeSymbol? trace,
            INamedTypeSymbol? textWriter)
        {
            // By name first: every call of the compilation comes here, and a name test is cheaper than three type comparisons.
            if (method.Name is not ("Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "WriteAsync" or "WriteLineAsync"))
            {
                return null;
            }

            var containing = method.ContainingType;
            if (containing is null)
            {
                return null;
            }

            if (console is not null && SymbolEqualityComparer.Default.Equals(containing, console))
            {
                return method.Name is "Write" or "WriteLine" ? "Information" : null;
            }

            if (debug is not null && SymbolEqualityComparer.Default.Equals(containing, debug))
            {
                return method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" ? "Debug" : null;
            }

            if (trace is not null && SymbolEqualityComparer.Default.Equals(containing, trace))
            {
                // Only the raw writes. TraceInformation/TraceWarning/TraceError are trace events with a level that go to the
                // configured listeners: PA3002 counts them as logging, so reporting them here would make the two rules ping-pong.
                return method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" ? "Information" : null;
            }

            // Console.Out.WriteLine(...), Console.Error.WriteLineAsync(...)
            if (textWriter is not null && method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" &&
                invocation.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Out" or "Error" } property } &&
                console is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType, console))
            {
                return property.Name == "Error" ? "Error" : "Information";
            }

            return null;
        }

        /// <summary>
        /// The entry point: <c>Main</c>, top-level statements, and every member of the type that declares them (the
        /// <c>Program</c> class's helpers print the banner and usage text of a tool). Lambdas and local functions count
        /// as part of the member they are written in.
        /// </summary>
        private static bool IsInEntryPoint(ISymbol? symbol)
        {
            var member = symbol;
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is not null)
            {
                member = member.ContainingSymbol;
            }

            if (member is IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" })
            {
                return true;
            }

            var type = member as INamedTypeSymbol ?? member?.ContainingType;
            if (type is null)
            {
                return false;
            }

            foreach (var candidate in type.GetMembers("Main"))
            {
                if (candidate is IMethodSymbol { IsStatic: true })
                {
                    return true;
                }
            }

            return !type.GetMembers("<Main>$").IsEmpty;
        }

        /// <summary>
        /// Once per compilation, for an executable only, and only when it writes to the console outside its entry point: does
        /// its own code name a hosted service or a web app? Each tree's text is scanned for the words of
        /// <see cref="HostingNames"/> (no syntax is realized); only where one appears is the tree's token at that place read,
        /// so a name in a comment or a string does not count, as before.
        /// </summary>
        private static bool HostsService(Compilation compilation, CancellationToken cancellationToken)
        {
            var buffer = new char[ScanChunk + MaxHostingNameLength];
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken);
                var start = 0;
                while (start < text.Length)
                {
                    // Chunks overlap by the longest name, so a word cut at a chunk's end is read whole in the next one.
                    var count = Math.Min(buffer.Length, text.Length - start);
                    text.CopyTo(start, buffer, 0, count);
                    var limit = start + count >= text.Length ? count : ScanChunk;
                    for (var i = 0; i < limit; i++)
                    {
                        if (!IsWordStart(buffer, i))
                        {
                            continue;
                        }

                        var end = i + 1;
                        while (end < count && IsWordPart(buffer[end]))
                        {
                            end++;
                        }

                        if (end - i >= MinHostingNameLength && end - i <= MaxHostingNameLength && IsHostingName(buffer, i, end - i) &&
                            IsHostingIdentifierAt(tree, start + i, cancellationToken))
                        {
                            return true;
                        }

                        i = end - 1;
                    }

                    start += limit;
                }
            }

            return false;
        }

        private const int ScanChunk = 8192;

        private static readonly int MinHostingNameLength = HostingNames.Min(n => n.Length);

        private static readonly int MaxHostingNameLength = HostingNames.Max(n => n.Length);

        private static bool IsWordStart(char[] buffer, int i) =>
            (char.IsLetter(buffer[i]) || buffer[i] == '_') && (i == 0 || !IsWordPart(buffer[i - 1]));

        private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static bool IsHostingName(char[] buffer, int start, int length)
        {
            foreach (var name in HostingNames)
            {
                if (name.Length != length || name[0] != buffer[start])
                {
                    continue;
                }

                var same = true;
                for (var i = 1; i < length && same; i++)
                {
                    same = name[i] == buffer[start + i];
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The word at <paramref name="position"/> is an identifier of the code (not a comment or a string).</summary>
        private static bool IsHostingIdentifierAt(SyntaxTree tree, int position, CancellationToken cancellationToken)
        {
            var token = tree.GetRoot(cancellationToken).FindToken(position);
            return token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && HostingNames.Contains(token.ValueText);
        }

        private static bool Imports(Compilation compilation, string[] namespaces, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root)
                {
                    continue;
                }

                if (AnyUsingOf(root.Usings, namespaces))
                {
                    return true;
                }

                foreach (var member in root.Members)
                {
                    if (member is BaseNamespaceDeclarationSyntax ns && AnyUsingOf(ns.Usings, namespaces))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool AnyUsingOf(SyntaxList<UsingDirectiveSyntax> usings, string[] namespaces)
        {
            foreach (var directive in usings)
            {
                var name = directive.Name?.ToString();
                if (name is null)
                {
                    continue;
                }

                if (name.StartsWith("global::", StringComparison.Ordinal))
                {
                    name = name.Substring("global::".Length);
                }

                foreach (var ns in namespaces)
                {
                    if (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
