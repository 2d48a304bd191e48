using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// Reads of the schema catalogue (<c>PRAGMA table_info(t)</c>, <c>SELECT name FROM pragma_table_info('t')</c>,
    /// <c>information_schema.columns</c>, <c>sqlite_master</c>, <c>sys.columns</c>, <c>pg_catalog</c>): the names they
    /// return are the program's own schema — the tables and columns its own DDL created — and a schema upgrader copies
    /// them back into SQL (SQLite's table rebuild: <c>INSERT INTO t (cols) SELECT cols FROM t_old</c>). Followed through a
    /// rows helper of the compilation, <c>Select</c> over the rows, Dapper's <c>Query&lt;string&gt;</c>, and a reader
    /// loop over a command whose text is such a query.
    /// </summary>
    internal sealed partial class SqlTextEvaluator
    {
        private static readonly Regex CatalogPragma = new Regex(
            @"^\s*pragma\s+(table_info|table_xinfo|index_list|index_info|index_xinfo|foreign_key_list)\b",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex SelectStart = new Regex(@"^\s*select\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Sources = new Regex(@"\b(?:from|join)\s+([^\s,;()]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex CatalogObject = new Regex(
            @"^(information_schema\..+|sqlite_master|sqlite_schema|sqlite_temp_master|sqlite_temp_schema|pragma_[a-z_]+|sys\..+|pg_catalog\..+|" +
            @"pg_(tables|indexes|class|attribute|namespace|views|index|constraint)|all_tab_columns|user_tab_columns|all_tables|user_tables|user_indexes)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The most <c>FROM</c>/<c>JOIN</c> sources read from one query's text.</summary>
        private const int MaxCatalogSources = 8;

        /// <summary>
        /// True when the text (other parts written as <c>?</c>) is a query of the schema catalogue only: a catalogue
        /// <c>PRAGMA</c>, or a <c>SELECT</c> whose every <c>FROM</c>/<c>JOIN</c> source is a catalogue object.
        /// </summary>
        internal static bool IsCatalogQuery(string text)
        {
            if (CatalogPragma.IsMatch(text))
            {
                return true;
            }

            if (!SelectStart.IsMatch(text))
            {
                return false;
            }

            var sources = 0;
            for (var match = Sources.Match(text); match.Success; match = match.NextMatch())
            {
                var name = match.Groups[1].Value.Replace("\"", string.Empty).Replace("[", string.Empty).Replace("]", string.Empty).Replace("`", string.Empty);
                if (!CatalogObject.IsMatch(name) || ++sources > MaxCatalogSources)
                {
                    return false;
                }
            }

            return sources > 0;
        }

        /// <summary>
        /// The text of a query as written where it is built, other parts as <c>?</c>: a constant, an interpolation, a
        /// concatenation, or a local given one such value. Read without evaluating anything (no helper is followed, no
        /// argument bound): a catalogue query is written out where it is used. Null for anything else.
        /// </summary>
        private static string? WrittenText(IOperation value, Frame frame, int depth = 0)
        {
            value = SqlOperations.Unwrap(value);
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    var text = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        text.Append(part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string constant } ? constant : "?");
                    }

                    return text.ToString();
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when depth < 16:
                    return (WrittenText(binary.LeftOperand, frame, depth + 1) ?? "?") + (WrittenText(binary.RightOperand, frame, depth + 1) ?? "?");
                case ILocalReferenceOperation local when depth < 2 && frame.Index.OnlyValueBefore(local.Local, local.Syntax.SpanStart) is { } only:
                    return WrittenText(only, frame, depth + 1);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A call that runs a catalogue query — a SQL sink or a sink wrapper of the compilation whose text is one
        /// (<c>Rows(db, $"PRAGMA table_info({table});")</c>, <c>db.Query&lt;string&gt;("SELECT name FROM sqlite_master …")</c>):
        /// what it returns was read from the catalogue. A call that is handed such text without running it (a helper
        /// that appends paging to it) returns the text itself and is judged as text.
        /// </summary>
        private bool IsCatalogCall(IInvocationOperation invocation, Frame frame)
        {
            var mayBe = false;
            foreach (var argument in invocation.Arguments)
            {
                if (SqlOperations.IsString(argument.Value.Type) && WrittenText(argument.Value, frame) is { } text && IsCatalogQuery(text))
                {
                    mayBe = true;
                    break;
                }
            }

            return mayBe && _apis.TryGetSink(invocation, out var sink) && WrittenText(sink.Text, frame) is { } run && IsCatalogQuery(run);
        }

        /// <summary>
        /// <c>reader.GetString(0)</c>, <c>reader["name"]</c>, <c>reader.GetValue(1)</c> of a reader this method opened on a
        /// command whose text is a catalogue query (<c>command.CommandText = "SELECT column_name FROM
        /// information_schema.columns …"</c>, or the command's constructor text).
        /// </summary>
        private static bool IsCatalogReaderRead(IOperation operation, Frame frame)
        {
            var instance = operation switch
            {
                IInvocationOperation { Instance: { } receiver, TargetMethod.Name: var name } when name.StartsWith("Get", StringComparison.Ordinal) => receiver,
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } => indexed,
                _ => null,
            };
            if (instance is null || SqlOperations.Unwrap(instance) is not ILocalReferenceOperation reader)
            {
                return false;
            }

            var opened = frame.Index.OnlyValueBefore(reader.Local, reader.Syntax.SpanStart) is { } value ? SqlOperations.Unwrap(value) : null;
            if (opened is IAwaitOperation { Operation: { } awaited })
            {
                opened = SqlOperations.Unwrap(awaited);
            }

            if (opened is not IInvocationOperation { Instance: { } commandInstance, TargetMethod.Name: var open } ||
                !open.StartsWith("ExecuteReader", StringComparison.Ordinal) ||
                SqlOperations.Unwrap(commandInstance) is not ILocalReferenceOperation command)
            {
                return false;
            }

            var texts = CommandTexts(command, frame);
            foreach (var text in texts)
            {
                if (WrittenText(text, frame) is not { } written || !IsCatalogQuery(written))
                {
                    return false;
                }
            }

            return texts.Count > 0;
        }

        /// <summary>The texts a command local is given in its method: its constructor's text and every <c>CommandText =</c>.</summary>
        private static List<IOperation> CommandTexts(ILocalReferenceOperation command, Frame frame)
        {
            var texts = new List<IOperation>();
            if (frame.Index.OnlyValueBefore(command.Local, command.Syntax.SpanStart) is { } created &&
                SqlOperations.Unwrap(created) is IObjectCreationOperation creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name is "cmdText" or "commandText" && SqlOperations.IsString(argument.Value.Type))
                    {
                        texts.Add(argument.Value);
                    }
                }
            }

            IOperation root = command;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CommandText", Instance: { } target } } assignment &&
                    SqlOperations.Unwrap(target) is ILocalReferenceOperation assigned &&
                    SymbolEqualityComparer.Default.Equals(assigned.Local, command.Local))
                {
                    texts.Add(assignment.Value);
                }
            }

            return texts;
        }

        /// <summary>
        /// The elements of the sequence a (static or non-virtual) helper of the compilation returns
        /// (<c>ColumnsOf(db, table)</c> returning <c>Rows(…).Select(row => (string)row[1]).ToList()</c>); null when a return
        /// cannot be followed.
        /// </summary>
        private List<List<SqlSegment>>? EvalSequenceHelper(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Frame frame, int depth)
        {
            var definition = method.OriginalDefinition;
            if (frame.Depth >= MaxDepth || !_apis.IsSourceMethod(definition) || definition.IsVirtual || definition.IsAbstract || definition.IsOverride ||
                !_visiting.Add(definition))
            {
                return null;
            }

            try
            {
                var body = _apis.GetBody(definition, _cancellationToken);
                if (body is null)
                {
                    return null;
                }

                var inner = HelperFrame(definition, body, arguments, frame);
                var elements = new List<List<SqlSegment>>();
                var returned = false;
                foreach (var value in ReturnedValues(body))
                {
                    if (EvalSequence(value, inner, depth + 1) is not { } some)
                    {
                        return null;
                    }

                    returned = true;
                    elements.AddRange(some);
                }

                return returned ? elements : null;
            }
            finally
            {
                _visiting.Remove(definition);
            }
        }

        /// <summary><c>GetString(1)</c>, <c>Trim()</c>: a call that adds no text of its own to what it is called on.</summary>
        private static bool OnlyConstantsOrNumbers(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var value = SqlOperations.Unwrap(argument.Value);
                if (!value.ConstantValue.HasValue && (value.Type is null || SqlOperations.IsString(value.Type) || !SqlOperations.IsSafeType(value.Type)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>(string)row[1]</c>, <c>row.Name</c>, <c>row.GetString(0)</c> of the element parameter of a lambda over a
        /// trusted sequence (catalogue rows): a piece of a trusted element.
        /// </summary>
        private bool IsPieceOfSafeElement(IOperation operation)
        {
            if (_safeParameters.Count == 0)
            {
                return false;
            }

            for (var depth = 0; depth < 4; depth++)
            {
                var receiver = operation switch
                {
                    IArrayElementReferenceOperation element => element.ArrayReference,
                    IPropertyReferenceOperation property => property.Instance,
                    IFieldReferenceOperation field => field.Instance,
                    IInvocationOperation { Instance: { } instance } invocation when OnlyConstantsOrNumbers(invocation.Arguments) => instance,
                    _ => null,
                };
                if (receiver is null)
                {
                    return false;
                }

                operation = SqlOperations.Unwrap(receiver);
                if (operation is IParameterReferenceOperation parameter)
                {
                    return _safeParameters.Contains(parameter.Parameter);
                }
            }

            return false;
        }
    }
}
