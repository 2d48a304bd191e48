using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Test code, for the rules whose finding needs an attacker that tests never have (SQL built from untrusted text): a
    /// test project — MSBuild's <c>IsTestProject</c> (set by Microsoft.NET.Test.Sdk and MSTest.Sdk, made visible by the
    /// package's build props), or a compilation that references a unit-test framework (a shared test-support library) —
    /// and, where the project cannot be told apart (one compilation over a whole repository), a file that imports a
    /// unit-test framework's namespace. Syntax and reference names only: nothing is bound.
    /// </summary>
    internal static class TestCode
    {
        public const string IsTestProjectKey = "build_property.IsTestProject";

        /// <summary>Assemblies of the unit-test frameworks (xUnit v2 and v3, NUnit, MSTest, TUnit).</summary>
        private static readonly string[] FrameworkAssemblies =
        {
            "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert", "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core",
        };

        /// <summary>Namespaces of the unit-test frameworks, as a test file imports them.</summary>
        private static readonly string[] FrameworkNamespaces =
        {
            "Xunit", "NUnit.Framework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TUnit.Core", "TUnit.Assertions",
        };

        /// <summary>The project is a test project, or a library that references a unit-test framework.</summary>
        public static bool IsTestProject(AnalyzerOptions options, Compilation compilation)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectKey, out var value) &&
                string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return WellKnownTypes.Get(compilation).ReferencesAny(FrameworkAssemblies);
        }

        /// <summary>The file imports a unit-test framework's namespace (<c>using NUnit.Framework;</c>, <c>using Xunit;</c>).</summary>
        [MethodImpl(HotPath.Options)]
        public static bool ImportsTestFramework(SyntaxTree? tree, CancellationToken cancellationToken)
        {
            if (tree?.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
            {
                return false;
            }

            if (AnyFramework(unit.Usings))
            {
                return true;
            }

            foreach (var member in unit.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns && AnyFramework(ns.Usings))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyFramework(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is not null || directive.Name is null)
                {
                    continue;
                }

                var name = directive.Name.ToString();
                if (name.StartsWith("global::", StringComparison.Ordinal))
                {
                    name = name.Substring("global::".Length);
                }

                foreach (var framework in FrameworkNamespaces)
                {
                    if (name.StartsWith(framework, StringComparison.Ordinal) &&
                        (name.Length == framework.Length || name[framework.Length] == '.'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
