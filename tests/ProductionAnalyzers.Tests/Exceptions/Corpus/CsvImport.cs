using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Corpus.Import
{
    public sealed record PriceRow(string Sku, decimal Price, DateOnly ValidFrom);

    public static class PriceParsing
    {
        public static bool TryParseRow(string line, out PriceRow? row)
        {
            row = null;
            var parts = line.Split(';');
            if (parts.Length != 3)
            {
                return false;
            }

            try
            {
                row = new PriceRow(
                    parts[0].Trim(),
                    decimal.Parse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture),
                    DateOnly.ParseExact(parts[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        public static bool TryParseSettings(string json, out Dictionary<string, string>? settings)
        {
            try
            {
                settings = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
                return settings is not null;
            }
            catch // OK for PA3002: "is this input valid?" — one in-memory parse returning a fallback
            {
                settings = null;
                return false;
            }
        }

        public static decimal ParseDiscount(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return 0m;
            }

            try
            {
                return decimal.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture) / 100m;
            }
            catch (Exception) // OK for PA3002: "is this input valid?" — one in-memory parse returning a fallback
            {
                return 0m;
            }
        }
    }

    public sealed class PriceFileImporter
    {
        private readonly List<string> _errors = new();

        public IReadOnlyList<string> Errors => _errors;

        public IReadOnlyList<PriceRow> Import(TextReader reader)
        {
            var rows = new List<PriceRow>();
            var lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                try
                {
                    if (PriceParsing.TryParseRow(line, out var row) && row is not null)
                    {
                        rows.Add(row);
                    }
                }
                catch (Exception ex)
                {
                    _errors.Add($"line {lineNumber}: {ex.Message}");
                }
            }

            return rows;
        }

        public int CountRows(string path)
        {
            var count = 0;
            foreach (var line in File.ReadLines(path))
            {
                try
                {
                    if (PriceParsing.TryParseRow(line, out _))
                    {
                        count++;
                    }
                }
                catch (Exception)
                {
                    // malformed rows are not counted
                }
            }

            return count;
        }
    }
}
