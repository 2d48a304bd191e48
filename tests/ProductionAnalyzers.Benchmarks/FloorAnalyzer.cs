using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Benchmark-only analyzers: never loaded by a compiler, so no export attribute and no release tracking.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008
// The block-start contexts' public constructors are obsolete for hosts; here they only feed recording contexts.
#pragma warning disable CS0618

namespace ProductionAnalyzers.Benchmarks
{
    /// <summary>
    /// What the package's analyzers register for a compilation: the kinds of syntax nodes, operations and symbols,
    /// and which whole-tree / block / compilation-end callbacks. Recorded by running each analyzer's
    /// <see cref="DiagnosticAnalyzer.Initialize"/> (and its compilation-start actions, on the benchmark compilation)
    /// against recording contexts. Operation-block-start and code-block-start actions are followed too: they are run
    /// on the bodies of a sample of the compilation's methods, and what they register there is recorded. Symbol-start
    /// actions are recorded but not followed.
    /// </summary>
    internal sealed class Registrations
    {
        public HashSet<SyntaxKind> SyntaxNodeKinds { get; } = new();
        public HashSet<OperationKind> OperationKinds { get; } = new();
        public HashSet<SymbolKind> SymbolKinds { get; } = new();
        public HashSet<SymbolKind> SymbolStartKinds { get; } = new();
        public bool SyntaxTree { get; set; }
        public bool SemanticModel { get; set; }
        public bool CodeBlockStart { get; set; }
        public bool CodeBlock { get; set; }
        public bool OperationBlockStart { get; set; }
        public bool OperationBlock { get; set; }
        public bool CompilationEnd { get; set; }
        public bool Compilation { get; set; }
        public HashSet<OperationKind> BlockOperationKinds { get; } = new();
        public bool OperationBlockEnd { get; set; }
        public HashSet<SyntaxKind> BlockSyntaxNodeKinds { get; } = new();
        public bool CodeBlockEnd { get; set; }

        private readonly List<Action<OperationBlockStartAnalysisContext>> _operationBlockStarts = new();
        private readonly List<Action<CodeBlockStartAnalysisContext<SyntaxKind>>> _codeBlockStarts = new();

        public static Registrations Record(IEnumerable<DiagnosticAnalyzer> analyzers, Compilation compilation)
        {
            var registrations = new Registrations();
            foreach (var analyzer in analyzers)
            {
                var context = new RecordingAnalysisContext(registrations);
                analyzer.Initialize(context);
                foreach (var start in context.CompilationStartActions)
                {
                    start(new RecordingCompilationStartContext(registrations, compilation));
                }
            }

            registrations.FollowBlockStarts(compilation);
            return registrations;
        }

        /// <summary>Runs the recorded block-start actions on up to 50 method bodies and records what they register.</summary>
        private void FollowBlockStarts(Compilation compilation)
        {
            if (_operationBlockStarts.Count == 0 && _codeBlockStarts.Count == 0)
            {
                return;
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var sampled = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var method in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
                {
                    var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                    var symbol = model.GetDeclaredSymbol(method);
                    var operation = body is null ? null : model.GetOperation(body);
                    if (symbol is null || operation is null)
                    {
                        continue;
                    }

                    foreach (var start in _operationBlockStarts)
                    {
                        start(new RecordingOperationBlockStartContext(this, ImmutableArray.Create(operation), symbol, compilation, options));
                    }

                    foreach (var start in _codeBlockStarts)
                    {
                        start(new RecordingCodeBlockStartContext(this, method, symbol, model, options));
                    }

                    if (++sampled >= 50)
                    {
                        return;
                    }
                }
            }
        }

        public override string ToString()
        {
            var parts = new List<string>();
            if (SyntaxNodeKinds.Count > 0) parts.Add("syntax nodes: " + string.Join(",", SyntaxNodeKinds.OrderBy(k => k.ToString())));
            if (OperationKinds.Count > 0) parts.Add("operations: " + string.Join(",", OperationKinds.OrderBy(k => k.ToString())));
            if (SymbolKinds.Count > 0) parts.Add("symbols: " + string.Join(",", SymbolKinds.OrderBy(k => k.ToString())));
            if (SymbolStartKinds.Count > 0) parts.Add("symbol start: " + string.Join(",", SymbolStartKinds.OrderBy(k => k.ToString())));
            if (SyntaxTree) parts.Add("syntax tree");
            if (SemanticModel) parts.Add("semantic model");
            if (CodeBlockStart) parts.Add("code block start");
            if (CodeBlock) parts.Add("code block");
            if (OperationBlockStart) parts.Add("operation block start");
            if (OperationBlock) parts.Add("operation block");
            if (BlockOperationKinds.Count > 0) parts.Add("operations in blocks: " + string.Join(",", BlockOperationKinds.OrderBy(k => k.ToString())));
            if (BlockSyntaxNodeKinds.Count > 0) parts.Add("syntax nodes in blocks: " + string.Join(",", BlockSyntaxNodeKinds.OrderBy(k => k.ToString())));
            if (OperationBlockEnd) parts.Add("operation block end");
            if (CodeBlockEnd) parts.Add("code block end");
            if (Compilation) parts.Add("compilation");
            if (CompilationEnd) parts.Add("compilation end");
            return parts.Count == 0 ? "(nothing)" : string.Join("; ", parts);
        }

        private sealed class RecordingAnalysisContext : AnalysisContext
        {
            private readonly Registrations _r;

            public RecordingAnalysisContext(Registrations r) => _r = r;

            public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

            public override void EnableConcurrentExecution() { }
            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }
            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);
            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _r.Compilation = true;
            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModel = true;
            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.SymbolKinds.UnionWith(symbolKinds);
            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.SymbolStartKinds.Add(symbolKind);
            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.AddCodeBlockStart(action);
            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlock = true;
            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTree = true;
            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddSyntaxKinds(_r, syntaxKinds);
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.OperationKinds.UnionWith(operationKinds);
            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.AddOperationBlockStart(action);
            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlock = true;
            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) { }
        }

        private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly Registrations _r;

            public RecordingCompilationStartContext(Registrations r, Compilation compilation)
                : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None) => _r = r;

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _r.CompilationEnd = true;
            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModel = true;
            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.SymbolKinds.UnionWith(symbolKinds);
            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.SymbolStartKinds.Add(symbolKind);
            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.AddCodeBlockStart(action);
            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlock = true;
            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTree = true;
            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddSyntaxKinds(_r, syntaxKinds);
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.OperationKinds.UnionWith(operationKinds);
            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.AddOperationBlockStart(action);
            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlock = true;
            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) { }
        }

        private void AddOperationBlockStart(Action<OperationBlockStartAnalysisContext> action)
        {
            OperationBlockStart = true;
            _operationBlockStarts.Add(action);
        }

        private void AddCodeBlockStart<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            where TLanguageKindEnum : struct
        {
            CodeBlockStart = true;
            if (action is Action<CodeBlockStartAnalysisContext<SyntaxKind>> csharp)
            {
                _codeBlockStarts.Add(csharp);
            }
        }

        private sealed class RecordingOperationBlockStartContext : OperationBlockStartAnalysisContext
        {
            private readonly Registrations _r;

            public RecordingOperationBlockStartContext(Registrations r, ImmutableArray<IOperation> blocks, ISymbol owner, Compilation compilation, AnalyzerOptions options)
                : base(blocks, owner, compilation, options, CancellationToken.None) => _r = r;

            public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlockEnd = true;
            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.BlockOperationKinds.UnionWith(operationKinds);
        }

        private sealed class RecordingCodeBlockStartContext : CodeBlockStartAnalysisContext<SyntaxKind>
        {
            private readonly Registrations _r;

            public RecordingCodeBlockStartContext(Registrations r, SyntaxNode block, ISymbol owner, SemanticModel model, AnalyzerOptions options)
                : base(block, owner, model, options, CancellationToken.None) => _r = r;

            public override void RegisterCodeBlockEndAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlockEnd = true;
            public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<SyntaxKind> syntaxKinds) => _r.BlockSyntaxNodeKinds.UnionWith(syntaxKinds);
        }

        private static void AddSyntaxKinds<TLanguageKindEnum>(Registrations r, ImmutableArray<TLanguageKindEnum> kinds)
            where TLanguageKindEnum : struct
        {
            foreach (var kind in kinds)
            {
                if (kind is SyntaxKind csharp)
                {
                    r.SyntaxNodeKinds.Add(csharp);
                }
            }
        }
    }

    /// <summary>
    /// The floor: an analyzer that registers the same kinds of callbacks as the package and does nothing in them. What
    /// the compiler's analyzer driver costs for those callbacks, before any rule logic runs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly Registrations _registrations;

        public FloorAnalyzer(Registrations registrations) => _registrations = registrations;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            var r = _registrations;
            context.RegisterCompilationStartAction(start =>
            {
                if (r.SyntaxNodeKinds.Count > 0) start.RegisterSyntaxNodeAction(static _ => { }, r.SyntaxNodeKinds.ToImmutableArray());
                if (r.OperationKinds.Count > 0) start.RegisterOperationAction(static _ => { }, r.OperationKinds.ToImmutableArray());
                if (r.SymbolKinds.Count > 0) start.RegisterSymbolAction(static _ => { }, r.SymbolKinds.ToImmutableArray());
                foreach (var kind in r.SymbolStartKinds) start.RegisterSymbolStartAction(static _ => { }, kind);
                if (r.SyntaxTree) start.RegisterSyntaxTreeAction(static _ => { });
                if (r.SemanticModel) start.RegisterSemanticModelAction(static _ => { });
                if (r.CodeBlockStart)
                {
                    start.RegisterCodeBlockStartAction<SyntaxKind>(block =>
                    {
                        if (r.BlockSyntaxNodeKinds.Count > 0) block.RegisterSyntaxNodeAction(static _ => { }, r.BlockSyntaxNodeKinds.ToImmutableArray());
                        if (r.CodeBlockEnd) block.RegisterCodeBlockEndAction(static _ => { });
                    });
                }

                if (r.CodeBlock) start.RegisterCodeBlockAction(static _ => { });
                if (r.OperationBlockStart)
                {
                    start.RegisterOperationBlockStartAction(block =>
                    {
                        if (r.BlockOperationKinds.Count > 0) block.RegisterOperationAction(static _ => { }, r.BlockOperationKinds.ToImmutableArray());
                        if (r.OperationBlockEnd) block.RegisterOperationBlockEndAction(static _ => { });
                    });
                }

                if (r.OperationBlock) start.RegisterOperationBlockAction(static _ => { });
                if (r.CompilationEnd || r.Compilation) start.RegisterCompilationEndAction(static _ => { });
            });
        }
    }
}
