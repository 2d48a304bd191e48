// The Eval* corpus files were written for an SDK project with <ImplicitUsings>enable</ImplicitUsings>:
// these are the SDK's implicit global usings (Microsoft.NET.Sdk; no logging namespace, so Serilog's and MEL's ILogger stay apart).
global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
