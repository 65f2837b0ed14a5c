using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// Round 35 stopped scanning a message for the costliest of the search's readings when it holds none of the strings the
/// reading's pattern cannot match without (<see cref="KnowledgeSearchIndex.Reading.Needs"/>). A guard that missed a string
/// would silently drop a reading; these hold each guarded reading to the unguarded one on every committed question and
/// tuning batch, and on messages written to match it.
/// </summary>
public sealed class ReadingGuardTests
{
    /// <summary>Messages each guarded reading matches: from the rounds that added them.</summary>
    private static readonly string[] Matching =
    [
        "we named our new puppy kaggle and he keeps chewing the couch",
        "kaggle (my dog) keeps barking at night",
        "tensorflow is the name of my band",
        "studying maths in krakow, can i become an mle",
        "i have a physics degree, is that enough",
        "my major is in economics",
        "should i get a data analyst job first and then switch",
        "first get a swe role and later move to ml?",
        "i keep getting modulenotfounderror when i import torch",
        "error: cannot allocate memory, what do i do",
        "hi mentor, how do i start",
        "i'm a devops engineer, how much transfers to ml",
        "product manager here. what do mles do all day",
        "i know the math side well but my coding is weak",
        "im a stats person, where do i start",
    ];

    /// <summary>Every question of the committed sets and of the tuning batches, lowercased as the search reads them.</summary>
    private static IEnumerable<string> Texts()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "MlMentorBot.Tests", "Knowledge"), "ask-questions-*.tsv")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "bench", "ask-batches"), "*.tsv"))
            .Where(f => !f.EndsWith("-labels-second.tsv", StringComparison.Ordinal) && !f.EndsWith("-labels.tsv", StringComparison.Ordinal));
        return files.SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .Concat(Matching)
            .Select(q => q.ToLowerInvariant().Replace('’', '\''));
    }

    [Fact]
    public void A_guarded_reading_reads_every_question_as_its_pattern_alone_does()
    {
        var guarded = KnowledgeSearchIndex.Readings.Where(r => r.Needs is not null).ToList();
        Assert.NotEmpty(guarded);
        var matched = new HashSet<int>();
        var texts = Texts().ToList();
        Assert.True(texts.Count > 1000, $"only {texts.Count} questions were read");
        foreach (var text in texts)
        {
            var read = text;
            for (var i = 0; i < KnowledgeSearchIndex.Readings.Length; i++)
            {
                var reading = KnowledgeSearchIndex.Readings[i];
                var unguarded = reading.Pattern.Replace(read, reading.Replacement);
                if (reading.Needs is not null)
                {
                    Assert.Equal(unguarded, reading.Apply(read));
                    if (reading.Pattern.IsMatch(read))
                    {
                        matched.Add(i);
                    }
                }

                read = unguarded;
            }
        }

        // Each guard was tried on a text its pattern matches, so this could fail for every one of them.
        var unmatched = guarded.Where(r => !matched.Contains(Array.IndexOf(KnowledgeSearchIndex.Readings, r))).Select(r => r.Pattern.GetType().Name);
        Assert.Empty(unmatched);
    }

    [Fact]
    public void A_guarded_reading_skips_a_text_without_its_strings()
    {
        var petName = KnowledgeSearchIndex.Readings.Single(r => r.Replacement == "${keep}petname");
        const string story = "my partner heard retail pays less? does the industry you work in change how much an ml engineer earns";
        Assert.False(story.AsSpan().ContainsAny(petName.Needs!));
        Assert.Equal(story, petName.Apply(story));
        Assert.Equal("my dog petname keeps barking", petName.Apply("my dog kaggle keeps barking"));
    }
}
