using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ProductionAnalyzers.Sql
{
    /// <summary>Allocation-light list helpers (the analyzer avoids LINQ on hot paths).</summary>
    internal static class SqlListExtensions
    {
        public static List<TResult> SelectList<TSource, TResult>(this ImmutableArray<TSource> source, Func<TSource, TResult> selector)
        {
            var result = new List<TResult>(source.Length);
            foreach (var item in source)
            {
                result.Add(selector(item));
            }

            return result;
        }

        public static List<T>? ContainsNull<T>(this List<T> source)
            where T : class
        {
            foreach (var item in source)
            {
                if (item is null)
                {
                    return null;
                }
            }

            return source;
        }
    }
}
