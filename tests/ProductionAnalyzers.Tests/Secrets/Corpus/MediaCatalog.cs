using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Orders.MediaCatalog;

// A metadata client for a film and music catalogue: the kind of provider plugin that ships a vendor's API key inside a
// request URL. The hardcoded keys are marked; the look-alikes around them (keys read from options, appended parameters,
// format strings, placeholders, token rules and encoder passes) are quiet.
public sealed class CatalogOptions
{
    public string ApiKey { get; set; } = string.Empty;

    public string Language { get; set; } = "en-US";
}

public sealed class FilmCatalogClient
{
    private const string SearchUrl = {|PA2001:"https://api.filmcatalog.test/3/search/movie?api_key=9f2c4e81b7a3d6051e8c2f4a7b9d3e16&include_adult=false&query="|};
    private const string ApiKeyParameter = "api_key";
    private const string DocumentationUrl = "https://api.filmcatalog.test/docs?api_key=YOUR_API_KEY";
    private const string PosterUrlFormat = "https://images.filmcatalog.test/t/p/{0}{1}?api_key={2}";

    private readonly HttpClient _http;
    private readonly CatalogOptions _options;

    public FilmCatalogClient(HttpClient http, CatalogOptions options)
    {
        _http = http;
        _options = options;
    }

    public Task<string> SearchAsync(string title, CancellationToken cancellationToken) =>
        _http.GetStringAsync(SearchUrl + Uri.EscapeDataString(title), cancellationToken);

    public Task<string> DetailsAsync(int id, CancellationToken cancellationToken) =>
        _http.GetStringAsync("https://api.filmcatalog.test/3/movie/" + id.ToString(CultureInfo.InvariantCulture) + "?" + ApiKeyParameter + "=" + _options.ApiKey, cancellationToken);

    public Task<string> CreditsAsync(int id, CancellationToken cancellationToken) =>
        _http.GetStringAsync($"https://api.filmcatalog.test/3/movie/{id}/credits?api_key={_options.ApiKey}&language={_options.Language}", cancellationToken);

    public string PosterUrl(string size, string path) =>
        string.Format(CultureInfo.InvariantCulture, PosterUrlFormat, size, path, _options.ApiKey);

    public string HelpLink() => DocumentationUrl;
}

public sealed class MusicCatalogClient
{
    private readonly HttpClient _http;

    public MusicCatalogClient(HttpClient http) => _http = http;

    public Task<string> ArtistAsync(string musicBrainzId, CancellationToken cancellationToken) =>
        _http.GetStringAsync({|PA2001:$"https://music.catalog.test/ws/2.0/?method=artist.getinfo&apikey=5b8e1d93c2&mbid={musicBrainzId}&format=json"|}, cancellationToken);

    public Task<string> AlbumAsync(string musicBrainzId, CancellationToken cancellationToken) =>
        _http.GetStringAsync($"https://music.catalog.test/ws/2.0/?method=album.getinfo&mbid={musicBrainzId}&sort=popularity.desc&page=1", cancellationToken);

    public Task<string> ArtworkAsync(string releaseId, CancellationToken cancellationToken) =>
        _http.GetStringAsync({|PA2001:"https://art.catalog.test/v1/release?access_token=Qz7wP2kL9xV4mN8cT5rB&id="|} + releaseId, cancellationToken);

    public Task<string> ChartAsync(string country, CancellationToken cancellationToken) =>
        _http.GetStringAsync("https://music.catalog.test/charts?client_id=orders-media&country=" + country, cancellationToken);
}

public sealed class EpisodeGuideClient
{
    // An empty value is appended to by the caller; the current feed carries its key in the URL.
    private const string LegacyFeed = "https://guide.catalog.test/feed?apikey=&series=";
    private const string CurrentFeed = {|PA2001:"https://guide.catalog.test/v2/feed?series=all&apikey=7d3a91f0"|};

    public string Feed(bool legacy) => legacy ? LegacyFeed : CurrentFeed;
}

// Look-alikes from media naming: a "token" that is a word in a file name, and an encoder's first pass.
public sealed class StubRule
{
    public StubRule(string stubType, string token)
    {
        StubType = stubType;
        Token = token;
    }

    public string StubType { get; }

    public string Token { get; }
}

public static class MediaNaming
{
    public static readonly StubRule[] StubRules =
    {
        new StubRule(stubType: "dvd", token: "dvd"),
        new StubRule(stubType: "bluray", token: "brrip"),
        new StubRule(stubType: "tv", token: "hdtv-rip"),
        new StubRule("web", "webdl"),
    };

    public static string ScaleFilter(bool tonemap)
    {
        var scaleFilterFirstPass = "scale_vaapi=format=nv12:mode=fast";
        var secondPass = tonemap ? "tonemap_opencl=format=nv12:p=bt709" : "null";
        return scaleFilterFirstPass + "," + secondPass;
    }
}
