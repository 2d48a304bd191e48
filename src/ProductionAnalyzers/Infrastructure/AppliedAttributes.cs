using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The constructor an attribute in source binds to, read from the attributes of the symbol it is applied to. The compiler
    /// binds those once per symbol and keeps them; <c>SemanticModel.GetSymbolInfo(attribute)</c> instead builds a semantic model
    /// for each attribute and runs binding and nullable analysis on it again, which on a controller with a route attribute on
    /// every action costs more than the rest of a rule's work together.
    /// </summary>
    internal static class AppliedAttributes
    {
        /// <summary>
        /// The constructor <paramref name="attribute"/> binds to; null when the owner is not a declaration whose symbol is
        /// found without binding code (a lambda's or local function's attributes, an explicit target other than <c>assembly</c>,
        /// <c>module</c> or <c>return</c>) or when the attribute did not bind (the caller asks the semantic model then).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static IMethodSymbol? Constructor(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
        {
            if (attribute.Parent is not AttributeListSyntax list || list.Parent is null)
            {
                return null;
            }

            var target = list.Target?.Identifier.Kind() ?? SyntaxKind.None;
            var attributes = OwnerAttributes(model, list.Parent, target, cancellationToken);
            if (attributes.IsDefaultOrEmpty)
            {
                return null;
            }

            var tree = attribute.SyntaxTree;
            var span = attribute.Span;
            foreach (var data in attributes)
            {
                if (data.ApplicationSyntaxReference is { } reference && reference.Span == span && reference.SyntaxTree == tree)
                {
                    return data.AttributeConstructor;
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Options)]
        private static ImmutableArray<AttributeData> OwnerAttributes(SemanticModel model, SyntaxNode owner, SyntaxKind target, CancellationToken cancellationToken)
        {
            switch (owner)
            {
                case CompilationUnitSyntax:
                    return target switch
                    {
                        SyntaxKind.AssemblyKeyword => model.Compilation.Assembly.GetAttributes(),
                        SyntaxKind.ModuleKeyword => model.Compilation.SourceModule.GetAttributes(),
                        _ => default,
                    };
                case BaseMethodDeclarationSyntax method when target == SyntaxKind.ReturnKeyword:
                    return model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol ? symbol.GetReturnTypeAttributes() : default;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or
                    EnumMemberDeclarationSyntax or AccessorDeclarationSyntax when target == SyntaxKind.None:
                    return model.GetDeclaredSymbol(owner, cancellationToken)?.GetAttributes() ?? default;
                case BaseFieldDeclarationSyntax field when target == SyntaxKind.None && field.Declaration.Variables.Count > 0:
                    return model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken)?.GetAttributes() ?? default;
                case ParameterSyntax parameter when target == SyntaxKind.None &&
                                                    parameter.Parent?.Parent is BaseMethodDeclarationSyntax or TypeDeclarationSyntax or DelegateDeclarationSyntax or IndexerDeclarationSyntax:
                    return model.GetDeclaredSymbol(parameter, cancellationToken)?.GetAttributes() ?? default;
                case TypeParameterSyntax typeParameter when typeParameter.Parent?.Parent is not LocalFunctionStatementSyntax:
                    return model.GetDeclaredSymbol(typeParameter, cancellationToken)?.GetAttributes() ?? default;
                default:
                    return default;
            }
        }
    }
}
