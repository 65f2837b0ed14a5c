using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- --filter '*'   (or pick a class: --filter '*HandlerBenchmarks*', '*CheckIn*')
// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval …      (the /ask question sets: see AskEval)
if (args.FirstOrDefault() == "ask-eval")
{
    return MlMentorBot.Benchmarks.AskEval.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(MlMentorBot.Benchmarks.Core.HandlerBenchmarks).Assembly).Run(args);
return 0;
