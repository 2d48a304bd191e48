// The implicit usings of a console project (Microsoft.NET.Sdk with ImplicitUsings enabled).
global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
