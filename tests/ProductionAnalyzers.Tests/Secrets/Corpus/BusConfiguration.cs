namespace Orders.Messaging;

public static class BusConfiguration
{
    public const string ServiceBus = {|PA2003:"Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=q8Rt2Yx7Mv4Lk9Pz3Wn6Bc1Hd5Fg0Js2Ua8Ie4Oq6T="|};
    public const string RabbitMq = {|PA2003:"amqps://orders_svc:Mq7!rB2vX9kL@rabbit.internal:5671/orders"|};
    public const string Redis = {|PA2003:"orders-cache.redis.cache.windows.net:6380,password=Rd5tY8uI2oP4aS7d,ssl=True,abortConnect=False"|};
    public const string LocalRedis = "localhost:6379";
    public const string Mongo = "mongodb://mongo.internal:27017/orders";
    public const string ManagedIdentityDb = "Server=tcp:orders.database.windows.net;Database=orders;Authentication=Active Directory Default";

    public static string Storage(string accountName, string accountKey) =>
        $"DefaultEndpointsProtocol=https;AccountName={accountName};AccountKey={accountKey};EndpointSuffix=core.windows.net";
}
