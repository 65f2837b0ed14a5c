using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*CheckIn*'. Each feature keeps its benchmarks in its own folder.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
