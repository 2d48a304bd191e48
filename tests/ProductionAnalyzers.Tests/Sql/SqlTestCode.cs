namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>Shared scaffolding of the PA1001 test sources.</summary>
    internal static class SqlTestCode
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Data.Common;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;

            """;

        public const string Model = """

            public class Order
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class Shop : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            public enum OrderStatus { Open, Closed }

            """;

        /// <summary>A <c>Repo</c> class holding <paramref name="members"/>, with the usings and model types the tests use.</summary>
        public static string Repo(string members) =>
            Usings + "public class Repo\n{\n    " + members.Replace("\n", "\n    ").Replace("\n    \n", "\n\n") + "\n}\n" + Model;
    }
}
