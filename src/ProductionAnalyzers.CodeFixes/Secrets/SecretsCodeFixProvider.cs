using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Secrets;

namespace ProductionAnalyzers.CodeFixes.Secrets
{
    /// <summary>
    /// PA2001 and PA2003 in C#: replaces the hardcoded literal with a lookup at run time — <c>configuration["Key"] ?? throw
    /// new InvalidOperationException("Key is not set")</c> when an <c>IConfiguration</c> is in scope (local, parameter,
    /// primary-constructor parameter, field or property, or the <c>Configuration</c> of a host builder or app), else
    /// <c>Environment.GetEnvironmentVariable("KEY") ?? throw …</c>. The key is derived from the name the literal was given.
    /// Not offered where the value must be a constant (<c>const</c>, attribute arguments, parameter defaults, case labels),
    /// for UTF-8 literals, or where the literal is itself a configuration source (<c>["Smtp:Password"] = "…"</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretsCodeFixProvider))]
    [Shared]
    public sealed class SecretsCodeFixProvider : CodeFixProvider
    {
        private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.HardcodedCredential,
            DiagnosticIds.ConnectionStringWithPassword);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree ||
                    root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                    !literal.IsKind(SyntaxKind.StringLiteralExpression) ||
                    !diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.NameProperty, out var name) || name is null)
                {
                    continue;
                }

                var replacement = Replacement(literal, name, model, context.CancellationToken);
                if (replacement is null)
                {
                    continue;
                }

                var key = diagnostic.Id == DiagnosticIds.HardcodedCredential ? FixKeys.Pa2001ReadFromConfiguration : FixKeys.Pa2003ReadFromConfiguration;
                var title = replacement.Value.FromConfiguration ? "Read the value from configuration" : "Read the value from an environment variable";
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement.Value.Expression.WithTriviaFrom(literal)))),
                        key),
                    diagnostic);
            }
        }

        private static (ExpressionSyntax Expression, bool FromConfiguration)? Replacement(
            LiteralExpressionSyntax literal, string name, SemanticModel model, CancellationToken cancellationToken)
        {
            var target = SecretTarget.Find(literal, bytes: false);
            if (target.Kind is TargetKind.Constant or TargetKind.ParameterDefault or TargetKind.AttributeArgument or TargetKind.IndexerKey or TargetKind.None ||
                name.IndexOf(':') >= 0 || name.IndexOf("__", System.StringComparison.Ordinal) >= 0 || InConstantContext(literal))
            {
                return null;
            }

            var words = Words(name);
            if (words.Count == 0)
            {
                return null;
            }

            // A one-word name ("password" of NetworkCredential) says little; the enclosing type adds what it is for.
            if (words.Count == 1 && literal.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } type)
            {
                words.InsertRange(0, Words(type.Identifier.ValueText));
            }

            var configuration = FindConfiguration(literal, model, cancellationToken);
            ExpressionSyntax lookup;
            string shownKey;
            if (configuration is not null)
            {
                shownKey = string.Concat(words.Select(Capitalize));
                lookup = SyntaxFactory.ElementAccessExpression(
                    configuration,
                    SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(String(shownKey)))));
            }
            else
            {
                shownKey = string.Join("_", words.Select(w => w.ToUpperInvariant()));
                lookup = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(String(shownKey)))));
            }

            var exception = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(String(shownKey + " is not set")))));
            ExpressionSyntax expression = SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                lookup,
                SyntaxFactory.ThrowExpression(exception));

            if (NeedsParentheses(target.Value, literal))
            {
                expression = SyntaxFactory.ParenthesizedExpression(expression);
            }

            return (expression.NormalizeWhitespace().WithAdditionalAnnotations(Simplifier.Annotation), configuration is not null);
        }

        /// <summary>A <c>?? throw</c> fits as a whole initializer, argument, assignment or return value; elsewhere it is parenthesized.</summary>
        private static bool NeedsParentheses(ExpressionSyntax value, LiteralExpressionSyntax literal)
        {
            if (value != literal)
            {
                return true;
            }

            return literal.Parent is not (EqualsValueClauseSyntax or ArgumentSyntax or AssignmentExpressionSyntax or ReturnStatementSyntax or
                ArrowExpressionClauseSyntax or AnonymousObjectMemberDeclaratorSyntax or InitializerExpressionSyntax);
        }

        private static bool InConstantContext(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or ParameterSyntax:
                        return true;
                    case LocalDeclarationStatementSyntax local when local.IsConst:
                        return true;
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        return true;
                    case StatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>An <c>IConfiguration</c> usable at the literal: locals and parameters first, then members of the type.</summary>
        private static ExpressionSyntax? FindConfiguration(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var configurationType = model.Compilation.GetTypeByMetadataName(ConfigurationInterface);
            if (configurationType is null)
            {
                return null;
            }

            var position = node.SpanStart;
            var instanceContext = IsInstanceContext(node, model, cancellationToken);
            var candidates = new List<(int Rank, string Name, ExpressionSyntax Expression)>();
            foreach (var symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ITypeSymbol? type;
                var rank = 0;
                switch (symbol)
                {
                    case ILocalSymbol local when IsUsableLocal(local, node):
                        type = local.Type;
                        break;
                    case IParameterSymbol parameter:
                        type = parameter.Type;
                        rank = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? 1 : 0;
                        break;
                    case IFieldSymbol { IsConst: false } field when field.IsStatic || instanceContext:
                        type = field.Type;
                        rank = 2;
                        break;
                    case IPropertySymbol { IsIndexer: false, GetMethod: not null } property when property.IsStatic || instanceContext:
                        type = property.Type;
                        rank = 2;
                        break;
                    default:
                        continue;
                }

                if (type is null)
                {
                    continue;
                }

                var identifier = SyntaxFactory.IdentifierName(symbol.Name);
                if (Implements(type, configurationType))
                {
                    candidates.Add((rank, symbol.Name, identifier));
                }
                else if (rank == 0 && type.GetMembers("Configuration").OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && p.GetMethod is not null) is { } inner &&
                         Implements(inner.Type, configurationType))
                {
                    // builder.Configuration (WebApplicationBuilder, HostApplicationBuilder), app.Configuration.
                    candidates.Add((3, symbol.Name, SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, identifier, SyntaxFactory.IdentifierName("Configuration"))));
                }
            }

            return candidates.OrderBy(c => c.Rank).ThenBy(c => c.Name, System.StringComparer.Ordinal).Select(c => c.Expression).FirstOrDefault();
        }

        /// <summary>
        /// A local declared before the literal in the same file; a top-level statement's local only from top-level code
        /// (lookup sees <c>builder</c> of Program.cs everywhere, but a type cannot use it: CS8801).
        /// </summary>
        private static bool IsUsableLocal(ILocalSymbol local, SyntaxNode node)
        {
            var inTopLevelCode = node.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null;
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != node.SyntaxTree || reference.Span.End > node.SpanStart)
                {
                    return false;
                }

                if (!inTopLevelCode && reference.GetSyntax().FirstAncestorOrSelf<GlobalStatementSyntax>() is not null)
                {
                    return false;
                }
            }

            return local.DeclaringSyntaxReferences.Length > 0;
        }

        private static bool IsInstanceContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            // Field initializers cannot use instance members; static members neither.
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case FieldDeclarationSyntax:
                        return false;
                    case PropertyDeclarationSyntax property when property.Initializer is not null && property.Initializer.Span.Contains(node.Span):
                        return false;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                        {
                            var symbol = model.GetDeclaredSymbol(current, cancellationToken) ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
                            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                            {
                                continue;
                            }

                            return symbol is not null && !symbol.IsStatic;
                        }
                }
            }

            return false;
        }

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol configurationType) =>
            SymbolEqualityComparer.Default.Equals(type, configurationType) || TypeHierarchy.Implements(type, configurationType);

        private static LiteralExpressionSyntax String(string text) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);

        /// <summary>The words of a name, leading underscores and the <c>Get</c> prefix dropped: <c>_smtpPassword</c> → smtp, password.</summary>
        private static List<string> Words(string name)
        {
            var words = CredentialNames.SplitWords(name);
            var builder = new List<string>(words.Count);
            foreach (var word in words)
            {
                if (word.Length > 0)
                {
                    builder.Add(word);
                }
            }

            return builder;
        }
    }
}
