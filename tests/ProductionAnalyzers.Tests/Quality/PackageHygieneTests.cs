using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// The shipped assemblies do no file, network, process, environment, console or assembly-loading work. Checked on
    /// the compiled IL metadata (every type and member the assembly references), so it holds whatever the source
    /// looks like; BannedSymbols.txt enforces the same list at build time.
    /// </summary>
    public class PackageHygieneTests
    {
        [Fact]
        public void AnalyzerAssembly_ReferencesNoBannedApi()
        {
            var findings = BannedApiScanner.Scan(File.ReadAllBytes(QualityHarness.AnalyzerAssembly.Location));
            Assert.True(findings.Count == 0, "ProductionAnalyzers.dll uses banned APIs:\n" + string.Join("\n", findings));
        }

        [Fact]
        public void CodeFixAssembly_ReferencesNoBannedApi()
        {
            var findings = BannedApiScanner.Scan(File.ReadAllBytes(QualityHarness.CodeFixAssembly.Location));
            Assert.True(findings.Count == 0, "ProductionAnalyzers.CodeFixes.dll uses banned APIs:\n" + string.Join("\n", findings));
        }

        [Fact]
        public void Scanner_FindsEveryBannedApiAndNothingElse()
        {
            const string source = @"
using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

public static class Offender
{
    [DllImport(""libc"")]
    private static extern int getpid();

    public static void Bad(string path, Stream stream)
    {
        File.ReadAllText(path);
        new FileInfo(path).Delete();
        Directory.GetFiles(path);
        using (var fs = new FileStream(path, FileMode.Open)) { }
        using (var r = new StreamReader(path)) { }
        using (var w = new StreamWriter(path, true)) { }
        new System.Net.Http.HttpClient().Dispose();
        System.Net.Dns.GetHostName();
        System.Diagnostics.Process.Start(""sh"");
        Assembly.LoadFrom(path);
        Assembly.Load(new byte[0]);
        Environment.GetEnvironmentVariable(""HOME"");
        Console.WriteLine(""x"");
        Path.GetTempPath();
    }

    public static string Fine(string path, Stream stream)
    {
        using (var r = new StreamReader(stream)) { }
        var name = Path.GetFileName(path) + Path.Combine(""a"", ""b"");
        var type = typeof(Offender).Assembly.GetName().Name;
        return name + type + Environment.NewLine + string.Join("","", new[] { ""a"" });
    }
}";
            var compilation = CSharpCompilation.Create(
                "Offender",
                new[] { CSharpSyntaxTree.ParseText(source) },
                QualityReferences.Full,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));

            var findings = BannedApiScanner.Scan(stream.ToArray());
            var text = string.Join("\n", findings);
            foreach (var expected in new[]
            {
                "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.FileStream",
                "System.IO.StreamReader::.ctor(string)", "System.IO.StreamWriter::.ctor(string, bool)",
                "System.Net.Http.HttpClient", "System.Net.Dns", "System.Diagnostics.Process",
                "System.Reflection.Assembly::LoadFrom", "System.Reflection.Assembly::Load",
                "System.Environment::GetEnvironmentVariable", "System.Console", "System.IO.Path::GetTempPath",
                "P/Invoke Offender::getpid",
            })
            {
                Assert.Contains(findings, f => f.StartsWith(expected, StringComparison.Ordinal));
            }

            Assert.DoesNotContain("StreamReader::.ctor(System.IO.Stream)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GetFileName", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Combine", text, StringComparison.Ordinal);
            Assert.DoesNotContain("NewLine", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GetName", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Lists the banned types and members an assembly references, read with System.Reflection.Metadata.</summary>
    internal static class BannedApiScanner
    {
        private static readonly ImmutableHashSet<string> BannedTypes = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo",
            "System.IO.FileStream", "System.IO.FileSystemWatcher", "System.IO.FileSystemInfo",
            "System.IO.MemoryMappedFiles.MemoryMappedFile", "System.IO.Pipes.NamedPipeClientStream",
            "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo",
            "System.Console", "System.Runtime.Loader.AssemblyLoadContext", "Microsoft.Win32.Registry");

        private static readonly ImmutableHashSet<string> BannedMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "System.Reflection.Assembly::Load", "System.Reflection.Assembly::LoadFrom", "System.Reflection.Assembly::LoadFile",
            "System.Reflection.Assembly::UnsafeLoadFrom", "System.Reflection.Assembly::ReflectionOnlyLoad",
            "System.Reflection.Assembly::ReflectionOnlyLoadFrom", "System.AppDomain::Load", "System.Activator::CreateInstanceFrom",
            "System.Environment::GetEnvironmentVariable", "System.Environment::GetEnvironmentVariables",
            "System.Environment::SetEnvironmentVariable", "System.Environment::Exit", "System.Environment::FailFast",
            "System.Environment::get_CurrentDirectory", "System.Environment::GetFolderPath",
            "System.IO.Path::GetTempPath", "System.IO.Path::GetTempFileName", "System.IO.Path::GetFullPath");

        /// <summary>Types whose constructors taking a path (a string first parameter) open files.</summary>
        private static readonly ImmutableHashSet<string> PathConstructors = ImmutableHashSet.Create(
            StringComparer.Ordinal, "System.IO.StreamReader", "System.IO.StreamWriter");

        public static IReadOnlyList<string> Scan(byte[] image)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            var reader = pe.GetMetadataReader();
            var findings = new SortedSet<string>(StringComparer.Ordinal);

            foreach (var handle in reader.TypeReferences)
            {
                var name = TypeName(reader, handle);
                if (IsBannedType(name))
                {
                    findings.Add(name);
                }
            }

            var signatures = new SignatureNames();
            foreach (var handle in reader.MemberReferences)
            {
                var member = reader.GetMemberReference(handle);
                var parent = ParentName(reader, member.Parent);
                if (parent is null)
                {
                    continue;
                }

                var name = parent + "::" + reader.GetString(member.Name);
                if (BannedMembers.Contains(name))
                {
                    findings.Add(name);
                }
                else if (member.GetKind() == MemberReferenceKind.Method && reader.GetString(member.Name) == ".ctor" && PathConstructors.Contains(parent))
                {
                    var signature = member.DecodeMethodSignature(signatures, null);
                    if (signature.ParameterTypes.Length > 0 && signature.ParameterTypes[0] == "string")
                    {
                        findings.Add($"{name}({string.Join(", ", signature.ParameterTypes)})");
                    }
                }
            }

            foreach (var handle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(handle);
                if ((method.Attributes & System.Reflection.MethodAttributes.PinvokeImpl) != 0)
                {
                    findings.Add($"P/Invoke {TypeDefinitionName(reader, method.GetDeclaringType())}::{reader.GetString(method.Name)}");
                }
            }

            return findings.ToList();
        }

        private static bool IsBannedType(string name) =>
            BannedTypes.Contains(name) || name.StartsWith("System.Net.", StringComparison.Ordinal) && !name.StartsWith("System.Net.WebUtility", StringComparison.Ordinal);

        private static string? ParentName(MetadataReader reader, EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => TypeName(reader, (TypeReferenceHandle)parent),
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(new SignatureNames(reader), null),
            HandleKind.TypeDefinition => TypeDefinitionName(reader, (TypeDefinitionHandle)parent),
            _ => null,
        };

        private static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return TypeName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
            }

            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static string TypeDefinitionName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var ns = reader.GetString(type.Namespace);
            var name = reader.GetString(type.Name);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>Decodes signature types to readable names; generic instantiations decode to their generic type's name.</summary>
        private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
        {
            private readonly MetadataReader? _reader;

            public SignatureNames(MetadataReader? reader = null) => _reader = reader;

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
            {
                PrimitiveTypeCode.String => "string",
                PrimitiveTypeCode.Boolean => "bool",
                PrimitiveTypeCode.Int32 => "int",
                _ => typeCode.ToString(),
            };

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeDefinitionName(reader, handle);

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);

            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPinnedType(string elementType) => elementType;

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;

            public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

            public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        }
    }
}
