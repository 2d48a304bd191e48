namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>
    /// Code in the middle of being typed, around exactly the APIs the rules look at (SQL, secrets, catch blocks,
    /// logging, authorization): the states an IDE analyzes on every keystroke.
    /// </summary>
    internal static class HalfTypedCode
    {
        public static readonly string[] Snippets =
        {
            // SQL
            "using Dapper; using System.Data; class R { IDbConnection c; void M(string id) { c.Query<int>($\"SELECT * FROM t WHERE id = {",
            "using Dapper; using System.Data; class R { IDbConnection c; void M(string id) { c.Execute(\"DELETE FROM t WHERE id = \" + id, ",
            "using Microsoft.EntityFrameworkCore; class R { DbContext db; void M(string n) { db.Database.ExecuteSqlRaw($\"UPDATE t SET n = '{n}'\" + ); } }",
            "using Microsoft.EntityFrameworkCore; class R { DbContext db; void M(string n) { db.Database.ExecuteSqlRaw(",
            "using Npgsql; class R { void M(string n) { using var cmd = new NpgsqlCommand(\"SELECT \" + n, ); cmd.CommandText += ; } }",
            "using Npgsql; class R { void M(string n) { var cmd = new NpgsqlCommand { CommandText = $\"SELECT {n} FROM\" + , Connection = } } }",
            "using System.Data; class R { void M(IDbCommand cmd, string n) { cmd.CommandText = string.Format(\"SELECT {0}\", ; cmd.",
            "using System.Data; class R { void M(IDbCommand cmd, string n) { cmd.CommandText = string.Concat(\"a\", n, ; cmd.ExecuteReader(",
            "using System.Data; class R { (string, string) G() => (\"a\", ; void M(IDbCommand cmd) { var (a, b) = G(); cmd.CommandText = $\"SELECT {a} FROM {b}\"; var (c, ) = Missing(); cmd.CommandText = c + ; } }",
            "using System.Data; class R { async System.Threading.Tasks.Task<(string Q, int N)> W() => (; async void M(IDbCommand cmd) { var w = await W(); cmd.CommandText = $\"SELECT 1 {w.Q} {w.} {w.Item9}\"; (var q, var n) = await Nope().ConfigureAwait(; } }",
            "using System.Data; class R { void M(IDbCommand cmd, string x) { foreach (var t in new[] { new { Table = \"A\", Column = }, new { Table = x }, new Unknown { Table = \"B\" }, }) cmd.CommandText = $\"UPDATE {t.Table} SET {t.Column} = 1\"; } }",
            "using System.Data; class R { private class Inner { public static void Create(IDbCommand cmd, string table) { cmd.CommandText = $\"DROP TABLE {table}\"; } } void M(IDbCommand c) { Inner.Create(c, ); Inner.Create(c, Missing.Name); } }",
            "using System.Data; class B { protected string? t; } class D : B { void M(IDbCommand cmd) { t = Guid.NewGuid().ToString(; cmd.CommandText = $\"DROP TABLE \\\"{t}\\\"\"; var o = new D(); o.t = ; } } class E : Missing { void N() { t = \"x\"; } }",
            "using System.Data; static class F { public static string V<T>(T v) => v is System.IFormattable f ? f.ToString(null, ) : ; } class R { void M(IDbCommand cmd, string s) { cmd.CommandText = $\"SELECT {F.V(s)} {F.V(3)} {F.V()}\"; } }",
            // secrets
            "class Settings { const string Password = \"", 
            "class Settings { string ApiKey = \"sk_live_", 
            "class Settings { string cs = \"Server=db;User Id=app;Password=\" + ; }",
            "class Settings { void M() { var password = ; var token = $\"Bearer {\"; } }",
            "using System.Collections.Generic; class Settings { Dictionary<string, string> d = new() { [\"Password\"] = \"p4ss\", [\"ApiKey\"] = , }; }",
            // exceptions
            "class S { void M() { try { } catch (System.Exception ex) when ( { } } }",
            "class S { void M() { try { } catch ( { } } }",
            "class S { void M() { try { } catch { } finally } }",
            "class S { void M() { try { M(); } catch (System.Exception ex) { ex. } } }",
            "class S { void M() { try { M(); } catch (System.Exception) { return } } }",
            "class S { async System.Threading.Tasks.Task M() { try { await ; } catch (System.OperationCanceledException) { } catch (",
            "class S { void M() { try { M(); } catch (UnknownException e) { } catch (System.Exception e) { throw e } } }",
            // logging
            "using Microsoft.Extensions.Logging; class W { ILogger<W> _l; void M(int id) { _l.LogInformation($\"Order {id} done\" + ; } }",
            "using Microsoft.Extensions.Logging; class W { ILogger<W> _l; void M(System.Exception ex) { _l.LogError(ex.ToString(), ",
            "using Microsoft.Extensions.Logging; class W { ILogger<W> _l; void M(System.Exception ex) { try { } catch (System.Exception e) { _l.LogError(\"Failed: \" + e.Message + , e); } } }",
            "using Microsoft.Extensions.Logging; class W { ILogger _l; void M(string password) { _l.Log(LogLevel.Information, \"pw {Password}\", password, ; } }",
            "using Microsoft.Extensions.Logging; static partial class Log { [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = \"Hi {Name}\")] static partial void Hi(ILogger l, string ",
            "using Serilog; class W { void M(string u) { Log.Information($\"user {u}\"); Log.ForContext<W>(). } }",
            "using NLog; class W { static readonly Logger L = LogManager.GetCurrentClassLogger(); void M(string u) { L.Info(\"user \" + u + ",
            "class P { static void Main() { System.Console.WriteLine($\"started {",
            "System.Console.WriteLine(\"top level\"); var x = ; System.Console.Error.WriteLine(",
            // authorization
            "using Microsoft.AspNetCore.Mvc; [ApiController] [Route(\"api/[controller]\")] public class OrdersController : ControllerBase { [HttpDelete(\"{id}\")] public IActionResult Delete(int id) => ",
            "using Microsoft.AspNetCore.Mvc; using Microsoft.AspNetCore.Authorization; [Authorize(Roles = ] public class AdminController : Controller { [AllowAnonymous] public IActionResult Index() { return View( } }",
            "using Microsoft.AspNetCore.Mvc; public class HomeController : Controller { [HttpPost] [ValidateAntiForgeryToken public IActionResult Save() => Ok(); }",
            "using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Http; var app = WebApplication.Create(); app.MapGet(\"/orders/{id}\", (int id) => ).RequireAuthorization(; app.MapDelete(\"/x\", ",
            "using Microsoft.AspNetCore.Builder; var app = WebApplication.Create(); var g = app.MapGroup(\"/admin\").AllowAnonymous(); g.MapPost(\"/\", () => Results.",
            "using Microsoft.AspNetCore.Mvc.RazorPages; public class EditModel : PageModel { public void OnPost( }",
            // general brokenness
            "namespace",
            "namespace A; class",
            "class C<T> where T : { void M<",
            "partial class C { partial void M(); } partial class C { partial void M() { try { } catch",
            "record R(string Password = \"x\", ; class D : R(",
            "class C { int this[ => 0; string P { get => $\"{\"; } }",
            "using static System.String; using X = ; class C { void M() => Format(\"{0}\", ",
            "#if DEBUG\nclass C { void M() { try { } catch { }\n#else\n}\n",
            "class C { void M() { var q = from o in new int[0] where o > select ; } }",
            "class C { void M() { var s = \"\"\"\n SELECT * FROM t WHERE id = {id}\n",
        };
    }
}
