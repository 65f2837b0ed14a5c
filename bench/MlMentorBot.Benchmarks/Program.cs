using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- --filter '*'   (or pick a class: --filter '*HandlerBenchmarks*')
BenchmarkSwitcher.FromAssembly(typeof(MlMentorBot.Benchmarks.Core.HandlerBenchmarks).Assembly).Run(args);
