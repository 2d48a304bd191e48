using System;
using System.Collections.Generic;
using System.Data;
using Microsoft.Data.SqlClient;

namespace Contoso.Orders.Data
{
    public sealed class CustomerRepository
    {
        private readonly string _connectionString;

        public CustomerRepository(string connectionString)
        {
            _connectionString = connectionString;
        }

        public Customer? FindByEmail(string email)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = new SqlCommand("SELECT Id, Name, Email, Country FROM " + SqlNames.CustomersTable + " WHERE Email = @email", connection);
            command.Parameters.AddWithValue("@email", email);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Map(reader) : null;
        }

        public Customer? FindByName(string name)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = new SqlCommand({|PA1001:"SELECT Id, Name, Email, Country FROM " + SqlNames.CustomersTable + " WHERE Name = '" + name + "'"|}, connection);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Map(reader) : null;
        }

        public IReadOnlyList<Customer> InCountry(string country, int top)
        {
            var result = new List<Customer>();
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT TOP ({top}) Id, Name, Email, Country FROM {SqlNames.CustomersTable} WHERE Country = @country";
            command.Parameters.AddWithValue("@country", country);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.Add(Map(reader));
            }

            return result;
        }

        public int Rename(int id, string newName)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = {|PA1001:$"UPDATE {SqlNames.CustomersTable} SET Name = '{newName}' WHERE Id = {id}"|};
            return command.ExecuteNonQuery();
        }

        public int Delete(Guid externalId)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = new SqlCommand
            {
                Connection = connection,
                CommandText = $"DELETE FROM {SqlNames.CustomersTable} WHERE ExternalId = '{externalId}'",
            };
            return command.ExecuteNonQuery();
        }

        public int Merge(Customer customer)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = new SqlCommand
            {
                Connection = connection,
                CommandType = CommandType.Text,
                CommandText = {|PA1001:"INSERT INTO " + SqlNames.CustomersTable + " (Name, Email, Country) VALUES ('" + customer.Name + "', '" + customer.Email + "', '" + customer.Country + "')"|},
            };
            return command.ExecuteNonQuery();
        }

        public DataTable Export(string country)
        {
            using var connection = new SqlConnection(_connectionString);
            var adapter = new SqlDataAdapter({|PA1001:"SELECT * FROM " + SqlNames.CustomersTable + " WHERE Country = '" + country + "'"|}, connection);
            var table = new DataTable();
            adapter.Fill(table);
            return table;
        }

        public int ExecuteScript(string script)
        {
            // Scripts come from embedded resources; the text is not built here.
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            using var command = new SqlCommand(script, connection);
            return command.ExecuteNonQuery();
        }

        private static Customer Map(IDataRecord record) => new Customer
        {
            Id = record.GetInt32(0),
            Name = record.GetString(1),
            Email = record.GetString(2),
            Country = record.GetString(3),
        };
    }
}
