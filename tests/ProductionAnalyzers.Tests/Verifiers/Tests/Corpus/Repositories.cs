namespace Shop.Data;

public sealed class OrderRepository
{
    public string TableName => "Orders";
}

public sealed class [|BadRepository|]
{
}
