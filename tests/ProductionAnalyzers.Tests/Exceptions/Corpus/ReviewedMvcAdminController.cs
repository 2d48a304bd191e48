using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Admin;

public sealed class ProductEditModel
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

public interface IProductAdmin
{
    Task SaveAsync(ProductEditModel model);
    Task DeleteAsync(int id);
    Task<ProductEditModel> LoadAsync(int id);
}

public sealed class ProductsAdminController : Controller
{
    private readonly IProductAdmin _admin;
    private readonly ILogger<ProductsAdminController>? _logger;

    public ProductsAdminController(IProductAdmin admin, ILogger<ProductsAdminController>? logger = null)
    {
        _admin = admin;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> Edit(ProductEditModel model)
    {
        if (!ModelState.IsValid) return View(model);
        try
        {
            await _admin.SaveAsync(model);
            return RedirectToAction("Index");
        }
        catch (InvalidOperationException ex)
        {
            ModelState.AddModelError("", ex.Message); // OK: specific and used
            return View(model);
        }
        {|PA3002:catch (Exception)|}
        {
            ModelState.AddModelError("", "Saving failed. Try again.");
            return View(model);
        }
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id)
    {
        try
        {
            await _admin.DeleteAsync(id);
            TempData["Message"] = "Deleted";
        }
        {|PA3002:catch|}
        {
            TempData["Error"] = "Delete failed";
        }
        return RedirectToAction("Index");
    }

    [HttpPost]
    public async Task<IActionResult> DeleteLogged(int id)
    {
        try
        {
            await _admin.DeleteAsync(id);
        }
        catch (Exception)
        {
            _logger?.LogWarning("Delete of {ProductId} failed", id); // OK: logged via conditional access
            TempData["Error"] = "Delete failed";
        }
        return RedirectToAction("Index");
    }

    public async Task<IActionResult> Details(int id)
    {
        try
        {
            return View(await _admin.LoadAsync(id));
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        {|PA3002:catch (Exception ex)|}
        {
            Debug.Fail("Unexpected failure", ex.Message);
            return View("Error");
        }
    }

    public async Task<IActionResult> Preview(int id)
    {
        try
        {
            return View(await _admin.LoadAsync(id));
        }
        catch (Exception ex)
        {
            {|PA4003:Console.WriteLine(ex.Message)|}; // OK for PA3002: exception text passed on
            return View("Error");
        }
    }

    public async Task<IActionResult> Clone(int id)
    {
        try
        {
            var model = await _admin.LoadAsync(id);
            model.Id = 0;
            await _admin.SaveAsync(model);
            return RedirectToAction("Index");
        }
        {|PA3002:catch (Exception)|}
        {
            throw new ApplicationException("Clone failed");
        }
    }

    public async Task<IActionResult> Export(int id)
    {
        try
        {
            var model = await _admin.LoadAsync(id);
            return Json(model);
        }
        catch (Exception ex)
        {
            return ex switch
            {
                TimeoutException => StatusCode(504),
                _ => StatusCode(500),
            }; // OK: exception used
        }
    }

    public async Task<IActionResult> Reindex()
    {
        try
        {
            await Task.Delay(1);
            return Ok();
        }
        catch (Exception ex) when (ex is OperationCanceledException)
        {
            return StatusCode(499); // OK: narrowed
        }
        catch (AggregateException ae)
        {
            return Problem(ae.Flatten().Message); // OK: specific
        }
    }

    public async Task<IActionResult> Warm()
    {
        var tasks = Enumerable.Range(1, 5).Select(async i =>
        {
            try
            {
                await _admin.LoadAsync(i);
                return true;
            }
            {|PA3002:catch (Exception)|}
            {
                return false;
            }
        });
        var results = await Task.WhenAll(tasks);
        return Ok(results.Count(r => r));
    }

    public async Task<IActionResult> WarmLogged()
    {
        async Task<bool> WarmOne(int i)
        {
            try
            {
                await _admin.LoadAsync(i);
                return true;
            }
            catch (Exception ex)
            {
                LogFailure(ex, i);
                return false; // OK: passed to a method
            }
        }
        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(WarmOne));
        return Ok(results.Count(r => r));
    }

    private void LogFailure(Exception ex, int id) => _logger?.LogWarning(ex, "Warm-up of {ProductId} failed", id);

    public IActionResult Ping()
    {
        try
        {
            return Ok(DateTime.UtcNow);
        }
        {|PA3001:catch (AggregateException)|}
        {
        }
        return Ok();
    }
}
