using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrdersApi.Data;
using OrdersApi.Endpoints;
using OrdersApi.Services;
using OrdersApi.Workers;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Orders")
    ?? throw new InvalidOperationException("ConnectionStrings:Orders is not set");

builder.Services.AddControllers();
builder.Services.AddRazorPages();
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddDbContext<OrdersDbContext>(options => options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
builder.Services.AddScoped<OrderRepository>();
builder.Services.AddScoped<CustomerRepository>();
builder.Services.AddScoped<OrderService>();
builder.Services.AddHttpClient<PaymentGatewayClient>(client => client.BaseAddress = new Uri("https://payments.internal.example/"));
builder.Services.AddHostedService<OutboxWorker>();

var app = builder.Build();

app.MapControllers();
app.MapRazorPages();
app.MapOrderEndpoints();

// The entry point may talk to the console: PA4003 only concerns service code.
Console.WriteLine($"OrdersApi starting in {app.Environment.EnvironmentName}");

app.Run();
