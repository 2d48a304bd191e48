using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The name of an assembly and of every assembly it references, read once: a library type can only derive from,
    /// implement, take or be annotated with types of the assemblies it sees. The rules use it to reject, with one look at
    /// an assembly, the methods of the core library, LINQ and collections (most calls of a code base) before reading
    /// their parameters.
    /// </summary>
    internal sealed class AssemblyReferences
    {
        private readonly HashSet<string> _names;

        private AssemblyReferences(HashSet<string> names, bool inSource)
        {
            _names = names;
            InSource = inSource;
        }

        /// <summary>Declared in source: this compilation, or another one (a project reference in the IDE).</summary>
        public bool InSource { get; }

        public static AssemblyReferences Of(IAssemblySymbol assembly)
        {
            var inSource = assembly.Locations.Length > 0 && assembly.Locations[0].IsInSource;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { assembly.Name };
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    names.Add(identity.Name);
                }
            }

            return new AssemblyReferences(names, inSource);
        }

        /// <summary>Whether the assembly is, or references, one of <paramref name="assemblyNames"/> (case-insensitive).</summary>
        [MethodImpl(HotPath.Options)]
        public bool SeesAny(string[] assemblyNames)
        {
            foreach (var name in assemblyNames)
            {
                if (_names.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
