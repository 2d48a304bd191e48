using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Secrets
{
    /// <summary>
    /// PA2001 (hardcoded credential), PA2002 (secret in a known format), PA2003 (connection string or URI with an embedded
    /// password), in C# string literals, interpolated strings and byte-array keys, and in JSON settings files passed as
    /// AdditionalFiles (<c>appsettings*.json</c>). One finding per literal or JSON value: a connection string with a password is
    /// PA2003, else a provider format PA2002, else a credential name with a non-placeholder value PA2001.
    /// Literals are everywhere, so every callback starts with syntax-only checks (length, prefixes, the parent node); the
    /// semantic model is asked only for a positional argument whose value already looks like a credential.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedSecretAnalyzer : ProductionAnalyzer
    {
        internal const string CredentialWordsOption = "credential_words";
        internal const string AdditionalCredentialWordsOption = "additional_credential_words";

        /// <summary>Diagnostic property: the name the literal is assigned to (the code fix derives the configuration key from it).</summary>
        internal const string NameProperty = "Name";

        internal const string CodeRemedy = "read it from configuration, an environment variable or a secret store";
        internal const string SettingsRemedy = "keep it in dotnet user-secrets, an environment variable or a secret store, not in a committed file";

        /// <summary>Settings files longer than this are not read (a settings file is a few kilobytes).</summary>
        internal const int MaxSettingsFileLength = 20 * 1024 * 1024;

        private const char Hole = QueryCredentials.Hole;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.HardcodedCredential, Descriptors.SecretInKnownFormat, Descriptors.ConnectionStringWithPassword);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var cache = new ConcurrentDictionary<(string?, string?), CredentialNames>();
            CredentialNames NamesFor(AnalyzerConfigOptions options)
            {
                var ruleOptions = RuleOptions.From(options, context.Options.AnalyzerConfigOptionsProvider.GlobalOptions, DiagnosticIds.HardcodedCredential);
                var key = (ruleOptions.GetString(CredentialWordsOption), ruleOptions.GetString(AdditionalCredentialWordsOption));
                return cache.GetOrAdd(key, k => k.Item1 is null && k.Item2 is null
                    ? CredentialNames.Default
                    : CredentialNames.Create(RuleOptions.ParseList(k.Item1), RuleOptions.ParseList(k.Item2)));
            }

            // Read once per tree; the last tree first (a tree's literals come one after another).
            var perTree = new PerTreeOptions<CredentialNames>(context.Options, (options, tree) => NamesFor(options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
            Func<SyntaxTree, CredentialNames> forTree = perTree.For;

            context.RegisterSyntaxNodeAction(
                [MethodImpl(HotPath.Options)] (c) => AnalyzeLiteral(c, forTree),
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression);
            context.RegisterSyntaxNodeAction([MethodImpl(HotPath.Options)] (c) => AnalyzeInterpolated(c, forTree), SyntaxKind.InterpolatedStringExpression);
            context.RegisterSyntaxNodeAction(
                [MethodImpl(HotPath.Options)] (c) => AnalyzeByteArray(c, forTree),
                SyntaxKind.ArrayCreationExpression,
                SyntaxKind.ImplicitArrayCreationExpression,
                SyntaxKind.CollectionExpression);

            var seenFiles = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            context.RegisterAdditionalFileAction(c =>
            {
                var path = c.AdditionalFile.Path;
                if (path is null || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !seenFiles.TryAdd(path, 0))
                {
                    return;
                }

                AnalyzeSettingsFile(c, NamesFor(c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.AdditionalFile)));
            });
        }

        /// <param name="namesFor">The word list of the literal's tree, looked up only for the few literals that need it.</param>
        [MethodImpl(HotPath.Options)]
        private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, Func<SyntaxTree, CredentialNames> namesFor)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var value = literal.Token.ValueText;
            if (value.Length < 4 || value.Length > 100000)
            {
                return;
            }

            // The key of an indexer or a nameof is never a value: configuration["Jwt:Secret"].
            if (literal.Parent is ArgumentSyntax { Parent: BracketedArgumentListSyntax })
            {
                return;
            }

            if (ConnectionStrings.MayContainPassword(value) && ConnectionStrings.Find(value) is { } password)
            {
                if (password.LocalHost && IsInDesignTimeFactory(literal, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                var target = SecretTarget.Find(literal, bytes: false);
                Report(context, Descriptors.ConnectionStringWithPassword, literal, target.Name, password.Key, SecretValues.Redact(password.Value), CodeRemedy);
                return;
            }

            if (FindFormat(value) is { } format)
            {
                var target = SecretTarget.Find(literal, bytes: false);
                Report(context, Descriptors.SecretInKnownFormat, literal, target.Name, format.Provider, SecretValues.Redact(format.Secret), CodeRemedy);
                return;
            }

            if (QueryCredentials.MayContainQuery(value) && QueryCredentials.Find(value, namesFor(literal.SyntaxTree)) is { } query)
            {
                ReportQueryCredential(context, literal, query.Name, query.Value);
                return;
            }

            // PA2001: only where the literal is given a name; the cheap parent check comes before any value check. A message,
            // a URL or a path is no credential whatever its name (CredentialValue would say so after the name lookups).
            if (!MayHaveName(literal) || SecretValues.IsMessageOrPath(value))
            {
                return;
            }

            var found = SecretTarget.Find(literal, literal.IsKind(SyntaxKind.Utf8StringLiteralExpression));
            if (found.Kind == TargetKind.None)
            {
                return;
            }

            var names = namesFor(literal.SyntaxTree);

            // The name first (a cached lookup), the value's many placeholder checks only for a credential's name.
            if (found.Name is { } known && !IsCredentialName(known, found, names, value))
            {
                return;
            }

            // A positional argument is named only by the semantic model. Ask it only for a value that could be a credential
            // without a name: not a word, identifier or slug ("bluray", "utf-8", "orders-api"), not a message (spaces), unless
            // the first argument already names it (headers.Add("X-Api-Key", "…")).
            if (found.Name is null && found.Kind == TargetKind.PositionalArgument &&
                !(found.Key is { } named && IsCredentialName(named, found, names, value)) && !MayBeUnnamedCredential(value))
            {
                return;
            }

            // A positional argument of a well-known framework attribute is a route, a name, a policy or a message: its
            // constructor's parameters never name a credential, so neither the value checks nor the constructor are needed.
            if (found.Name is null && found.Call is AttributeSyntax attribute && IsNonCredentialAttribute(attribute))
            {
                return;
            }

            var credential = CredentialValue(value, found, names);
            if (credential is null)
            {
                return;
            }

            var name = found.Name;
            if (name is null)
            {
                // A positional argument: the semantic model only now, after the cheap checks. The first argument names the
                // second only where the second is a value parameter: headers.Add("X-Api-Key", "…"), new KeyValuePair("Smtp:Password", "…").
                var parameter = ResolveParameterName(context, found);
                name = found.Key is { } key && IsValueParameter(parameter) && IsCredentialName(key, found, names, value) ? key : parameter;
            }

            if (name is null || !IsCredentialName(name, found, names, value))
            {
                return;
            }

            // A token, secret or API key is generated: a word, slug or identifier in its place is a name or a setting.
            if (names.NeedsGeneratedValue(name, found.Bytes) && !SecretValues.LooksGenerated(credential))
            {
                return;
            }

            // The documented default of the product a settings type configures (Password = "deluge" in DelugeSettings,
            // "postgres" in PostgresOptions): public by design, and replaced by whoever installs it.
            if (NamesItsType(credential, literal))
            {
                return;
            }

            Report(context, Descriptors.HardcodedCredential, literal, name, SecretValues.Redact(credential), null, CodeRemedy);
        }

        /// <summary>
        /// Whether <paramref name="value"/> is one word of letters that is also a word of the name of the type the literal is
        /// written in (<c>deluge</c> in <c>DelugeSettings</c>, case-insensitive): a product's well-known default.
        /// </summary>
        private static bool NamesItsType(string value, SyntaxNode literal)
        {
            if (value.Length < 4)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }

            for (var node = literal.Parent; node is not null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax type)
                {
                    var name = type.Identifier.ValueText;
                    var start = 0;
                    for (var i = 1; i <= name.Length; i++)
                    {
                        if (i == name.Length || char.IsUpper(name[i]) || name[i] == '_')
                        {
                            if (i - start == value.Length && string.Compare(name, start, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0)
                            {
                                return true;
                            }

                            start = i < name.Length && name[i] == '_' ? i + 1 : i;
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private static void AnalyzeInterpolated(SyntaxNodeAnalysisContext context, Func<SyntaxTree, CredentialNames> namesFor)
        {
            var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
            var contents = interpolated.Contents;
            if (interpolated.Span.Length < 10)
            {
                return;
            }

            // Prefilter on the constant parts: a connection string, a URI or a query needs '='; an Authorization value
            // starts with its scheme. Without either, only the provider formats are looked for, part by part.
            var hasText = false;
            var mayHavePairs = false;
            foreach (var content in contents)
            {
                if (content is InterpolatedStringTextSyntax part)
                {
                    hasText = true;
                    var text = part.TextToken.ValueText;
                    mayHavePairs |= text.IndexOf('=') >= 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0;
                }
            }

            if (!hasText)
            {
                return;
            }

            if (!mayHavePairs && !(contents[0] is InterpolatedStringTextSyntax first && SecretValues.HasSchemePrefixBeforeHole(first.TextToken.ValueText)))
            {
                foreach (var content in contents)
                {
                    if (content is InterpolatedStringTextSyntax text && FindFormat(text.TextToken.ValueText) is { } format)
                    {
                        var target = SecretTarget.Find(interpolated, bytes: false);
                        Report(context, Descriptors.SecretInKnownFormat, interpolated, target.Name, format.Provider, SecretValues.Redact(format.Secret), CodeRemedy);
                        return;
                    }
                }

                return;
            }

            // The constant text, holes replaced by a marker: a password that comes from a hole is not hardcoded.
            var builder = new StringBuilder();
            foreach (var content in contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    builder.Append(text.TextToken.ValueText);
                }
                else
                {
                    builder.Append(Hole);
                }
            }

            var value = builder.ToString();
            if (ConnectionStrings.MayContainPassword(value) && ConnectionStrings.Find(value, Hole) is { } password)
            {
                if (password.LocalHost && IsInDesignTimeFactory(interpolated, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                var target = SecretTarget.Find(interpolated, bytes: false);
                Report(context, Descriptors.ConnectionStringWithPassword, interpolated, target.Name, password.Key, SecretValues.Redact(password.Value), CodeRemedy);
                return;
            }

            foreach (var content in contents)
            {
                if (content is InterpolatedStringTextSyntax text && FindFormat(text.TextToken.ValueText) is { } format)
                {
                    var target = SecretTarget.Find(interpolated, bytes: false);
                    Report(context, Descriptors.SecretInKnownFormat, interpolated, target.Name, format.Provider, SecretValues.Redact(format.Secret), CodeRemedy);
                    return;
                }
            }

            if (QueryCredentials.MayContainQuery(value) && QueryCredentials.Find(value, namesFor(interpolated.SyntaxTree)) is { } query)
            {
                ReportQueryCredential(context, interpolated, query.Name, query.Value);
                return;
            }

            // An Authorization header whose credential is constant text: $"Basic {"…"}" is rare; "Bearer {token}" is quiet.
            if (value.IndexOf(Hole) < 0 || !SecretValues.HasSchemePrefix(value))
            {
                return;
            }

            var names = namesFor(interpolated.SyntaxTree);

            var scheme = SecretValues.SchemeCredential(value);
            if (scheme is not null && scheme.IndexOf(Hole) < 0 && scheme.Length >= 8 && !SecretValues.IsPlaceholder(scheme))
            {
                var target = SecretTarget.Find(interpolated, bytes: false);
                if (target.Name is { } name && IsCredentialName(name, target, names, value))
                {
                    Report(context, Descriptors.HardcodedCredential, interpolated, name, SecretValues.Redact(scheme), null, CodeRemedy);
                }
            }
        }

        [MethodImpl(HotPath.Options)]
        private static void AnalyzeByteArray(SyntaxNodeAnalysisContext context, Func<SyntaxTree, CredentialNames> namesFor)
        {
            var node = (ExpressionSyntax)context.Node;

            // A key: at least 8 numeric literals, not all the same (a zero-filled array is a buffer). The elements are read in
            // place: a collection expression's are not copied into a new list (which cost a copy per element).
            var distinct = (HashSet<string>?)null;
            switch (node)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer } creation when creation.Type.ElementType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.ByteKeyword }:
                    distinct = DistinctNumbers(initializer.Expressions);
                    break;
                case ImplicitArrayCreationExpressionSyntax implicitCreation:
                    distinct = DistinctNumbers(implicitCreation.Initializer.Expressions);
                    break;
                case CollectionExpressionSyntax collection:
                    {
                        var elements = collection.Elements;
                        if (elements.Count < 8)
                        {
                            return;
                        }

                        foreach (var element in elements)
                        {
                            if (element is not ExpressionElementSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number })
                            {
                                return;
                            }

                            distinct ??= new HashSet<string>(StringComparer.Ordinal);
                            distinct.Add(number.Token.ValueText);
                        }

                        break;
                    }
            }

            if (distinct is null || distinct.Count < 4 || !MayHaveName(node))
            {
                return;
            }

            var target = SecretTarget.Find(node, bytes: true);
            if (target.Kind == TargetKind.None)
            {
                return;
            }

            // An implicit array or collection expression must be bytes: the target decides (Key, key parameter).
            var name = target.Name ?? ResolveParameterName(context, target);
            if (name is null || !namesFor(node.SyntaxTree).IsCredential(name, bytes: true))
            {
                return;
            }

            if (node is not ArrayCreationExpressionSyntax && context.SemanticModel.GetTypeInfo(node, context.CancellationToken).ConvertedType is IArrayTypeSymbol { ElementType.SpecialType: not SpecialType.System_Byte })
            {
                return;
            }

            Report(context, Descriptors.HardcodedCredential, node, name, "…", null, CodeRemedy);
        }

        /// <summary>The distinct texts of <paramref name="elements"/> when there are at least 8 and all are numeric literals, else null.</summary>
        private static HashSet<string>? DistinctNumbers(SeparatedSyntaxList<ExpressionSyntax> elements)
        {
            if (elements.Count < 8)
            {
                return null;
            }

            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in elements)
            {
                if (element is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number)
                {
                    return null;
                }

                distinct.Add(number.Token.ValueText);
            }

            return distinct;
        }

        private static void AnalyzeSettingsFile(AdditionalFileAnalysisContext context, CredentialNames names)
        {
            var file = context.AdditionalFile;
            var text = file.GetText(context.CancellationToken);
            if (text is null || text.Length == 0 || text.Length > MaxSettingsFileLength)
            {
                return;
            }

            var fileName = FileName(file.Path);
            var development = fileName.EndsWith(".Development.json", StringComparison.OrdinalIgnoreCase);
            foreach (var item in SettingsJson.Read(text))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var value = item.Value;
                if (value.Length < 4)
                {
                    continue;
                }

                var where = "'" + item.Path + "' in " + fileName;
                Location Location() => Microsoft.CodeAnalysis.Location.Create(file.Path, item.Span, text.Lines.GetLinePositionSpan(item.Span));
                if (ConnectionStrings.MayContainPassword(value) && ConnectionStrings.Find(value) is { } password)
                {
                    if (!(development && password.LocalHost))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ConnectionStringWithPassword, Location(), where, password.Key, SecretValues.Redact(password.Value), SettingsRemedy));
                    }

                    continue;
                }

                if (FindFormat(value) is { } format)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SecretInKnownFormat, Location(), where, format.Provider, SecretValues.Redact(format.Secret), SettingsRemedy));
                    continue;
                }

                if (names.IsCredential(item.Path) && !SecretValues.IsNotACredential(value, names) && !IsPublicValue(value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.HardcodedCredential, Location(), where, SecretValues.Redact(value), SettingsRemedy));
                }
            }
        }

        /// <summary>
        /// Whether the string is written in a type that implements EF Core's <c>IDesignTimeDbContextFactory&lt;T&gt;</c> (directly
        /// or through a base class): the factory <c>dotnet ef</c> runs on a developer's machine to create migrations. A
        /// connection string to a database on this machine there is the code form of a localhost connection string in
        /// <c>appsettings.Development.json</c>, and is quiet like it. Asked only for a localhost connection string with a password.
        /// </summary>
        private static bool IsInDesignTimeFactory(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is TypeDeclarationSyntax type)
                {
                    if (model.GetDeclaredSymbol(type, cancellationToken) is not INamedTypeSymbol symbol)
                    {
                        return false;
                    }

                    foreach (var @interface in symbol.AllInterfaces)
                    {
                        if (@interface.Name == "IDesignTimeDbContextFactory" && @interface.Arity == 1 &&
                            @interface.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore.Design")
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        /// <summary>A provider format in the value, with the matched secret; the 88-character Azure storage key shape counts.</summary>
        [MethodImpl(HotPath.Options)]
        private static (string Provider, string Secret)? FindFormat(string value)
        {
            if (value.Length < SecretFormats.MinLength)
            {
                return null;
            }

            if (SecretFormats.Find(value) is { } match)
            {
                return (match.Format.Provider, value.Substring(match.Start, match.Length));
            }

            if (value.Length == 88 && SecretFormats.IsAzureStorageKeyShape(value) && value != ConnectionStrings.EmulatorAccountKey)
            {
                return ("Azure storage account key", value);
            }

            return null;
        }

        /// <summary>
        /// The credential in <paramref name="value"/> when it is one: not a placeholder, label, key, URL, template; for an
        /// Authorization target, the part after the scheme. Null when the value is not a credential.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static string? CredentialValue(string value, SecretTarget target, CredentialNames names)
        {
            if (SecretValues.SchemeCredential(value) is { } scheme)
            {
                return scheme.Length >= 8 && !SecretValues.IsPlaceholder(scheme) && !SecretValues.IsIdentifierLike(scheme) ? scheme : null;
            }

            if (SecretValues.IsNotACredential(value, names) || IsPublicValue(value))
            {
                return null;
            }

            return value;
        }

        /// <summary>
        /// Cheap test for a positional argument, before the semantic model names it: an Authorization value, or the shape of a
        /// password or a generated key — at least 8 characters without spaces, and upper- and lower-case letters with a digit
        /// or a symbol (<c>Adm1n!Orders2024</c>), 16+ hex digits with letters and digits (<c>c0ffee5eed1234abcd</c>), or 20+
        /// generated-looking characters (base64). Codec names, paths, mime types, formats and e-mail addresses stop here, and so
        /// do letters joined by <c>-</c>, <c>_</c> or <c>.</c> without a digit (identifiers, header and resource names).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayBeUnnamedCredential(string value)
        {
            if (value.IndexOf(' ') >= 0)
            {
                return SecretValues.HasSchemePrefix(value.Trim());
            }

            if (value.Length < 8)
            {
                return false;
            }

            bool upper = false, lower = false, digit = false, symbol = false, hex = true, otherSymbol = false;
            foreach (var c in value)
            {
                if (c >= 'A' && c <= 'Z')
                {
                    upper = true;
                    hex &= c <= 'F';
                }
                else if (c >= 'a' && c <= 'z')
                {
                    lower = true;
                    hex &= c <= 'f';
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else
                {
                    symbol = true;
                    hex = false;
                    otherSymbol |= c is not ('-' or '_' or '.');
                }
            }

            // Letters joined by '-', '_' or '.' without a digit: an identifier, a header or a resource name
            // ("User-Agent", "SsoInvalidIdentifierError", "Orders_GetInbox"), not worth the semantic model.
            if (!digit && !otherSymbol)
            {
                return false;
            }

            return (upper && lower && (digit || symbol)) ||
                   (hex && digit && (upper || lower) && value.Length >= 16) ||
                   (value.Length >= 20 && SecretValues.LooksGenerated(value));
        }

        /// <summary>
        /// Attributes of ASP.NET Core, System.Text.Json, Newtonsoft.Json, data annotations and the BCL whose constructors take
        /// only templates, names, policies, content types and messages (<c>[Route("…")]</c>, <c>[HttpPost("…")]</c>,
        /// <c>[JsonPropertyName("…")]</c>, <c>[Authorize("…")]</c>): their positional arguments are not resolved. A type of
        /// the code's own with one of these names and a credential parameter is not looked at (docs/rules/PA2001.md).
        /// </summary>
        private static readonly HashSet<string> NonCredentialAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Route", "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead", "HttpOptions", "AcceptVerbs", "Area",
            "Authorize", "Produces", "Consumes", "JsonPropertyName", "JsonProperty", "FromKeyedServices", "Obsolete", "Description",
            "DisplayName", "Table", "Column", "ForeignKey", "InverseProperty", "DebuggerDisplay", "Category", "SuppressMessage",
        };

        [MethodImpl(HotPath.Options)]
        private static bool IsNonCredentialAttribute(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };

            if (name is null)
            {
                return false;
            }

            if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            return NonCredentialAttributes.Contains(name);
        }

        /// <summary>The parameter that takes the value of a key/value pair: <c>Add(key, value)</c>, <c>KeyValuePair(key, value)</c>.</summary>
        private static bool IsValueParameter(string? parameter) =>
            parameter is not null && (parameter.StartsWith("value", StringComparison.OrdinalIgnoreCase) || parameter == "parameter");

        /// <summary>Keys that are public by design: Stripe publishable keys, OAuth client IDs of Google.</summary>
        private static bool IsPublicValue(string value) =>
            value.StartsWith("pk_live_", StringComparison.Ordinal) || value.StartsWith("pk_test_", StringComparison.Ordinal) ||
            value.EndsWith(".apps.googleusercontent.com", StringComparison.Ordinal);

        [MethodImpl(HotPath.Options)]
        private static bool IsCredentialName(string name, SecretTarget target, CredentialNames names, string value)
        {
            if (names.IsCredential(name, target.Bytes))
            {
                return true;
            }

            // An Authorization header: headers["Authorization"] = "Basic …", Add("Authorization", "Bearer …").
            return SecretValues.HasSchemePrefix(value.Trim()) &&
                   (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "parameter", StringComparison.Ordinal) ||
                    string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Cheap syntax test: the literal's parent is a place where a value is given a name.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayHaveName(ExpressionSyntax node) =>
            node.Parent is EqualsValueClauseSyntax or AssignmentExpressionSyntax or ArgumentSyntax or AttributeArgumentSyntax or
                AnonymousObjectMemberDeclaratorSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or InitializerExpressionSyntax or
                ParenthesizedExpressionSyntax or CastExpressionSyntax or ConditionalExpressionSyntax or BinaryExpressionSyntax or
                SwitchExpressionArmSyntax or MemberAccessExpressionSyntax or PostfixUnaryExpressionSyntax;

        /// <summary>The parameter a positional argument binds to (semantic model, asked only now), or for an attribute, its constructor's.</summary>
        [MethodImpl(HotPath.Options)]
        private static string? ResolveParameterName(SyntaxNodeAnalysisContext context, SecretTarget target)
        {
            if (target.Kind is not (TargetKind.PositionalArgument or TargetKind.AttributeArgument) || target.Call is null || target.ArgumentIndex < 0)
            {
                return null;
            }

            // An attribute's constructor from its owner's attributes, which the compiler binds once; the semantic model only for
            // an attribute that did not bind or whose owner is not a declaration (it builds a model per attribute).
            var method = target.Call is AttributeSyntax attribute ? AppliedAttributes.Constructor(context.SemanticModel, attribute, context.CancellationToken) : null;
            if (method is null)
            {
                var symbolInfo = context.SemanticModel.GetSymbolInfo(target.Call, context.CancellationToken);
                method = symbolInfo.Symbol as IMethodSymbol;
                if (method is null && symbolInfo.CandidateSymbols.Length > 0)
                {
                    method = symbolInfo.CandidateSymbols[0] as IMethodSymbol;
                }
            }

            if (method is null || method.Parameters.Length == 0)
            {
                return null;
            }

            var index = target.ArgumentIndex;
            var parameter = index < method.Parameters.Length ? method.Parameters[index] : method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
            if (parameter is null)
            {
                return null;
            }

            // new AuthenticationHeaderValue("Basic", "…"): the credential of an Authorization header.
            if (method.ContainingType?.Name == "AuthenticationHeaderValue" && parameter.Name == "parameter")
            {
                return "Authorization header credential";
            }

            // A credential type's key: new AzureKeyCredential("…"), new StorageSharedKeyCredential(name, "…").
            if (parameter.Name is "key" or "secret" && method.MethodKind == MethodKind.Constructor &&
                method.ContainingType?.Name.EndsWith("Credential", StringComparison.Ordinal) == true)
            {
                return method.ContainingType.Name + "Key";
            }

            return parameter.Name;
        }

        /// <summary>A credential in a URL's query string: PA2001 without a code fix (the URL has to be rebuilt around the value).</summary>
        private static void ReportQueryCredential(SyntaxNodeAnalysisContext context, SyntaxNode node, string parameter, string value) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HardcodedCredential, node.GetLocation(), "The URL query parameter '" + parameter + "'", SecretValues.Redact(value), CodeRemedy));

        private static void Report(
            SyntaxNodeAnalysisContext context,
            DiagnosticDescriptor descriptor,
            SyntaxNode node,
            string? name,
            string argument1,
            string? argument2,
            string remedy)
        {
            var subject = name is null ? "This string literal" : "'" + name + "'";
            var properties = name is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(NameProperty, name);
            var diagnostic = argument2 is null
                ? Diagnostic.Create(descriptor, node.GetLocation(), properties, subject, argument1, remedy)
                : Diagnostic.Create(descriptor, node.GetLocation(), properties, subject, argument1, argument2, remedy);
            context.ReportDiagnostic(diagnostic);
        }

        /// <summary>A syntax tree and its word list (the last one looked up).</summary>
        private static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
