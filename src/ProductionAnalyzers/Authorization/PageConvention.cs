using System;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Authorization
{
    /// <summary>
    /// One Razor Pages authorization convention (<c>AuthorizeFolder("/Admin")</c>, <c>AllowAnonymousToPage("/Index")</c>, and their
    /// area forms), and the page path the framework gives a page model by the Pages folder convention.
    /// </summary>
    internal sealed class PageConvention
    {
        public PageConvention(Decision decision, bool isFolder, string? area, string path)
        {
            Decision = decision;
            IsFolder = isFolder;
            Area = area;
            Path = Normalize(path);
        }

        public Decision Decision { get; }

        public bool IsFolder { get; }

        public string? Area { get; }

        public string Path { get; }

        public bool Covers(PagePath page)
        {
            if (!string.Equals(Area, page.Area, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!IsFolder)
            {
                return string.Equals(Path, page.Path, StringComparison.OrdinalIgnoreCase);
            }

            return Path == "/" || page.Path.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);
        }

        private static string Normalize(string path)
        {
            var trimmed = path.Trim();
            if (!trimmed.StartsWith("/", StringComparison.Ordinal))
            {
                trimmed = "/" + trimmed;
            }

            return trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed;
        }
    }

    /// <summary>
    /// The page path of a page model, from its file the way Razor Pages lays pages out: <c>Pages/Admin/Users.cshtml.cs</c> is
    /// <c>/Admin/Users</c>, <c>Areas/Identity/Pages/Account/Login.cshtml.cs</c> is <c>/Account/Login</c> in area <c>Identity</c>.
    /// A code-behind file not named <c>*.cshtml.cs</c> gives the class name without its <c>Model</c> suffix.
    /// </summary>
    internal readonly struct PagePath
    {
        private PagePath(string? area, string path)
        {
            Area = area;
            Path = path;
        }

        public string? Area { get; }

        public string Path { get; }

        public static PagePath? Of(INamedTypeSymbol pageModel, string? filePath)
        {
            if (string.IsNullOrEmpty(filePath))
            {
                return null;
            }

            var normalized = filePath!.Replace('\\', '/');
            var pages = normalized.LastIndexOf("/Pages/", StringComparison.OrdinalIgnoreCase);
            if (pages < 0)
            {
                return null;
            }

            string? area = null;
            var before = normalized.Substring(0, pages);
            var areaSlash = before.LastIndexOf('/');
            if (areaSlash > 0)
            {
                var areasSlash = before.LastIndexOf('/', areaSlash - 1);
                if (string.Equals(before.Substring(areasSlash + 1, areaSlash - areasSlash - 1), "Areas", StringComparison.OrdinalIgnoreCase))
                {
                    area = before.Substring(areaSlash + 1);
                }
            }

            var relative = normalized.Substring(pages + "/Pages".Length);
            var lastSlash = relative.LastIndexOf('/');
            var folder = relative.Substring(0, lastSlash);
            var file = relative.Substring(lastSlash + 1);
            string name;
            if (file.EndsWith(".cshtml.cs", StringComparison.OrdinalIgnoreCase))
            {
                name = file.Substring(0, file.Length - ".cshtml.cs".Length);
            }
            else
            {
                name = pageModel.Name;
                if (name.EndsWith("Model", StringComparison.Ordinal) && name.Length > "Model".Length)
                {
                    name = name.Substring(0, name.Length - "Model".Length);
                }
            }

            return new PagePath(area, folder + "/" + name);
        }
    }
}
